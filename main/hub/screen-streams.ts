import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { FastifyReply } from 'fastify';
import { HEARTBEAT_EVENT, SNAPSHOT_EVENT } from '../../contract/hub-api';
import type { BoardSnapshot } from '../../contract/snapshot';
import type { ScreenCore } from '../core/core-api';
import { SECURITY_HEADERS } from './hub-replies';

/**
 * The screens watching the board, one Server-Sent Events stream each: every snapshot the core makes
 * goes to all of them, with a heartbeat between so a screen can tell a quiet hub from a lost one.
 * The core hears which screens are connected, so the poller can pause when nobody watches.
 */
export class ScreenStreams {
  private readonly streams = new Set<ServerResponse>();
  private readonly unsubscribe: () => void;
  private readonly heartbeat: ReturnType<typeof setInterval>;

  constructor(
    private readonly core: ScreenCore,
    heartbeatMs: number,
  ) {
    this.unsubscribe = core.onSnapshot((snapshot) => {
      for (const stream of this.streams) write(stream, snapshot);
    });
    this.heartbeat = setInterval(() => {
      this.beat();
    }, heartbeatMs);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.streams.size;
  }

  /** Takes the response over from Fastify: it stays open, written to, until the screen goes away. */
  open(reply: FastifyReply): void {
    reply.hijack();
    const stream = reply.raw;
    const screenId = randomUUID();
    // Hijacked: Fastify's hooks no longer run, so the security headers are written here.
    stream.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    stream.write('retry: 3000\n\n');
    this.streams.add(stream);
    this.core.screenVisible(screenId, true);
    const snapshot = this.core.snapshot();
    if (snapshot) write(stream, snapshot);
    stream.on('close', () => {
      this.streams.delete(stream);
      this.core.screenVisible(screenId, false);
    });
  }

  /** Stops listening and ends every stream; the server then closes what remains of their sockets. */
  close(): void {
    this.unsubscribe();
    clearInterval(this.heartbeat);
    for (const stream of this.streams) stream.end();
  }

  private beat(): void {
    // A named event, not a comment: EventSource hides comments, and screens watch for signs of life.
    for (const stream of this.streams) stream.write(`event: ${HEARTBEAT_EVENT}\ndata: ${Date.now()}\n\n`);
  }
}

function write(stream: ServerResponse, snapshot: BoardSnapshot): void {
  stream.write(`event: ${SNAPSHOT_EVENT}\ndata: ${JSON.stringify(snapshot)}\n\n`);
}
