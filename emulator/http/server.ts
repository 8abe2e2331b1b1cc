import type { ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type HookHandlerDoneFunction,
} from 'fastify';
import { ApiError } from '../analytics/errors';
import type { FaultInjector } from './faults';
import { OAuthError, type OAuthServer, type Session } from './oauth';
import { missingPermission } from './permissions';
import type { RateGroup, RateLimiter } from './rate-limit';
import {
  bodyTooLarge,
  errorReply,
  faultReply,
  INTERNAL,
  LOOPBACK_ONLY,
  MAX_BODY_BYTES,
  NOT_FOUND,
  send,
  type Reply,
  type Terminal,
} from './reply';
import type { Route, RouteContext } from './route';
import type { TrafficStats } from './stats';
import { splitUrl } from './url';
import { addWebSocketRoute, type WebSocketEndpoint } from './websocket-route';

/**
 * The request pipeline: route → (control plane: loopback only) → count → faults → body → bearer
 * token → rate limit → handler, with rate-limit headers on every platform response and every error
 * in RingCentral's JSON shape. On Fastify: everything before the body is an onRequest hook, Fastify
 * reads the body (any Content-Type, as bytes, at most 2 MiB), and the handler does the rest.
 */

export interface PipelineDeps {
  routes: Route[];
  oauth: OAuthServer;
  limiter: RateLimiter;
  faults: FaultInjector;
  stats: TrafficStats;
  log: (line: string) => void;
  /** The WebSocket gateway's endpoint, on the same port as the REST API. */
  websocket?: WebSocketEndpoint;
}

export interface InjectedAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function isLoopback(address: string | undefined): boolean {
  return !!address && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));
}

export class EmulatorHttpServer {
  /** One Fastify instance per listen(): a closed one cannot listen again, and the emulator may restart. */
  private app: FastifyInstance | null = null;
  /** Hung responses, until their socket closes (tests watch a client's abort release them). */
  private readonly hanging = new Set<ServerResponse>();
  /** The fault chosen before the body was read, for the handler to apply after it. */
  private readonly chosen = new WeakMap<FastifyRequest, Terminal>();

  constructor(private readonly deps: PipelineDeps) {}

  async listen(port: number, host: string): Promise<AddressInfo> {
    const app = await this.build();
    await app.listen({ port, host });
    this.app = app;
    return app.server.address() as AddressInfo;
  }

  async close(): Promise<void> {
    const app = this.app;
    this.app = null;
    await app?.close();
  }

  /** A request through the whole pipeline without a network round trip (REST over WebSocket). */
  async inject(request: {
    method: string;
    url: string;
    headers: Record<string, string>;
    payload?: string;
  }): Promise<InjectedAnswer> {
    if (!this.app) return { status: 503, headers: {}, body: '' };
    const answer = await this.app.inject({
      method: request.method as 'GET',
      url: request.url,
      headers: request.headers,
      ...(request.payload === undefined ? {} : { payload: request.payload }),
    });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(answer.headers)) {
      if (typeof value === 'string') headers[name] = value;
      else if (typeof value === 'number') headers[name] = String(value);
    }
    return { status: answer.statusCode, headers, body: answer.body };
  }

  private async build(): Promise<FastifyInstance> {
    const app = Fastify({
      bodyLimit: MAX_BODY_BYTES,
      routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true },
      // The platform answers HEAD on no path: no implicit HEAD routes.
      exposeHeadRoutes: false,
      // close() ends hung requests and kept-alive connections with server.closeAllConnections().
      forceCloseConnections: true,
      return503OnClosing: false,
      // A path that does not decode, or a parameter too long to route, is a path the platform lacks.
      frameworkErrors: (_error, _request, reply) => {
        send(reply, NOT_FOUND);
      },
      clientErrorHandler: badRequest,
    });
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => {
      done(null, body);
    });
    app.addHook('onRequest', routeFirst);
    app.setNotFoundHandler((_request, reply) => {
      send(reply, NOT_FOUND);
    });
    app.setErrorHandler((error: FastifyError, request, reply) => {
      this.failed(null, error, request, reply);
    });
    // Registered before the routes, so that upgrade requests to any other path are turned away.
    await app.register(fastifyWebsocket, { options: { maxPayload: MAX_BODY_BYTES } });
    if (this.deps.websocket) addWebSocketRoute(app, this.deps.websocket);
    for (const route of this.deps.routes) {
      app.route({
        method: route.method,
        url: route.path,
        onRequest: (request, reply) => this.beforeBody(route, request, reply),
        handler: (request, reply) => this.afterBody(route, request, reply),
        errorHandler: (error: FastifyError, request, reply) => {
          this.failed(route, error, request, reply);
        },
      });
    }
    return app;
  }

  /** Control plane: loopback only. Platform: count, then faults (latency, drop, hang). */
  private async beforeBody(route: Route, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (route.group === null || route.control) {
      if (!isLoopback(request.socket.remoteAddress)) send(reply, LOOPBACK_ONLY);
      return;
    }
    const { stats, faults } = this.deps;
    const { path } = splitUrl(request.url);
    stats.request(request.method, path, route.group);
    const matched = faults.take({ method: request.method, path, group: route.group });
    if (matched.latencyMs > 0) await delay(matched.latencyMs);
    const fault = matched.terminal;
    if (fault) stats.fault();
    if (fault?.type === 'drop') {
      reply.hijack();
      request.raw.socket.destroy();
    } else if (fault?.type === 'hang') {
      reply.hijack();
      this.hanging.add(reply.raw);
      reply.raw.on('close', () => this.hanging.delete(reply.raw));
      request.raw.resume();
    } else {
      this.chosen.set(request, fault);
    }
  }

  /** After the body: control routes run; platform routes check the bearer token and the rate limit. */
  private async afterBody(route: Route, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const { query } = splitUrl(request.url);
    const base: Omit<RouteContext, 'session'> = {
      req: request.raw,
      params: request.params as Record<string, string | undefined>,
      query,
      body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
      baseUrl: `http://${request.headers.host ?? 'localhost'}`,
    };
    if (route.group === null || route.control) {
      send(reply, await this.run(route, { ...base, session: null }));
      return;
    }
    const { limiter } = this.deps;
    const group = route.group;
    const fault = this.chosen.get(request) ?? null;
    const caller = this.caller(route.auth, group, request, reply, base);
    if (!caller) return;
    const { session, key } = caller;
    const startPenalty =
      fault?.type === 'penalty' ? (fault.seconds ?? limiter.limits[group].penaltySeconds) : undefined;
    const decision = limiter.check(group, key, limiter.now(), startPenalty);
    if (!decision.allowed) {
      this.deps.stats.limited(decision.duringPenalty);
      const errors = [{ errorCode: 'CMN-301', message: 'Request rate exceeded' }];
      this.respond(reply, { status: 429, body: { errors } }, decision.headers);
      return;
    }
    const faulty = fault ? faultReply(fault) : null;
    const needed = route.permission;
    const refused =
      needed !== undefined && session !== null && !session.permissions.has(needed)
        ? errorReply(missingPermission(needed))
        : null;
    this.respond(reply, faulty ?? refused ?? (await this.run(route, { ...base, session })), decision.headers);
  }

  /** Who is calling: the bearer token's session (a 401 when it is missing or dead), or the app. */
  private caller(
    auth: Route['auth'],
    group: RateGroup,
    request: FastifyRequest,
    reply: FastifyReply,
    base: Omit<RouteContext, 'session'>,
  ): { session: Session | null; key: string } | null {
    const { oauth, limiter } = this.deps;
    if (auth !== 'bearer') {
      const form = new URLSearchParams(base.body.toString('utf8'));
      const client = base.query.get('client_id') ?? oauth.clientOf(form, request.headers.authorization);
      return { session: null, key: `app|${client}` };
    }
    const check = oauth.authenticate(request.headers.authorization);
    if (!check.ok) {
      const errors = [{ errorCode: check.errorCode, message: check.message }];
      this.respond(reply, { status: 401, body: { errors } }, limiter.peek(group, 'anonymous'));
      return null;
    }
    return { session: check.session, key: `${check.session.ownerId}|${check.session.clientId}` };
  }

  private respond(reply: FastifyReply, result: Reply, headers: Record<string, string>): void {
    this.deps.stats.response(result.status);
    send(reply, result, headers);
  }

  private async run(route: Route, ctx: RouteContext): Promise<Reply> {
    try {
      return await route.handle(ctx);
    } catch (error) {
      if (!(error instanceof ApiError) && !(error instanceof OAuthError)) {
        this.deps.log(`emulator: ${route.method} ${route.path} failed: ${stackOf(error)}`);
      }
      return errorReply(error);
    }
  }

  /** Errors Fastify hands back: an oversized body (413 CMN-104), or something unforeseen (500). */
  private failed(
    route: Route | null,
    error: FastifyError,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    // A client that went away mid-body has nobody to answer.
    if (reply.raw.destroyed) return;
    if (error.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') {
      this.deps.log(`emulator: unexpected error on ${request.method} ${request.url}: ${stackOf(error)}`);
      send(reply, INTERNAL);
      return;
    }
    // The rest of the oversized body is never read, so this connection cannot carry another request.
    const closing = { Connection: 'close' };
    if (route?.group) {
      this.respond(reply, errorReply(bodyTooLarge()), {
        ...this.deps.limiter.peek(route.group, 'anonymous'),
        ...closing,
      });
    } else send(reply, errorReply(bodyTooLarge()), closing);
  }
}

/**
 * Runs first on every request: one no route claims is answered before its body is read. Fastify
 * would refuse a malformed Content-Type with its own 415; the routes judge bodies themselves
 * (CMN-103 for JSON that does not parse), so every body is read as bytes whatever it claims to be.
 */
function routeFirst(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  if (request.is404) {
    send(reply, NOT_FOUND);
    return;
  }
  // The setter overlays this on the raw headers: routes still see the Content-Type the client sent.
  if (request.headers['content-type'] !== undefined) {
    request.headers = { 'content-type': 'application/octet-stream' };
  }
  done();
}

/** Like Node's own answer to a request it cannot parse: a status line, no body of Fastify's. */
function badRequest(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const status =
      error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
  }
  socket.destroy(error);
}

function stackOf(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
