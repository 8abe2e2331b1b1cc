import type { AddressInfo } from 'node:net';
import fastifyCookie from '@fastify/cookie';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type HookHandlerDoneFunction,
} from 'fastify';
import { INVOKE_CHANNELS, isInvokeChannel } from '../../contract/bridge';
import { errorText } from '../../contract/error-text';
import { ACCESS_COOKIE, ACCESS_KEY_PARAM, HUB_PATHS } from '../../contract/hub-api';
import type { ScreenCore } from '../core/core-api';
import { ACCESS_COOKIE_OPTIONS, checkViewer, isAdmin, type AccessPolicy } from './access';
import { acceptAnyBody, MAX_BODY, parseJsonBody } from './hub-body';
import { isApiPath, refuseViewer, SECURITY_HEADERS, sendJson, sendText } from './hub-replies';
import { ScreenStreams } from './screen-streams';
import { sendIndex, serveRenderer } from './static-files';

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

type InvokeRequest = FastifyRequest<{ Params: { channel: string } }>;

export class HubServer {
  private readonly app: FastifyInstance;
  private readonly streams: ScreenStreams;

  constructor(private readonly options: HubServerOptions) {
    this.streams = new ScreenStreams(options.core, options.heartbeatMs ?? 15_000);
    this.app = Fastify({
      bodyLimit: MAX_BODY,
      routerOptions: { ignoreTrailingSlash: true },
      // HEAD only where @fastify/static answers it (the board's files), not on the API.
      exposeHeadRoutes: false,
      // close() ends every connection, SSE streams included, with server.closeAllConnections().
      forceCloseConnections: true,
      return503OnClosing: false,
      frameworkErrors: (_error, request, reply) => this.badUrl(request, reply),
    });
    void this.app.register(fastifyCookie);
    this.app.addHook('onSend', (_request, reply, payload, done) => {
      reply.headers(SECURITY_HEADERS);
      done(null, payload);
    });
    this.app.addHook('onRequest', (request, reply, done) => {
      this.admit(request, reply, done);
    });
    this.app.removeAllContentTypeParsers();
    this.app.addContentTypeParser('*', { parseAs: 'string' }, parseJsonBody);
    this.routes();
    serveRenderer(this.app, options.rendererDir);
    this.app.setNotFoundHandler((request, reply) => this.notFound(request, reply));
    this.app.setErrorHandler((error: FastifyError, request, reply) => this.failed(error, request, reply));
  }

  async listen(port: number, host: string): Promise<AddressInfo> {
    await this.app.listen({ port, host });
    return this.app.server.address() as AddressInfo;
  }

  async close(): Promise<void> {
    this.streams.close();
    await this.app.close();
  }

  get screens(): number {
    return this.streams.size;
  }

  private routes(): void {
    this.app.get(HUB_PATHS.health, (_request, reply) => sendJson(reply, 200, { ok: true }));
    this.app.get(HUB_PATHS.snapshot, (_request, reply) => {
      const snapshot = this.options.core.snapshot();
      return snapshot
        ? sendJson(reply, 200, snapshot)
        : reply.code(204).header('Cache-Control', 'no-store').send();
    });
    this.app.get(HUB_PATHS.events, (_request, reply) => {
      this.streams.open(reply);
    });
    this.app.post<{ Params: { channel: string } }>(
      `${HUB_PATHS.invoke}:channel`,
      {
        // Both before the body is read: a refused caller's body is never parsed.
        onRequest: [(request, reply, done) => this.admitInvoke(request, reply, done), acceptAnyBody],
      },
      (request, reply) => this.invoke(request, reply),
    );
  }

  /** Every request: viewers on a LAN need the access key; requests no route claims end here, bodies unread. */
  private admit(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
    const { path, params } = splitUrl(request.url);
    const viewer = checkViewer(
      { cookie: request.cookies[ACCESS_COOKIE], key: params.get(ACCESS_KEY_PARAM) },
      this.options.access,
    );
    if (viewer === 'denied') {
      void refuseViewer(reply, path);
    } else if (viewer === 'allowedWithKey' && request.method === 'GET' && !isApiPath(path)) {
      // Trade the key in the address for a cookie, and drop it from the address bar and history.
      params.delete(ACCESS_KEY_PARAM);
      const search = params.toString();
      // One leading slash: `//host` or `/\host` in Location would send the screen to another site.
      const location = `${path.replace(/^[/\\]+/, '/')}${search ? `?${search}` : ''}`;
      void reply
        .setCookie(ACCESS_COOKIE, this.options.access.accessKey ?? '', ACCESS_COOKIE_OPTIONS)
        .redirect(location, 303);
    } else if (request.is404) {
      void this.notFound(request, reply);
    } else {
      done();
    }
  }

  private admitInvoke(request: InvokeRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
    const { channel } = request.params;
    if (!isInvokeChannel(channel)) {
      void sendJson(reply, 404, { ok: false, error: `Unknown channel "${channel}"` });
    } else if (INVOKE_CHANNELS[channel].admin && !isAdmin(request.headers, this.options.access)) {
      void sendJson(reply, 403, {
        ok: false,
        error: 'This action changes settings and needs the hub’s admin key.',
      });
    } else {
      done();
    }
  }

  private async invoke(request: InvokeRequest, reply: FastifyReply): Promise<FastifyReply> {
    const { channel } = request.params;
    if (!isInvokeChannel(channel)) throw new Error(`Unchecked channel "${channel}"`);
    const result = await this.options.core.invoke(channel, request.body, { screenId: 'hub' });
    return sendJson(reply, 200, result);
  }

  /** GET and HEAD fall back to the board; other methods are refused. */
  private async notFound(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const { path } = splitUrl(request.url);
    if (isApiPath(path)) return sendJson(reply, 404, { error: `No such hub endpoint: ${path}` });
    if (request.method === 'GET' || request.method === 'HEAD')
      return sendIndex(reply, this.options.rendererDir);
    return sendJson(reply, 405, { error: 'Method not allowed' });
  }

  /** An address that does not decode: Fastify answers it before any hook, so the headers are set here. */
  private badUrl(request: FastifyRequest, reply: FastifyReply): void {
    reply.headers(SECURITY_HEADERS);
    const { path } = splitUrl(request.url);
    void (isApiPath(path)
      ? sendJson(reply, 404, { error: `No such hub endpoint: ${path}` })
      : sendText(reply, 400, 'Bad path'));
  }

  private failed(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      // The rest of the body is not worth reading: answer and close the connection.
      reply.header('Connection', 'close');
      return sendJson(reply, 413, { ok: false, error: `The request body is larger than ${MAX_BODY} bytes` });
    }
    const status = error.statusCode ?? 500;
    if (status < 500) {
      return isApiPath(request.url)
        ? sendJson(reply, status, { ok: false, error: error.message })
        : sendText(reply, status, error.message);
    }
    this.options.log?.(`hub: unexpected error: ${errorText(error)}`);
    return sendJson(reply, 500, { error: 'The hub hit an unexpected problem; see its log.' });
  }
}

function splitUrl(url: string): { path: string; params: URLSearchParams } {
  const query = url.indexOf('?');
  if (query === -1) return { path: url, params: new URLSearchParams() };
  return { path: url.slice(0, query), params: new URLSearchParams(url.slice(query + 1)) };
}
