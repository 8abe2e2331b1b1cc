import type { AddressInfo } from 'node:net';
import fastifyCookie from '@fastify/cookie';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { INVOKE_CHANNELS, isInvokeChannel } from '../../contract/bridge';
import { errorText } from '../../contract/error-text';
import { HUB_PATHS, STREAM_SCREEN_PARAM, STREAM_SCREEN_PATTERN } from '../../contract/hub-api';
import type { ScreenCore } from '../core/core-api';
import { isAdmin, type AccessPolicy } from './access';
import { ADMIN_COOKIE, AdminSessions } from './admin-sessions';
import { invokeHostChannel, isHostChannel, type HostScreens } from './host-channels';
import { admit, splitUrl, type Admission, type Admitted } from './hub-admission';
import { MAX_BODY, parseJsonBody } from './hub-body';
import { isApiPath, SECURITY_HEADERS, sendJson, sendText } from './hub-replies';
import { registerPageRoutes } from './page-routes';
import { PairingCodes } from './pairing';
import { HostPolicy } from './request-guard';
import { ScreenRegistry } from './screen-registry';
import { ScreenStreams, type StreamLimits } from './screen-streams';
import { sendIndex, serveRenderer } from './static-files';

/**
 * The hub's HTTP server: the built board, the snapshot (once, and as a Server-Sent Events stream)
 * and Bridge invokes. One core feeds every screen, so adding screens adds no API requests. Nothing
 * served here ever contains a token or a RingCentral secret: snapshots and settings carry none.
 * Who may ask what is decided first, in hub-admission.ts; docs/security.md explains each defence.
 */

export interface HubServerOptions {
  core: ScreenCore;
  rendererDir: string;
  access: AccessPolicy;
  /** The host names (besides IP addresses and localhost) this hub answers to; default none more. */
  hosts?: HostPolicy;
  /** The screens let in on a LAN, each with its own token; default kept in memory only. */
  registry?: ScreenRegistry;
  /**
   * Behind a reverse proxy: take the client's address and scheme from X-Forwarded-For/-Proto (for
   * logs, per-machine limits and Secure cookies). Only when nothing but the proxy can reach the hub.
   */
  trustProxy?: boolean;
  /** Heartbeat interval, open stream cap, and how long a stream may stay undrained. */
  streams?: Partial<StreamLimits>;
  log?: (line: string) => void;
}

export const DEFAULT_STREAM_LIMITS: StreamLimits = { heartbeatMs: 15_000, maxStreams: 500, maxLagMs: 60_000 };

type InvokeRequest = FastifyRequest<{ Params: { channel: string } }>;

export class HubServer {
  private readonly app: FastifyInstance;
  private readonly streams: ScreenStreams;
  private readonly screens: HostScreens;
  /** Who each admitted request is (set in the first hook, read by the routes). */
  private readonly callers = new WeakMap<FastifyRequest, NonNullable<Admitted>>();

  private readonly admission: Admission;
  private readonly admins: AdminSessions;

  constructor(private readonly options: HubServerOptions) {
    const registry = options.registry ?? ScreenRegistry.inMemory();
    this.admins = new AdminSessions(options.access.adminKey);
    this.admission = {
      access: options.access,
      hosts: options.hosts ?? new HostPolicy([]),
      registry,
      admins: this.admins,
    };
    this.streams = new ScreenStreams(options.core, { ...DEFAULT_STREAM_LIMITS, ...options.streams });
    registry.isConnected = (id) => this.streams.connectedCount(id) > 0;
    this.screens = {
      registry,
      streams: this.streams,
      pairing: new PairingCodes(),
      lan: options.access.accessKey !== null,
    };
    this.app = Fastify({
      bodyLimit: MAX_BODY,
      trustProxy: options.trustProxy ?? false,
      routerOptions: { ignoreTrailingSlash: true },
      // HEAD only where @fastify/static answers it (the board's files) and on health, not the API.
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
    // Before any body is read: a refused caller's body is never parsed.
    this.app.addHook('onRequest', async (request, reply) => {
      const caller = await admit(request, reply, this.admission);
      if (caller === null) return reply;
      this.callers.set(request, caller);
      if (request.is404) return this.notFound(request, reply);
      return undefined;
    });
    this.app.removeAllContentTypeParsers();
    // Only JSON reaches here (admission refuses other POSTs); '*' keeps `; charset=…` variants.
    this.app.addContentTypeParser('*', { parseAs: 'string' }, parseJsonBody);
    this.routes();
    registerPageRoutes(this.app, {
      rendererDir: options.rendererDir,
      screens: this.screens,
      admins: this.admins,
      log: options.log,
    });
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
    await this.screens.registry.flush();
  }

  /** Event streams open now. */
  get openStreams(): number {
    return this.streams.size;
  }

  private caller(request: FastifyRequest): NonNullable<Admitted> {
    return this.callers.get(request) ?? { screen: null };
  }

  private routes(): void {
    this.app.route({
      method: ['GET', 'HEAD'],
      url: HUB_PATHS.health,
      // Says only that the hub answers: nothing about the account, the screens or the numbers.
      handler: (_request, reply) => sendJson(reply, 200, { ok: true }),
    });
    this.app.get(HUB_PATHS.snapshot, (_request, reply) => {
      const snapshot = this.options.core.snapshot();
      return snapshot
        ? sendJson(reply, 200, snapshot)
        : reply.code(204).header('Cache-Control', 'no-store').send();
    });
    this.app.get<{ Querystring: Record<string, string | undefined> }>(HUB_PATHS.events, (request, reply) => {
      const pageId = request.query[STREAM_SCREEN_PARAM];
      this.streams.open(reply, {
        screen: this.caller(request).screen,
        pageId: pageId !== undefined && STREAM_SCREEN_PATTERN.test(pageId) ? pageId : null,
      });
    });
    this.app.post<{ Params: { channel: string } }>(
      `${HUB_PATHS.invoke}:channel`,
      { onRequest: (request, reply, done) => this.admitInvoke(request, reply, done) },
      (request, reply) => this.invoke(request, reply),
    );
  }

  private admitInvoke(request: InvokeRequest, reply: FastifyReply, done: (error?: Error) => void): void {
    const { channel } = request.params;
    if (!isInvokeChannel(channel)) {
      void sendJson(reply, 404, { ok: false, error: `Unknown channel "${channel}"` });
    } else if (INVOKE_CHANNELS[channel].admin && !this.isAdmin(request)) {
      void sendJson(reply, 403, {
        ok: false,
        error: 'This action changes settings and needs the hub’s admin key.',
      });
    } else {
      done();
    }
  }

  /** The admin key in its header (scripts), or an admin session from the settings pages' sign-in. */
  private isAdmin(request: FastifyRequest): boolean {
    return isAdmin(request.headers, this.options.access) || this.admins.valid(request.cookies[ADMIN_COOKIE]);
  }

  private async invoke(request: InvokeRequest, reply: FastifyReply): Promise<FastifyReply> {
    const { channel } = request.params;
    if (!isInvokeChannel(channel)) throw new Error(`Unchecked channel "${channel}"`);
    const result = isHostChannel(channel)
      ? await invokeHostChannel(channel, request.body, this.caller(request), this.screens)
      : await this.options.core.invoke(channel, request.body, { screenId: 'hub' });
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
