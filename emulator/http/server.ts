import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import FindMyWay from 'find-my-way';
import { ApiError } from '../analytics/errors';
import type { FaultInjector } from './faults';
import { OAuthError, type OAuthServer, type Session } from './oauth';
import type { RateLimiter } from './rate-limit';
import { readBody, send, type Reply } from './reply';
import type { Route, RouteContext } from './route';
import type { TrafficStats } from './stats';

/**
 * The request pipeline: route → (control plane: loopback only) → count → faults → body → bearer
 * token → rate limit → handler, with rate-limit headers on every platform response and every error
 * in RingCentral's JSON shape.
 */

export interface PipelineDeps {
  routes: Route[];
  oauth: OAuthServer;
  limiter: RateLimiter;
  faults: FaultInjector;
  stats: TrafficStats;
  log: (line: string) => void;
}

const NOT_FOUND: Reply = {
  status: 404,
  body: { errors: [{ errorCode: 'CMN-102', message: 'Resource for parameter [path] is not found' }] },
};

const MALFORMED =
  '{"paging":{"page":1,"perPage":20,"totalPages":1,"totalElements":1},"data":{"groupedBy":"Us';
const SCHEMA_VIOLATION = {
  paging: { page: 'first' },
  data: {
    groupedBy: 42,
    records: [{ id: 7, counters: { allCalls: { valueType: 'Lots', values: 'many' } } }],
  },
};

export function isLoopback(address: string | undefined): boolean {
  return !!address && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));
}

export class EmulatorHttpServer {
  private readonly server: Server;
  private readonly router = FindMyWay({ ignoreTrailingSlash: true, ignoreDuplicateSlashes: true });
  private readonly hanging = new Set<ServerResponse>();
  private readonly sockets = new Set<Socket>();

  constructor(private readonly deps: PipelineDeps) {
    for (const route of deps.routes) {
      this.router.on(route.method, route.path, () => undefined, { route });
    }
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        deps.log(`emulator: unexpected error: ${(error as Error).stack ?? String(error)}`);
        send(res, {
          status: 500,
          body: { errors: [{ errorCode: 'CMN-500', message: 'Internal Server Error' }] },
        });
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
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const method = req.method ?? 'GET';
    const found = this.router.find(method as 'GET', url.pathname);
    const route = (found?.store as { route?: Route } | undefined)?.route;
    if (!found || !route) {
      req.resume();
      send(res, NOT_FOUND);
      return;
    }
    const base = { req, params: found.params, query: url.searchParams, baseUrl: baseUrlOf(req) };
    if (route.control || route.group === null) {
      if (!isLoopback(req.socket.remoteAddress)) {
        req.resume();
        send(res, {
          status: 403,
          body: { errors: [{ errorCode: 'CMN-403', message: 'Control plane is loopback-only' }] },
        });
        return;
      }
      send(res, await this.run(route, { ...base, body: await readBody(req), session: null }));
      return;
    }
    await this.platformRequest(route, base, method, url.pathname, res);
  }

  private async platformRequest(
    route: Route,
    base: Omit<RouteContext, 'body' | 'session'>,
    method: string,
    path: string,
    res: ServerResponse,
  ): Promise<void> {
    const { stats, faults, oauth, limiter } = this.deps;
    const group = route.group!;
    stats.request(method, path, group);
    const matched = faults.take({ method, path, group });
    if (matched.latencyMs > 0) await delay(matched.latencyMs);
    const fault = matched.terminal;
    if (fault) stats.fault();
    if (fault?.type === 'drop') {
      base.req.socket.destroy();
      return;
    }
    if (fault?.type === 'hang') {
      this.hanging.add(res);
      res.on('close', () => this.hanging.delete(res));
      base.req.resume();
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(base.req);
    } catch (error) {
      // The rest of the oversized body is never read, so this connection cannot carry another request.
      this.respond(res, errorReply(error), { ...limiter.peek(group, 'anonymous'), Connection: 'close' });
      return;
    }
    let session: Session | null = null;
    let key: string;
    if (route.auth === 'bearer') {
      const check = oauth.authenticate(base.req.headers.authorization);
      if (!check.ok) {
        const headers = limiter.peek(group, 'anonymous');
        this.respond(
          res,
          { status: 401, body: { errors: [{ errorCode: check.errorCode, message: check.message }] } },
          headers,
        );
        return;
      }
      session = check.session;
      key = `${session.ownerId}|${session.clientId}`;
    } else {
      const form = new URLSearchParams(body.toString('utf8'));
      key = `app|${base.query.get('client_id') ?? oauth.clientOf(form, base.req.headers.authorization)}`;
    }
    const startPenalty =
      fault?.type === 'penalty' ? (fault.seconds ?? limiter.limits[group].penaltySeconds) : undefined;
    const decision = limiter.check(group, key, limiter.now(), startPenalty);
    if (!decision.allowed) {
      stats.limited(decision.duringPenalty);
      this.respond(
        res,
        { status: 429, body: { errors: [{ errorCode: 'CMN-301', message: 'Request rate exceeded' }] } },
        decision.headers,
      );
      return;
    }
    const faulty = fault ? faultReply(fault) : null;
    const reply = faulty ?? (await this.run(route, { ...base, body, session }));
    this.respond(res, reply, decision.headers);
  }

  private respond(res: ServerResponse, reply: Reply, headers: Record<string, string>): void {
    this.deps.stats.response(reply.status);
    send(res, reply, headers);
  }

  private async run(route: Route, ctx: RouteContext): Promise<Reply> {
    try {
      return await route.handle(ctx);
    } catch (error) {
      if (!(error instanceof ApiError) && !(error instanceof OAuthError)) {
        this.deps.log(
          `emulator: ${route.method} ${route.path} failed: ${(error as Error).stack ?? String(error)}`,
        );
      }
      return errorReply(error);
    }
  }
}

function errorReply(error: unknown): Reply {
  if (error instanceof ApiError) return { status: error.status, body: error.body(), headers: error.headers };
  if (error instanceof OAuthError) return { status: error.status, body: error.body() };
  return { status: 500, body: { errors: [{ errorCode: 'CMN-500', message: 'Internal Server Error' }] } };
}

function faultReply(fault: NonNullable<ReturnType<FaultInjector['take']>['terminal']>): Reply | null {
  switch (fault.type) {
    case 'status': {
      const headers: Record<string, string> =
        fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};
      const body = fault.body ?? {
        errors: [
          {
            errorCode: fault.status === 429 ? 'CMN-301' : 'CMN-500',
            message: `Injected ${fault.status} fault`,
          },
        ],
      };
      return { status: fault.status, body, headers };
    }
    case 'malformed':
      return { status: 200, raw: MALFORMED };
    case 'schema':
      return { status: 200, body: SCHEMA_VIOLATION };
    default:
      return null;
  }
}

function baseUrlOf(req: IncomingMessage): string {
  return `http://${req.headers.host ?? 'localhost'}`;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
