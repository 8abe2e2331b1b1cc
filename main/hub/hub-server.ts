import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import FindMyWay from 'find-my-way';
import { INVOKE_CHANNELS, isInvokeChannel } from '../../contract/bridge';
import { HEARTBEAT_EVENT, HUB_PATHS, SNAPSHOT_EVENT } from '../../contract/hub-api';
import type { BoardSnapshot } from '../../contract/snapshot';
import type { ScreenCore } from '../core/core-api';
import { accessCookie, checkViewer, isAdmin, type AccessPolicy } from './access';
import { StaticFiles } from './static-files';
import { errorText } from '../../contract/error-text';

/**
 * The hub's HTTP server: the built board, the snapshot (once, and as a Server-Sent Events stream)
 * and Bridge invokes. One core feeds every screen, so adding screens adds no API requests. Nothing
 * served here ever contains a token or a RingCentral secret: snapshots and settings carry none.
 */

export interface HubServerOptions {
  core: ScreenCore;
  rendererDir: string;
  access: AccessPolicy;
  /** SSE heartbeat, so screens can tell a live hub from a lost one. */
  heartbeatMs?: number;
  log?: (line: string) => void;
}

const MAX_BODY = 1_000_000;
const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'",
};

type Handler = (
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  params: Record<string, string | undefined>,
) => Promise<void> | void;

export class HubServer {
  private readonly server: Server;
  private readonly router = FindMyWay({ ignoreTrailingSlash: true });
  private readonly files: StaticFiles;
  private readonly streams = new Set<ServerResponse>();
  private readonly sockets = new Set<Socket>();
  private readonly unsubscribe: () => void;
  private readonly heartbeat: ReturnType<typeof setInterval>;

  constructor(private readonly options: HubServerOptions) {
    this.files = new StaticFiles(options.rendererDir);
    this.route('GET', HUB_PATHS.health, (_req, res) => this.json(res, 200, { ok: true }));
    this.route('GET', HUB_PATHS.snapshot, (_req, res) => this.sendSnapshot(res));
    this.route('GET', HUB_PATHS.events, (req, res) => this.openStream(req, res));
    this.route('POST', `${HUB_PATHS.invoke}:channel`, (req, res, _url, params) =>
      this.invoke(req, res, params['channel']),
    );
    this.unsubscribe = options.core.onSnapshot((snapshot) => this.broadcast(snapshot));
    this.heartbeat = setInterval(() => this.beat(), options.heartbeatMs ?? 15_000);
    this.heartbeat.unref();
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        this.options.log?.(`hub: unexpected error: ${errorText(error)}`);
        if (!res.headersSent)
          this.json(res, 500, { error: 'The hub hit an unexpected problem; see its log.' });
        else res.destroy();
      });
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  listen(port: number, host: string): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve(this.server.address() as AddressInfo));
    });
  }

  async close(): Promise<void> {
    this.unsubscribe();
    clearInterval(this.heartbeat);
    for (const stream of this.streams) stream.end();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  get screens(): number {
    return this.streams.size;
  }

  private route(method: 'GET' | 'POST', path: string, handler: Handler): void {
    this.router.on(method, path, () => undefined, { handler });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://hub');
    const viewer = checkViewer(req, url, this.options.access);
    if (viewer === 'denied') {
      req.resume();
      this.refuse(res, url);
      return;
    }
    if (viewer === 'allowedWithKey' && req.method === 'GET' && !url.pathname.startsWith('/api/')) {
      // Trade the key in the address for a cookie, and drop it from the address bar and history.
      url.searchParams.delete('key');
      res
        .writeHead(303, {
          ...SECURITY_HEADERS,
          'Set-Cookie': accessCookie(this.options.access.accessKey ?? ''),
          Location: `${url.pathname}${url.search}`,
        })
        .end();
      return;
    }
    const found = this.router.find((req.method ?? 'GET') as 'GET', url.pathname);
    const handler = (found?.store as { handler?: Handler } | undefined)?.handler;
    if (found && handler) {
      await handler(req, res, url, found.params);
      return;
    }
    req.resume();
    if (url.pathname.startsWith('/api/'))
      this.json(res, 404, { error: `No such hub endpoint: ${url.pathname}` });
    else if (req.method === 'GET' || req.method === 'HEAD')
      await this.files.serve(url.pathname, res, SECURITY_HEADERS);
    else this.json(res, 405, { error: 'Method not allowed' });
  }

  private refuse(res: ServerResponse, url: URL): void {
    if (url.pathname.startsWith('/api/')) {
      this.json(res, 401, {
        error: 'This Callboard hub needs its access key: open the address the hub printed at startup.',
      });
      return;
    }
    res
      .writeHead(401, { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8' })
      .end(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Callboard: access key needed</title></head>' +
          '<body style="font-family:system-ui;background:#0b0f14;color:#f2f5f8;padding:3rem"><h1>Access key needed</h1>' +
          '<p>This Callboard hub serves a network and needs its access key. Open the address the hub printed at startup ' +
          '(it ends in <code>?key=…</code>); this screen will remember it.</p></body></html>',
      );
  }

  private sendSnapshot(res: ServerResponse): void {
    const snapshot = this.options.core.snapshot();
    if (!snapshot) res.writeHead(204, { ...SECURITY_HEADERS, 'Cache-Control': 'no-store' }).end();
    else this.json(res, 200, snapshot);
  }

  private openStream(req: IncomingMessage, res: ServerResponse): void {
    const screenId = randomUUID();
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    this.streams.add(res);
    this.options.core.screenVisible(screenId, true);
    const snapshot = this.options.core.snapshot();
    if (snapshot) this.write(res, snapshot);
    req.on('close', () => {
      this.streams.delete(res);
      this.options.core.screenVisible(screenId, false);
    });
  }

  private broadcast(snapshot: BoardSnapshot): void {
    for (const stream of this.streams) this.write(stream, snapshot);
  }

  private write(stream: ServerResponse, snapshot: BoardSnapshot): void {
    stream.write(`event: ${SNAPSHOT_EVENT}\ndata: ${JSON.stringify(snapshot)}\n\n`);
  }

  private beat(): void {
    // A named event, not a comment: EventSource hides comments, and screens watch for signs of life.
    for (const stream of this.streams) stream.write(`event: ${HEARTBEAT_EVENT}\ndata: ${Date.now()}\n\n`);
  }

  private async invoke(
    req: IncomingMessage,
    res: ServerResponse,
    channel: string | undefined,
  ): Promise<void> {
    if (!isInvokeChannel(channel)) {
      req.resume();
      this.json(res, 404, { ok: false, error: `Unknown channel "${String(channel)}"` });
      return;
    }
    if (INVOKE_CHANNELS[channel].admin && !isAdmin(req, this.options.access)) {
      req.resume();
      this.json(res, 403, {
        ok: false,
        error: 'This action changes settings and needs the hub’s admin key.',
      });
      return;
    }
    const body = await readJson(req);
    if (!body.ok) {
      this.json(res, body.status, { ok: false, error: body.error });
      return;
    }
    const result = await this.options.core.invoke(channel, body.value, { screenId: 'hub' });
    this.json(res, 200, result);
  }

  private json(res: ServerResponse, status: number, value: unknown): void {
    res.writeHead(status, {
      ...SECURITY_HEADERS,
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    res.end(JSON.stringify(value));
  }
}

type BodyResult = { ok: true; value: unknown } | { ok: false; status: number; error: string };

async function readJson(req: IncomingMessage): Promise<BodyResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY)
      return { ok: false, status: 413, error: `The request body is larger than ${MAX_BODY} bytes` };
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return {
      ok: false,
      status: 400,
      error: `The request body is not valid JSON (${errorText(error)})`,
    };
  }
}
