import type { WsConnection } from './connection';
import type { GatewayOptions } from './options';
import type { SubscriptionRegistry } from './subscriptions';
import type { WsSession } from './ws-session';

/**
 * The gateway as the control plane shows it (GET /__emulator/ws): its timings, whether it refuses
 * sockets, each socket, each session (connected or waiting to be recovered, with what it keeps), each
 * subscription, and the counters of what crossed it.
 */

export interface GatewayView {
  readonly options: GatewayOptions;
  readonly refuseUntil: number | null;
  readonly connections: readonly WsConnection[];
  readonly sessions: readonly WsSession[];
  readonly subscriptions: SubscriptionRegistry;
  readonly counters: Record<string, number>;
}

const iso = (time: number | null) => (time === null ? null : new Date(time).toISOString());

export function gatewayState(view: GatewayView): Record<string, unknown> {
  const subscriptionOf = (session: WsSession) => view.subscriptions.ofSession(session.wscToken)?.id ?? null;
  return {
    options: view.options,
    refusingUntil: iso(view.refuseUntil),
    connections: view.connections.map((c) => ({
      id: c.id,
      ownerId: c.session.ownerId,
      clientId: c.session.clientId,
      openedAt: iso(c.openedAt),
      lastActivity: iso(c.lastActivity),
      stalled: c.stalled,
      subscriptionId: subscriptionOf(c.session),
    })),
    sessions: view.sessions.map((s) => ({
      ownerId: s.ownerId,
      clientId: s.clientId,
      createdAt: iso(s.createdAt),
      connected: s.socket !== null,
      disconnectedAt: iso(s.disconnectedAt),
      buffered: s.buffered,
      subscriptionId: subscriptionOf(s),
    })),
    subscriptions: view.subscriptions
      .all()
      .map((s) => ({ ...view.subscriptions.info(s, ''), ownerId: s.ownerId })),
    counters: view.counters,
  };
}
