import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { callbackPage, type CallbackPage } from './callback-page';
import { SignInError } from './errors';
import { errorText } from '../../../contract/error-text';

/**
 * The redirect target of a browser sign-in: an HTTP listener on 127.0.0.1 only (never a LAN
 * address), on an ephemeral port unless one is configured, for one answer. It holds the browser's
 * request open until the sign-in has finished, so the tab can say how it ended. It closes after
 * that answer, at the time limit, on cancel, or when the sign-in gives up — always.
 */

export const CALLBACK_PATH = '/callback';

export interface LoopbackCallback {
  /** The query string the browser brought, "?code=…&state=…" (secret: never log it). */
  search: string;
  /** Answer the waiting browser tab. */
  reply(page: CallbackPage): Promise<void>;
}

export interface LoopbackListener {
  readonly redirectUri: string;
  /** The first request to the callback path; rejects with a SignInError on timeout or cancel. */
  readonly callback: Promise<LoopbackCallback>;
  close(): Promise<void>;
}

export interface LoopbackOptions {
  /** 0 (default) picks a free port; a fixed one suits apps whose redirect URI must be registered. */
  port?: number;
  timeoutMs: number;
  signal?: AbortSignal;
}

export async function startLoopbackListener(options: LoopbackOptions): Promise<LoopbackListener> {
  const listener = new OneShotListener(options);
  try {
    await listener.listen(options.port ?? 0);
  } catch (error) {
    await listener.close();
    const reason = (error as NodeJS.ErrnoException).code ?? errorText(error);
    throw new SignInError(`Could not receive the sign-in answer on 127.0.0.1 (${reason}).`, 'browser');
  }
  return listener;
}

class OneShotListener implements LoopbackListener {
  readonly callback: Promise<LoopbackCallback>;
  private settle: { resolve: (c: LoopbackCallback) => void; reject: (e: Error) => void } | null = null;
  private pending: ServerResponse | null = null;
  private readonly server = createServer((req, res) => this.handle(req, res));
  private readonly timer: ReturnType<typeof setTimeout>;
  private readonly onAbort = () => this.fail(new SignInError('The sign-in was cancelled.', 'cancelled'));
  private closed: Promise<void> | null = null;
  private port = 0;

  constructor(private readonly options: LoopbackOptions) {
    this.callback = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
    this.callback.catch(() => {}); // Whoever awaits it sees the rejection; an abandoned one is no error.
    const minutes = Math.max(1, Math.round(options.timeoutMs / 60_000));
    const limit = `${minutes} minute${minutes === 1 ? '' : 's'}`;
    this.timer = setTimeout(
      () =>
        this.fail(
          new SignInError(`No answer from the browser within ${limit}; the sign-in was stopped.`, 'timeout'),
        ),
      options.timeoutMs,
    );
    this.timer.unref();
    if (options.signal?.aborted) queueMicrotask(this.onAbort);
    else options.signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  get redirectUri(): string {
    return `http://127.0.0.1:${this.port}${CALLBACK_PATH}`;
  }

  async listen(port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  close(): Promise<void> {
    this.closed ??= this.shutDown();
    return this.closed;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const search = callbackSearch(req);
    if (search === null) return plain(res, 404, 'Not found');
    if (!this.settle) return plain(res, 409, 'This sign-in has already been answered.');
    this.pending = res;
    this.settle.resolve({ search, reply: (page) => send(res, page) });
    this.settle = null;
  }

  private fail(error: SignInError): void {
    this.settle?.reject(error);
    this.settle = null;
    void this.close();
  }

  private async shutDown(): Promise<void> {
    clearTimeout(this.timer);
    this.options.signal?.removeEventListener('abort', this.onAbort);
    this.settle?.reject(new SignInError('The sign-in was stopped.', 'cancelled'));
    this.settle = null;
    if (this.pending && !this.pending.writableEnded) {
      await send(this.pending, callbackPage({ ok: false, message: 'The sign-in was stopped.' }));
    }
    const done = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await done;
  }
}

/** The query string of a GET to the callback path, or null for anything else (e.g. /favicon.ico). */
function callbackSearch(req: IncomingMessage): string | null {
  if (req.method !== 'GET') return null;
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  return url.pathname === CALLBACK_PATH ? url.search : null;
}

function send(res: ServerResponse, page: CallbackPage): Promise<void> {
  if (res.writableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    res.once('close', () => resolve());
    res.writeHead(page.status, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      'Referrer-Policy': 'no-referrer',
      Connection: 'close',
    });
    res.end(page.html);
  });
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
  res.end(text);
}
