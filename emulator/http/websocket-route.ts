import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { send } from './reply';
import { splitUrl } from './url';

/** Where sockets are accepted; the gateway answers them (emulator/ws/gateway.ts). */
export interface WebSocketEndpoint {
  readonly path: string;
  /** Non-null while upgrades are refused (a socket fault): answered 503 with Retry-After. */
  refusal(): { retryAfter: number } | null;
  accept(socket: WebSocket, query: URLSearchParams, baseUrl: string): void;
}

/**
 * The gateway's path on the REST API's port: a WebSocket upgrade is handed to the gateway (or
 * refused with 503 during a `refuse` fault); a plain HTTP request there is told it needs one.
 */
export function addWebSocketRoute(app: FastifyInstance, endpoint: WebSocketEndpoint): void {
  app.route({
    method: 'GET',
    url: endpoint.path,
    preValidation: (request, reply, done) => {
      const refused = request.ws ? endpoint.refusal() : null;
      if (!refused) {
        done();
        return;
      }
      const errors = [{ errorCode: 'CMN-503', message: 'WebSocket gateway is not accepting connections' }];
      send(reply, { status: 503, body: { errors } }, { 'Retry-After': String(refused.retryAfter) });
    },
    handler: (_request, reply) => {
      const message = 'This is the WebSocket gateway: connect with a WebSocket client';
      send(reply, { status: 400, body: { errors: [{ errorCode: 'WSG-400', message }] } });
    },
    wsHandler: (socket, request) => {
      const { query } = splitUrl(request.url);
      const baseUrl = `http://${request.headers.host ?? 'localhost'}`;
      // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- ws's own server made this socket (handleUpgrade)
      endpoint.accept(socket, query, baseUrl);
    },
  });
}
