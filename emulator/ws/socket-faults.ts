import { z } from 'zod';

/**
 * Faults for the WebSocket side, posted to /__emulator/ws/faults (one action, an array, or
 * {"actions": [...]}) or applied with WebSocketGateway.fault():
 * - `drop`: every open socket goes, `terminate` (default: no closing handshake, as a network loss)
 *   or `close` (code 1001); with `recoverable: false` the sessions go too, so `wsc` recovery fails;
 * - `stall`: open sockets stay open but nothing crosses them either way (no notifications, no
 *   answers to heartbeats or requests, no pings) for `seconds`, or until the client gives up;
 * - `refuse`: new sockets are refused (HTTP 503 to the upgrade request) for `seconds`;
 * - `expire-subscriptions`: every subscription lapses now (no more notifications; renewing is 404);
 * - `expire-ws-tokens`: every WebSocket access token issued so far stops opening sockets.
 */

export const SocketFaultSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('drop'),
    mode: z.enum(['terminate', 'close']).default('terminate'),
    recoverable: z.boolean().default(true),
  }),
  z.object({ action: z.literal('stall'), seconds: z.number().positive().max(86_400).optional() }),
  z.object({ action: z.literal('refuse'), seconds: z.number().positive().max(86_400) }),
  z.object({ action: z.literal('expire-subscriptions') }),
  z.object({ action: z.literal('expire-ws-tokens') }),
]);

export type SocketFault = z.infer<typeof SocketFaultSchema>;
export type SocketFaultInput = z.input<typeof SocketFaultSchema>;

export const SocketFaultListSchema = z.array(SocketFaultSchema).min(1).max(20);

/** One action, an array of them, or {"actions": [...]}, as a list. */
export function faultList(body: unknown): unknown {
  if (Array.isArray(body)) return body;
  if (body && typeof body === 'object' && 'actions' in body) return body.actions;
  return [body];
}
