import type { Bridge, InvokeChannel, InvokeRequest, InvokeResult } from '../../../contract/bridge';
import { HEARTBEAT_EVENT, HUB_PATHS, SNAPSHOT_EVENT, STREAM_SCREEN_PARAM } from '../../../contract/hub-api';
import type { BoardSnapshot } from '../../../contract/snapshot';
import type { LinkEvent, LinkSource } from './liveness';
import { parseInvokeResult, parseSnapshot } from './validate';

/**
 * The Bridge over the hub's HTTP API (contract/hub-api.ts), same-origin so the access cookie goes
 * along: snapshots arrive on a Server-Sent Events stream, invokes are POSTs. EventSource reconnects
 * by itself after a dropped connection; when it gives up for good (e.g. the hub answered with an
 * error page), this transport opens a new one after a pause. The stream carries the page's own name
 * (`?screen=`), under which it tells the hub when the page is hidden, so polling can pause.
 */

/** Whether the page is showing, and a way to hear when that changes (document's, by default). */
export interface PageVisibility {
  hidden(): boolean;
  onChange(listener: () => void): () => void;
}

/** The parts of EventSource this transport uses, so tests can hand in a fake. */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

export interface HubBridgeOptions {
  /** Origin and path prefix of the hub; '' for the page's own origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  createEventSource?: (url: string) => EventSourceLike;
  /** Pause before replacing an EventSource that has closed for good. */
  reopenMs?: number;
  /** How long a probe or invoke may take. */
  requestTimeoutMs?: number;
  visibility?: PageVisibility | null;
  /** This page's name for its stream; random by default. */
  pageId?: string;
}

const CLOSED = 2;

export type HubBridge = Bridge & LinkSource & { close(): void };

export function createHubBridge(options: HubBridgeOptions = {}): HubBridge {
  return new HubTransport(options);
}

class HubTransport implements Bridge, LinkSource {
  private readonly snapshotListeners = new Set<(snapshot: BoardSnapshot) => void>();
  private readonly linkListeners = new Set<(event: LinkEvent) => void>();
  private source: EventSourceLike | null = null;
  private reopenTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly base: string;
  private readonly fetcher: typeof fetch;
  private readonly open: (url: string) => EventSourceLike;
  private readonly pageId: string;
  private readonly visibility: PageVisibility | null;
  private stopWatchingVisibility: (() => void) | null = null;

  constructor(private readonly options: HubBridgeOptions) {
    this.base = options.baseUrl ?? '';
    this.fetcher = options.fetch ?? ((input, init) => fetch(input, init));
    this.open = options.createEventSource ?? ((url) => new EventSource(url));
    this.pageId = options.pageId ?? randomPageId();
    this.visibility = options.visibility === undefined ? documentVisibility() : options.visibility;
  }

  async invoke<C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): Promise<InvokeResult<C>> {
    try {
      const response = await this.request(`${HUB_PATHS.invoke}${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: request === undefined ? '' : JSON.stringify(request),
      });
      const body: unknown = await response.json().catch(() => null);
      if (!response.ok && !isResult(body)) return { ok: false, error: hubError(response.status, body) };
      return parseInvokeResult(channel, body);
    } catch {
      return { ok: false, error: 'Cannot reach the Callboard hub.' };
    }
  }

  onSnapshot(listener: (snapshot: BoardSnapshot) => void): () => void {
    this.snapshotListeners.add(listener);
    this.connect();
    return () => {
      this.snapshotListeners.delete(listener);
      if (this.snapshotListeners.size === 0) this.close();
    };
  }

  onLink(listener: (event: LinkEvent) => void): () => void {
    this.linkListeners.add(listener);
    return () => this.linkListeners.delete(listener);
  }

  /** GET the current snapshot: proves the hub answers, and delivers it. */
  async probe(): Promise<boolean> {
    try {
      const response = await this.request(HUB_PATHS.snapshot, { method: 'GET' });
      if (response.status === 200) this.deliver(await response.json(), 'the hub');
      return response.ok;
    } catch {
      return false;
    }
  }

  close(): void {
    this.stopWatchingVisibility?.();
    this.stopWatchingVisibility = null;
    if (this.reopenTimer !== null) clearTimeout(this.reopenTimer);
    this.reopenTimer = null;
    this.source?.close();
    this.source = null;
  }

  private connect(): void {
    if (this.source !== null) return;
    const query = `?${STREAM_SCREEN_PARAM}=${encodeURIComponent(this.pageId)}`;
    const source = this.open(`${this.base}${HUB_PATHS.events}${query}`);
    this.source = source;
    this.watchVisibility();
    source.addEventListener('open', () => {
      this.emit('open');
      // A new stream counts as showing: tell the hub at once if the page is in fact hidden.
      if (this.visibility?.hidden()) this.reportVisibility();
    });
    source.addEventListener(SNAPSHOT_EVENT, (event) => this.onEvent(event));
    // Any other message (e.g. an event-typed heartbeat) is a sign of life too.
    source.addEventListener('message', () => this.emit('message'));
    source.addEventListener(HEARTBEAT_EVENT, () => this.emit('message'));
    source.addEventListener('error', () => this.onError(source));
  }

  private watchVisibility(): void {
    if (this.visibility === null || this.stopWatchingVisibility !== null) return;
    this.stopWatchingVisibility = this.visibility.onChange(() => this.reportVisibility());
  }

  private reportVisibility(): void {
    const visible = !(this.visibility?.hidden() ?? false);
    void this.invoke('screen:visibility', { screenId: this.pageId, visible });
  }

  private onEvent(event: MessageEvent<string>): void {
    this.emit('message');
    let data: unknown;
    try {
      data = JSON.parse(event.data);
    } catch {
      console.warn('Callboard: ignored a hub event that is not JSON.');
      return;
    }
    this.deliver(data, 'the hub');
  }

  private onError(source: EventSourceLike): void {
    this.emit('error');
    if (source.readyState !== CLOSED || this.source !== source) return;
    this.source = null;
    if (this.snapshotListeners.size === 0 || this.reopenTimer !== null) return;
    this.reopenTimer = setTimeout(() => {
      this.reopenTimer = null;
      if (this.snapshotListeners.size > 0) this.connect();
    }, this.options.reopenMs ?? 5000);
  }

  private deliver(data: unknown, source: string): void {
    const snapshot = parseSnapshot(data, source);
    if (snapshot) for (const listener of this.snapshotListeners) listener(snapshot);
  }

  private emit(event: LinkEvent): void {
    for (const listener of this.linkListeners) listener(event);
  }

  private async request(path: string, init: RequestInit): Promise<Response> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.requestTimeoutMs ?? 10_000);
    try {
      return await this.fetcher(`${this.base}${path}`, {
        ...init,
        credentials: 'same-origin',
        cache: 'no-store',
        signal: controller.signal,
      });
    } finally {
      clearTimeout(timer);
    }
  }
}

/** 32 hex digits; getRandomValues, because randomUUID exists only on https (a LAN hub is http). */
function randomPageId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function documentVisibility(): PageVisibility | null {
  if (typeof document === 'undefined') return null;
  return {
    hidden: () => document.visibilityState === 'hidden',
    onChange(listener) {
      document.addEventListener('visibilitychange', listener);
      return () => document.removeEventListener('visibilitychange', listener);
    },
  };
}

function isResult(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'ok' in body;
}

function hubError(status: number, body: unknown): string {
  const message = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  if (typeof message === 'string') return message;
  return `The Callboard hub answered ${status}.`;
}
