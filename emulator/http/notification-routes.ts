import { ApiError, invalidParameter } from '../analytics/errors';
import type { WebSocketGateway } from '../ws/gateway';
import { json, parseJsonBody } from './reply';
import type { Route, RouteContext } from './route';

/**
 * The HTTP side of push notifications. POST /restapi/oauth/wstoken (Auth group, app permission
 * WebSocket) hands out the gateway's URI and a WebSocket access token. WebSocket subscriptions are
 * made on the socket; over HTTP they can be listed, read and cancelled, and a request to create or
 * renew one there is told where to go, as RingCentral says they cannot be managed over HTTP.
 */

export const GATEWAY_PATH = '/ws';

const SUBSCRIPTION = '/restapi/v1.0/subscription';

function owned(gateway: WebSocketGateway, ctx: RouteContext) {
  const session = ctx.session!;
  const subscription = gateway.subscriptions.get(ctx.params.subscriptionId ?? '');
  if (
    !subscription ||
    subscription.ownerId !== session.ownerId ||
    subscription.clientId !== session.clientId
  ) {
    throw new ApiError(404, [
      { errorCode: 'CMN-102', message: 'Resource for parameter [subscriptionId] is not found' },
    ]);
  }
  return subscription;
}

const overSocketOnly = (what: string) =>
  invalidParameter(
    'deliveryMode.transportType',
    `WebSocket subscriptions cannot be ${what} via HTTP interface: ${what === 'created' ? 'POST /restapi/oauth/wstoken, connect to its uri and send the request on the socket' : 'send the request on the socket that holds the subscription'}`,
  );

export function notificationRoutes(gateway: WebSocketGateway): Route[] {
  const route = (
    method: Route['method'],
    path: string,
    group: Route['group'],
    handle: Route['handle'],
  ): Route => ({
    method,
    path,
    group,
    auth: 'bearer',
    handle,
  });
  return [
    {
      ...route('POST', '/restapi/oauth/wstoken', 'auth', (ctx) => {
        const issued = gateway.tokens.issue(ctx.session!, gateway.options.wsTokenTtlSeconds);
        const uri = `${ctx.baseUrl.replace(/^http/, 'ws')}${GATEWAY_PATH}`;
        return json({ uri, ws_access_token: issued.token, expires_in: issued.expiresIn });
      }),
      permission: 'WebSocket',
    },
    route('POST', SUBSCRIPTION, 'medium', (ctx) => {
      const body = parseJsonBody(ctx.body) as { deliveryMode?: { transportType?: unknown } } | null;
      const transport = body?.deliveryMode?.transportType;
      if (transport === 'WebSocket') throw overSocketOnly('created');
      throw invalidParameter(
        'deliveryMode.transportType',
        'the emulator delivers notifications over WebSocket only',
        typeof transport === 'string' ? transport : undefined,
      );
    }),
    route('GET', SUBSCRIPTION, 'light', (ctx) => {
      const session = ctx.session!;
      const records = gateway.subscriptions
        .ofOwner(session.ownerId, session.clientId)
        .map((s) => gateway.subscriptions.info(s, ctx.baseUrl));
      return json({ uri: `${ctx.baseUrl}${SUBSCRIPTION}`, records });
    }),
    route('GET', `${SUBSCRIPTION}/:subscriptionId`, 'light', (ctx) =>
      json(gateway.subscriptions.info(owned(gateway, ctx), ctx.baseUrl)),
    ),
    route('PUT', `${SUBSCRIPTION}/:subscriptionId`, 'medium', (ctx) => {
      owned(gateway, ctx);
      throw overSocketOnly('updated');
    }),
    route('POST', `${SUBSCRIPTION}/:subscriptionId/renew`, 'light', (ctx) => {
      owned(gateway, ctx);
      throw overSocketOnly('renewed');
    }),
    route('DELETE', `${SUBSCRIPTION}/:subscriptionId`, 'medium', (ctx) => {
      gateway.subscriptions.remove(owned(gateway, ctx).id);
      return { status: 204 };
    }),
  ];
}
