import { z } from 'zod';
import { ApiError, fromZodError, invalidParameter, type ApiErrorEntry } from '../analytics/errors';
import type { Directory } from '../data/directory';
import { missingPermission, missingPermissionMessage } from '../http/permissions';
import type { RateGroup } from '../http/rate-limit';
import { MAX_FILTER_LENGTH, parseEventFilter, permissionOf, type EventFilter } from './event-filters';
import type { DisabledFilter, Subscription, SubscriptionRegistry } from './subscriptions';
import type { WsSession } from './ws-session';

/**
 * Subscription requests sent over the socket (ClientRequest): create (POST /restapi/v1.0/subscription,
 * Medium), list and read (GET, Light), renew or change (PUT …/{id}, Medium; POST …/{id}/renew, Light)
 * and cancel (DELETE …/{id}, Medium). Bodies are checked like every other request, each invalid
 * filter is named, filters the app lacks the permission for are listed in `disabledFilters`, and a
 * subscription with none left is refused with CMN-401 naming the permission.
 */

export interface SubscriptionDeps {
  readonly registry: SubscriptionRegistry;
  readonly directory: () => Directory;
  readonly ttlSeconds: () => number;
}

export interface Answer {
  readonly status: number;
  readonly body?: unknown;
}

export interface SubscriptionRoute {
  readonly group: RateGroup;
  run(session: WsSession, body: unknown, baseUrl: string): Answer;
}

const MAX_FILTERS = 500;
const Filters = z.array(z.string().min(1).max(MAX_FILTER_LENGTH)).min(1).max(MAX_FILTERS);
const CreateBody = z.object({
  eventFilters: Filters,
  deliveryMode: z.object({ transportType: z.string() }),
  expiresIn: z.number().int().min(1).optional(),
});
const UpdateBody = z
  .object({
    eventFilters: Filters.optional(),
    deliveryMode: z.object({ transportType: z.string() }).optional(),
    expiresIn: z.number().int().min(1).optional(),
  })
  .nullable()
  .optional();

const NOT_FOUND = () =>
  new ApiError(404, [
    { errorCode: 'CMN-102', message: 'Resource for parameter [subscriptionId] is not found' },
  ]);

/** The route for a subscription path and method, or null when it is not one. */
export function subscriptionRoute(
  deps: SubscriptionDeps,
  method: string,
  path: string,
): SubscriptionRoute | null {
  const match = /^\/restapi\/v1\.0\/subscription(?:\/([^/]+))?(\/renew)?$/.exec(path);
  if (!match) return null;
  const [, id, renew] = match;
  if (!id) {
    if (method === 'POST')
      return { group: 'medium', run: (session, body, base) => create(deps, session, body, base) };
    if (method === 'GET') return { group: 'light', run: (session, _body, base) => list(deps, session, base) };
    return null;
  }
  if (renew)
    return method === 'POST'
      ? { group: 'light', run: (s, _b, base) => update(deps, s, id, null, base) }
      : null;
  switch (method) {
    case 'GET':
      return {
        group: 'light',
        run: (s, _b, base) => ({ status: 200, body: deps.registry.info(owned(deps, s, id), base) }),
      };
    case 'PUT':
      return { group: 'medium', run: (s, body, base) => update(deps, s, id, body, base) };
    case 'DELETE':
      return {
        group: 'medium',
        run: (s) => {
          deps.registry.remove(owned(deps, s, id).id);
          return { status: 204 };
        },
      };
    default:
      return null;
  }
}

function create(deps: SubscriptionDeps, session: WsSession, body: unknown, baseUrl: string): Answer {
  const parsed = CreateBody.safeParse(body);
  if (!parsed.success) throw fromZodError(parsed.error);
  checkTransport(parsed.data.deliveryMode.transportType);
  const { filters, disabled } = resolve(deps, session, parsed.data.eventFilters);
  // One subscription per session: a new one replaces the old.
  const previous = deps.registry.ofSession(session.wscToken);
  if (previous) deps.registry.remove(previous.id);
  const subscription = deps.registry.create(
    { ownerId: session.ownerId, clientId: session.clientId, sessionId: session.wscToken, filters, disabled },
    deps.ttlSeconds(),
  );
  return { status: 200, body: deps.registry.info(subscription, baseUrl) };
}

function update(
  deps: SubscriptionDeps,
  session: WsSession,
  id: string,
  body: unknown,
  baseUrl: string,
): Answer {
  const subscription = owned(deps, session, id);
  const parsed = UpdateBody.safeParse(body);
  if (!parsed.success) throw fromZodError(parsed.error);
  if (parsed.data?.deliveryMode) checkTransport(parsed.data.deliveryMode.transportType);
  if (parsed.data?.eventFilters)
    Object.assign(subscription, resolve(deps, session, parsed.data.eventFilters));
  // Renewing from another socket (a client that came back without its session) moves it here.
  if (subscription.sessionId !== session.wscToken) {
    const here = deps.registry.ofSession(session.wscToken);
    if (here && here.id !== subscription.id) deps.registry.remove(here.id);
    subscription.sessionId = session.wscToken;
  }
  deps.registry.renew(subscription, deps.ttlSeconds());
  return { status: 200, body: deps.registry.info(subscription, baseUrl) };
}

function list(deps: SubscriptionDeps, session: WsSession, baseUrl: string): Answer {
  const records = deps.registry
    .ofOwner(session.ownerId, session.clientId)
    .map((s) => deps.registry.info(s, baseUrl));
  return { status: 200, body: { uri: `${baseUrl}/restapi/v1.0/subscription`, records } };
}

function owned(deps: SubscriptionDeps, session: WsSession, id: string): Subscription {
  const subscription = deps.registry.get(id);
  if (
    !subscription ||
    subscription.ownerId !== session.ownerId ||
    subscription.clientId !== session.clientId
  ) {
    throw NOT_FOUND();
  }
  return subscription;
}

function checkTransport(transportType: string): void {
  if (transportType !== 'WebSocket') {
    throw invalidParameter(
      'deliveryMode.transportType',
      'the WebSocket gateway creates WebSocket subscriptions only; expected WebSocket',
      transportType,
    );
  }
}

function resolve(
  deps: SubscriptionDeps,
  session: WsSession,
  raw: readonly string[],
): { filters: EventFilter[]; disabled: DisabledFilter[] } {
  const directory = deps.directory();
  const filters = new Map<string, EventFilter>();
  const disabled: DisabledFilter[] = [];
  const invalid: ApiErrorEntry[] = [];
  let missing: string | null = null;
  for (const [i, text] of raw.entries()) {
    const parsed = parseEventFilter(text, directory, session.ownerId);
    if (!parsed.ok) {
      const name = `eventFilters[${i}]`;
      const message = `Parameter [${name}] value is invalid: event filter ${parsed.message}`;
      invalid.push({
        errorCode: 'CMN-101',
        message,
        parameterName: name,
        parameterValue: text.slice(0, 200),
      });
      continue;
    }
    const permission = permissionOf(parsed.filter);
    if (session.grant.permissions.has(permission)) {
      filters.set(parsed.filter.uri, parsed.filter);
      continue;
    }
    missing ??= permission;
    disabled.push({
      filter: text,
      reason: 'InsufficientPermissions',
      message: missingPermissionMessage(permission),
    });
  }
  if (invalid.length) throw new ApiError(400, invalid.slice(0, 20));
  if (filters.size === 0 && missing) throw missingPermission(missing);
  return { filters: [...filters.values()], disabled };
}
