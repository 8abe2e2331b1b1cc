import { z } from 'zod';

/**
 * The WebSocket gateway's timings, in seconds of real time (sockets, tokens and subscriptions live
 * in real time; only event times follow the data clock). The defaults are what RingCentral's
 * ConnectionDetails announce (recovery 180 s, buffer 100, idle 1800 s, absolute 86400 s) and what
 * the official client assumes for the WebSocket token (600 s); tests shorten them.
 */

const seconds = z.number().positive().max(31_536_000);

export const GatewayOptionsSchema = z.object({
  /** Lifetime of a ws_access_token from POST /restapi/oauth/wstoken. */
  wsTokenTtlSeconds: seconds,
  /** Lifetime of a subscription from its creation or last renewal (its `expiresIn`). */
  subscriptionTtlSeconds: seconds,
  /** How long a lost session can be recovered with its `wsc` token. */
  recoveryTimeoutSeconds: seconds,
  /** Notifications kept for a lost session (the most recent ones). */
  recoveryBufferSize: z.number().int().nonnegative().max(100_000),
  /** A socket on which nothing is sent either way for this long is closed with WSG-902. */
  idleTimeoutSeconds: seconds,
  /** Every socket is closed with WSG-903 after this long. */
  absoluteTimeoutSeconds: seconds,
  /** WebSocket ping frames every N seconds (0: none); a socket that does not pong is terminated. */
  pingIntervalSeconds: z.number().nonnegative().max(86_400),
  pongTimeoutSeconds: seconds,
  /** Unprompted Heartbeat messages every N seconds on a quiet socket (0: none, as RingCentral documents). */
  serverHeartbeatSeconds: z.number().nonnegative().max(86_400),
  /** Announced in ConnectionDetails; the emulator keeps one socket per session. */
  maxConnectionsPerSession: z.number().int().positive().max(1000),
  /** ClientRequests a socket may have unanswered at once; more answer 429. */
  maxActiveRequests: z.number().int().positive().max(1000),
  /**
   * RingCentral's guide says WebSocket subscriptions renew themselves while the session lives. Off
   * by default: a subscription lapses at its expirationTime unless renewed, so a client that never
   * renews is caught here rather than in production if the platform ever stops renewing for it.
   */
  autoRenewSubscriptions: z.boolean(),
});

export type GatewayOptions = z.infer<typeof GatewayOptionsSchema>;

export const DEFAULT_GATEWAY_OPTIONS: GatewayOptions = {
  wsTokenTtlSeconds: 600,
  subscriptionTtlSeconds: 900,
  recoveryTimeoutSeconds: 180,
  recoveryBufferSize: 100,
  idleTimeoutSeconds: 1800,
  absoluteTimeoutSeconds: 86_400,
  pingIntervalSeconds: 30,
  pongTimeoutSeconds: 10,
  serverHeartbeatSeconds: 0,
  maxConnectionsPerSession: 50,
  maxActiveRequests: 10,
  autoRenewSubscriptions: false,
};
