import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { FastifyReply } from 'fastify';
import { HEARTBEAT_EVENT, SNAPSHOT_EVENT } from '../../contract/hub-api';
import type { BoardSnapshot } from '../../contract/snapshot';
import type { ScreenCore } from '../core/core-api';
import { SECURITY_HEADERS, sendJson } from './hub-replies';

/**
 * The screens watching the board, one Server-Sent Events stream each: every snapshot the core makes
 * goes to all of them, with a heartbeat between so a screen can tell a quiet hub from a lost one.
 * - A stream is a screen for the core (the poller pauses when nobody watches); the page may say it
 *   is hidden (screen:visibility, naming its own stream), and when the stream closes it is forgotten.
 *   The core never keeps an id it did not get from an open stream, so the number is bounded.
 * - Back-pressure: a screen that does not read is not written to until it drains, and then gets only
 *   the newest snapshot; one that has not drained for `maxLagMs` is dropped (it reconnects itself).
 * - At most `maxStreams` at once; beyond that a clear 503 (EventSource retries on its own).
 */

export interface StreamLimits {
  heartbeatMs: number;
  maxStreams: number;
  maxLagMs: number;
}

/** Who opened a stream: the screen's registry id on a LAN hub, null on loopback or with the key. */
export interface StreamOwner {
  screen: string | null;
  /** The page's own name for its stream (`?screen=`), used only to report its visibility. */
  pageId: string | null;
}

interface Watcher {
  readonly response: ServerResponse;
  readonly owner: StreamOwner;
  /** The id the core knows this stream by. */
  readonly coreId: string;
  /** The frame waiting for the socket to drain: the newest snapshot only. */
  pending: Buffer | null;
  blockedSince: number | null;
}

export class ScreenStreams {
  private readonly watchers = new Set<Watcher>();
  private readonly unsubscribe: () => void;
  private readonly heartbeat: ReturnType<typeof setInterval>;
  private latest: { snapshot: BoardSnapshot; bytes: Buffer } | null = null;

  constructor(
    private readonly core: ScreenCore,
    private readonly limits: StreamLimits,
    private readonly now: () => number = Date.now,
  ) {
    this.unsubscribe = core.onSnapshot((snapshot) => {
      // Encoded once: every stream is handed the same bytes, not a copy each.
      const bytes = this.frameOf(snapshot);
      for (const watcher of this.watchers) this.send(watcher, bytes);
    });
    this.heartbeat = setInterval(() => this.beat(), limits.heartbeatMs);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.watchers.size;
  }

  /** Streams a screen has open right now. */
  connectedCount(screen: string): number {
    let count = 0;
    for (const watcher of this.watchers) if (watcher.owner.screen === screen) count++;
    return count;
  }

  /** Takes the response over from Fastify: it stays open, written to, until the screen goes away. */
  open(reply: FastifyReply, owner: StreamOwner): void {
    if (this.watchers.size >= this.limits.maxStreams) {
      void sendJson(reply.header('Retry-After', '30'), 503, {
        error: `This hub already serves ${this.limits.maxStreams} screens, its limit (--max-screens). This screen will try again by itself.`,
      });
      return;
    }
    reply.hijack();
    const response = reply.raw;
    // Hijacked: Fastify's hooks no longer run, so the security headers are written here.
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    response.write('retry: 3000\n\n');
    const watcher: Watcher = { response, owner, coreId: randomUUID(), pending: null, blockedSince: null };
    this.watchers.add(watcher);
    this.core.screenVisible(watcher.coreId, true);
    const current = this.core.snapshot();
    if (current) this.send(watcher, this.frameOf(current));
    response.on('close', () => {
      this.watchers.delete(watcher);
      this.core.screenVisible(watcher.coreId, false);
    });
  }

  /** The page showing a stream was hidden or shown again; true when that stream is open. */
  setVisible(owner: StreamOwner, visible: boolean): boolean {
    let found = false;
    for (const watcher of this.watchers) {
      if (owner.pageId === null || watcher.owner.pageId !== owner.pageId) continue;
      if (watcher.owner.screen !== owner.screen) continue;
      this.core.screenVisible(watcher.coreId, visible);
      found = true;
    }
    return found;
  }

  /** Ends every stream of a screen (it was revoked); returns how many there were. */
  closeScreen(screen: string): number {
    let closed = 0;
    for (const watcher of this.watchers) {
      if (watcher.owner.screen !== screen) continue;
      watcher.response.destroy();
      closed++;
    }
    return closed;
  }

  /** Stops listening and ends every stream; the server then closes what remains of their sockets. */
  close(): void {
    this.unsubscribe();
    clearInterval(this.heartbeat);
    for (const watcher of this.watchers) watcher.response.end();
  }

  private frameOf(snapshot: BoardSnapshot): Buffer {
    if (this.latest?.snapshot !== snapshot) this.latest = { snapshot, bytes: frame(snapshot) };
    return this.latest.bytes;
  }

  private send(watcher: Watcher, bytes: Buffer): void {
    const { response } = watcher;
    if (watcher.blockedSince !== null) {
      watcher.pending = bytes;
      this.dropIfLagging(watcher);
      return;
    }
    if (response.write(bytes)) return;
    watcher.blockedSince = this.now();
    response.once('drain', () => {
      watcher.blockedSince = null;
      const pending = watcher.pending;
      watcher.pending = null;
      if (pending && !response.destroyed) this.send(watcher, pending);
    });
  }

  private dropIfLagging(watcher: Watcher): void {
    if (watcher.blockedSince !== null && this.now() - watcher.blockedSince > this.limits.maxLagMs) {
      watcher.response.destroy();
    }
  }

  private beat(): void {
    // A named event, not a comment: EventSource hides comments, and screens watch for signs of life.
    const beat = Buffer.from(`event: ${HEARTBEAT_EVENT}\ndata: ${this.now()}\n\n`);
    for (const watcher of this.watchers) {
      // A screen that has not drained gets no heartbeat (its next frame is the newest snapshot).
      if (watcher.blockedSince !== null) this.dropIfLagging(watcher);
      else this.send(watcher, beat);
    }
  }
}

function frame(snapshot: BoardSnapshot): Buffer {
  return Buffer.from(`event: ${SNAPSHOT_EVENT}\ndata: ${JSON.stringify(snapshot)}\n\n`);
}
