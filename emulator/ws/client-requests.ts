import { ApiError } from '../analytics/errors';
import { errorReply, faultReply } from '../http/reply';
import type { FaultInjector } from '../http/faults';
import type { RateLimiter } from '../http/rate-limit';
import type { TrafficStats } from '../http/stats';
import type { WsConnection } from './connection';
import type { GatewayOptions } from './options';
import { clientResponse, type ClientRequest } from './protocol';
import {
  subscriptionRoute,
  type Answer,
  type SubscriptionDeps,
  type SubscriptionRoute,
} from './subscription-requests';
import type { WsSession } from './ws-session';

/**
 * A ClientRequest on a socket goes through the same pipeline as an HTTP request: counted in the
 * traffic stats, scripted faults applied (latency, drop closes the socket, hang never answers,
 * status and penalty answer as over HTTP), the rate limit of its group per user and app, then the
 * handler. Subscription requests are the gateway's own; any other REST path is sent through the
 * HTTP pipeline itself (REST over WebSocket, as @rc-ex/ws offers) with the session's access token.
 */

export interface RestCall {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Record<string, string>;
  readonly body: unknown;
  readonly session: WsSession;
  /** Scheme, host and port the socket was opened on, for `uri` fields in the answer. */
  readonly baseUrl: string;
}

export interface RestAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

export interface RequestDeps {
  readonly subscriptions: SubscriptionDeps;
  readonly limiter: RateLimiter;
  readonly stats: TrafficStats;
  readonly faults: FaultInjector;
  readonly options: () => GatewayOptions;
  readonly rest: (call: RestCall) => Promise<RestAnswer>;
  readonly log: (line: string) => void;
}

const JSON_TYPE = { 'Content-Type': 'application/json; charset=utf-8' };
const notFound = (): Answer => ({
  status: 404,
  body: { errors: [{ errorCode: 'CMN-102', message: 'Resource for parameter [path] is not found' }] },
});

export async function handleClientRequest(
  deps: RequestDeps,
  connection: WsConnection,
  request: ClientRequest,
  baseUrl: string,
): Promise<void> {
  const answer = (status: number, headers: Record<string, string>, body: unknown) =>
    connection.send(clientResponse(request.messageId, status, headers, body));
  if (connection.activeRequests >= deps.options().maxActiveRequests) {
    const message = `More than ${deps.options().maxActiveRequests} requests at once on this connection`;
    answer(429, JSON_TYPE, { errors: [{ errorCode: 'CMN-301', message }] });
    return;
  }
  connection.activeRequests++;
  try {
    const method = request.method.toUpperCase();
    const [rawPath = '', rawQuery = ''] = request.path.split('?');
    const path = rawPath.replace(/\/+$/, '') || '/';
    const route = subscriptionRoute(deps.subscriptions, method, path);
    if (route) {
      await subscriptionRequest(
        deps,
        connection,
        { method, path, route, body: request.body, baseUrl },
        answer,
      );
    } else if (path.startsWith('/restapi/') && !path.startsWith('/restapi/oauth/')) {
      const query = new URLSearchParams(rawQuery);
      for (const [key, value] of Object.entries(request.query ?? {})) {
        for (const item of Array.isArray(value) ? value : [value]) query.append(key, String(item));
      }
      const headers = Object.fromEntries(
        Object.entries(request.headers ?? {}).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])),
      );
      const session = connection.session;
      const rest = await deps.rest({ method, path, query, headers, body: request.body, session, baseUrl });
      answer(rest.status, rest.headers, rest.body);
    } else {
      const missing = notFound();
      answer(missing.status, JSON_TYPE, missing.body);
    }
  } catch (error) {
    deps.log(`emulator: WebSocket request ${request.method} ${request.path} failed: ${String(error)}`);
    const failed = errorReply(error);
    answer(failed.status, JSON_TYPE, failed.body);
  } finally {
    connection.activeRequests--;
  }
}

async function subscriptionRequest(
  deps: RequestDeps,
  connection: WsConnection,
  call: { method: string; path: string; route: SubscriptionRoute; body: unknown; baseUrl: string },
  answer: (status: number, headers: Record<string, string>, body: unknown) => void,
): Promise<void> {
  const { route } = call;
  const session = connection.session;
  deps.stats.request(call.method, call.path, route.group);
  const matched = deps.faults.take({ method: call.method, path: call.path, group: route.group });
  if (matched.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, matched.latencyMs));
  const fault = matched.terminal;
  if (fault) deps.stats.fault();
  if (fault?.type === 'drop') {
    connection.terminate();
    return;
  }
  if (fault?.type === 'hang') return;
  const penalty =
    fault?.type === 'penalty'
      ? (fault.seconds ?? deps.limiter.limits[route.group].penaltySeconds)
      : undefined;
  const decision = deps.limiter.check(
    route.group,
    `${session.ownerId}|${session.clientId}`,
    deps.limiter.now(),
    penalty,
  );
  const respond = (result: Answer) => {
    deps.stats.response(result.status);
    answer(result.status, { ...JSON_TYPE, ...decision.headers }, result.body);
  };
  if (!decision.allowed) {
    deps.stats.limited(decision.duringPenalty);
    respond({ status: 429, body: { errors: [{ errorCode: 'CMN-301', message: 'Request rate exceeded' }] } });
    return;
  }
  // A socket carries JSON frames only: a "malformed" fault answers with a schema-violating body.
  const faulty = fault ? faultReply(fault.type === 'malformed' ? { type: 'schema' } : fault) : null;
  if (faulty) {
    respond({ status: faulty.status, body: faulty.body });
    return;
  }
  try {
    respond(route.run(session, call.body, call.baseUrl));
  } catch (error) {
    if (!(error instanceof ApiError))
      deps.log(`emulator: ${call.method} ${call.path} over WebSocket failed: ${String(error)}`);
    const failed = errorReply(error);
    respond({ status: failed.status, body: failed.body });
  }
}
