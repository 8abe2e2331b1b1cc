import { randomUUID } from 'node:crypto';
import type { RawData, WebSocket } from 'ws';
import type { Directory } from '../data/directory';
import type { LiveEvent } from '../live/events';
import { handleClientRequest, type RequestDeps } from './client-requests';
import { WsConnection } from './connection';
import { noticeFor } from './notices';
import { gatewayState } from './gateway-state';
import { DEFAULT_GATEWAY_OPTIONS, type GatewayOptions } from './options';
import {
  connectionDetails,
  encode,
  errorMessage,
  heartbeat,
  parseInbound,
  serverNotification,
} from './protocol';
import type { SocketFault } from './socket-faults';
import { SubscriptionRegistry } from './subscriptions';
import { WsSession } from './ws-session';
import { WsTokenStore } from './ws-tokens';

/**
 * RingCentral's WebSocket gateway: a client opens `<uri>?access_token=<ws token>[&wsc=<token>]`,
 * gets ConnectionDetails (with `wsc` and, when it asked to recover, `recoveryState`), then creates
 * its subscription with a ClientRequest, sends heartbeats and receives ServerNotifications for the
 * live events its filters match. A lost session can be recovered with its `wsc` token within the
 * recovery timeout, and the notifications it missed meanwhile (the newest `recoveryBufferSize`) follow.
 */

export interface GatewayDeps extends Omit<RequestDeps, 'subscriptions' | 'options'> {
  readonly directory: () => Directory;
  /** Brings the live model up to the data clock (it then announces what happened). */
  readonly advanceLive: () => void;
  readonly options?: Partial<GatewayOptions>;
  readonly now?: () => number;
}

const TICK_MS = 100;

export class WebSocketGateway {
  options: GatewayOptions;
  readonly tokens: WsTokenStore;
  readonly subscriptions: SubscriptionRegistry;
  readonly counters = {
    accepted: 0,
    rejected: 0,
    refused: 0,
    recovered: 0,
    recoveryFailed: 0,
    notificationsSent: 0,
    notificationsBuffered: 0,
    notificationsReplayed: 0,
    heartbeatsAnswered: 0,
    clientRequests: 0,
    malformedMessages: 0,
  };
  /** Frames a stalled socket swallowed, and frames it received and lost. */
  readonly stallCounters = { dropped: 0, ignored: 0 };
  private readonly sessions = new Map<string, WsSession>();
  private readonly connections = new Map<number, WsConnection>();
  private readonly requestDeps: RequestDeps;
  private readonly now: () => number;
  private refuseUntil = 0;
  private nextId = 1;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: GatewayDeps) {
    this.options = { ...DEFAULT_GATEWAY_OPTIONS, ...deps.options };
    this.now = deps.now ?? Date.now;
    this.tokens = new WsTokenStore(this.now);
    this.subscriptions = new SubscriptionRegistry(this.now);
    this.requestDeps = {
      ...deps,
      options: () => this.options,
      subscriptions: {
        registry: this.subscriptions,
        directory: deps.directory,
        ttlSeconds: () => this.options.subscriptionTtlSeconds,
      },
    };
  }

  start(): void {
    this.timer ??= setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const connection of this.connections.values()) connection.terminate();
    this.connections.clear();
  }

  /** The answer to an upgrade request while refusing (a `refuse` fault), else null. */
  refusal(): { retryAfter: number } | null {
    const left = this.refuseUntil - this.now();
    if (left <= 0) return null;
    this.counters.refused++;
    return { retryAfter: Math.ceil(left / 1000) };
  }

  accept(socket: WebSocket, query: URLSearchParams, baseUrl: string): void {
    socket.on('error', () => undefined);
    const check = this.tokens.check(query.get('access_token'));
    if (!check.ok) {
      this.counters.rejected++;
      socket.send(encode(errorMessage(null, 401, 'WSG-401', check.message)));
      socket.close(1008, 'Unauthorized');
      return;
    }
    const wsc = query.get('wsc');
    const known = wsc ? this.sessions.get(wsc) : undefined;
    const recovers =
      !!known &&
      known.ownerId === check.grant.ownerId &&
      known.clientId === check.grant.clientId &&
      this.recoverable(known);
    if (wsc) this.counters[recovers ? 'recovered' : 'recoveryFailed']++;
    const session = (recovers ? known : undefined) ?? new WsSession(check.grant, this.now());
    this.sessions.set(session.wscToken, session);
    const connection = new WsConnection(this.nextId++, socket, session, this.stallCounters, this.now);
    // A session recovered on a new socket leaves the old one, should it still be open.
    if (session.socket instanceof WsConnection)
      session.socket.close(1000, 'Session recovered on another connection');
    session.socket = connection;
    session.disconnectedAt = null;
    this.connections.set(connection.id, connection);
    this.counters.accepted++;
    socket.on('message', (data: RawData, binary: boolean) => {
      this.onFrame(connection, data, binary, baseUrl);
    });
    socket.on('close', () => {
      this.onClose(connection);
    });
    connection.send(connectionDetails(session.nextWsc(), this.details(session, wsc ? recovers : null)));
    if (recovers) this.counters.notificationsReplayed += session.flush();
    this.deps.advanceLive();
  }

  /** Delivers a live event to every subscription whose filters match it. */
  onLive(event: LiveEvent): void {
    const accountId = this.deps.directory().account.id;
    for (const subscription of this.subscriptions.all()) {
      const session = this.sessions.get(subscription.sessionId);
      if (!session) continue;
      for (const filter of subscription.filters) {
        const notice = noticeFor(filter, event, accountId, subscription.ownerId);
        if (!notice) continue;
        const body = {
          uuid: randomUUID(),
          event: notice.event,
          timestamp: new Date(event.at).toISOString(),
          subscriptionId: subscription.id,
          ownerId: subscription.ownerId,
          body: notice.body,
        };
        const outcome = session.notify(
          (wsc) => encode(serverNotification(wsc, body)),
          this.options.recoveryBufferSize,
        );
        this.counters[outcome === 'sent' ? 'notificationsSent' : 'notificationsBuffered']++;
      }
    }
  }

  fault(fault: SocketFault): number {
    const open = [...this.connections.values()];
    switch (fault.action) {
      case 'drop':
        for (const connection of open) {
          if (fault.mode === 'close') connection.close(1001, 'Going away');
          else connection.terminate();
          if (!fault.recoverable) this.forget(connection.session);
        }
        return open.length;
      case 'stall':
        for (const connection of open) connection.stall(fault.seconds);
        return open.length;
      case 'refuse':
        this.refuseUntil = this.now() + fault.seconds * 1000;
        return 0;
      case 'expire-subscriptions':
        return this.subscriptions.expireAll();
      case 'expire-ws-tokens':
        return this.tokens.expireAll();
    }
  }

  /** Ends stalls and refusals. */
  clearFaults(): void {
    this.refuseUntil = 0;
    for (const connection of this.connections.values()) connection.unstall();
  }

  /** Closes every socket and forgets tokens, sessions, subscriptions and faults. */
  reset(): void {
    for (const connection of this.connections.values()) connection.terminate();
    this.connections.clear();
    this.sessions.clear();
    this.subscriptions.clear();
    this.tokens.reset();
    this.refuseUntil = 0;
  }

  /** What the gateway holds now, for GET /__emulator/ws. */
  state(): Record<string, unknown> {
    return gatewayState({
      options: this.options,
      refuseUntil: this.refuseUntil > this.now() ? this.refuseUntil : null,
      connections: [...this.connections.values()],
      sessions: [...this.sessions.values()],
      subscriptions: this.subscriptions,
      counters: { ...this.counters, ...this.stallCounters },
    });
  }

  private details(session: WsSession, recovered: boolean | null): Record<string, unknown> {
    const o = this.options;
    return {
      creationTime: new Date(session.createdAt).toISOString(),
      maxConnectionsPerSession: o.maxConnectionsPerSession,
      recoveryBufferSize: o.recoveryBufferSize,
      recoveryTimeout: o.recoveryTimeoutSeconds,
      idleTimeout: o.idleTimeoutSeconds,
      absoluteTimeout: o.absoluteTimeoutSeconds,
      maxActiveRequests: o.maxActiveRequests,
      ...(recovered === null ? {} : { recoveryState: recovered ? 'Successful' : 'Failed' }),
      ...(recovered === false ? { recoveryErrorCode: 'WSG-404' } : {}),
    };
  }

  private recoverable(session: WsSession): boolean {
    if (session.socket) return true;
    const lost = session.disconnectedAt ?? this.now();
    return this.now() - lost <= this.options.recoveryTimeoutSeconds * 1000;
  }

  private forget(session: WsSession): void {
    this.sessions.delete(session.wscToken);
    const subscription = this.subscriptions.ofSession(session.wscToken);
    if (subscription) this.subscriptions.remove(subscription.id);
  }

  private onFrame(connection: WsConnection, data: RawData, binary: boolean, baseUrl: string): void {
    if (!connection.received()) return;
    if (binary) {
      this.counters.malformedMessages++;
      connection.send(
        errorMessage(null, 400, 'WSG-400', 'Binary messages are not supported; send JSON text'),
      );
      return;
    }
    const inbound = parseInbound(textOf(data));
    switch (inbound.kind) {
      case 'heartbeat':
        this.counters.heartbeatsAnswered++;
        connection.send(heartbeat(inbound.messageId));
        return;
      case 'invalid':
        this.counters.malformedMessages++;
        connection.send(errorMessage(inbound.messageId, 400, 'WSG-400', inbound.message));
        return;
      case 'request':
        this.counters.clientRequests++;
        void handleClientRequest(this.requestDeps, connection, inbound.request, baseUrl);
    }
  }

  private onClose(connection: WsConnection): void {
    this.connections.delete(connection.id);
    const session = connection.session;
    if (session.socket !== connection) return;
    session.socket = null;
    session.disconnectedAt = this.now();
  }

  private tick(): void {
    for (const connection of this.connections.values()) connection.tick(this.options);
    for (const session of [...this.sessions.values()]) {
      if (!session.socket && !this.recoverable(session)) this.forget(session);
    }
    if (this.options.autoRenewSubscriptions) {
      for (const subscription of this.subscriptions.all()) {
        if (this.sessions.get(subscription.sessionId)?.socket) {
          this.subscriptions.renew(subscription, this.options.subscriptionTtlSeconds);
        }
      }
    }
    if (this.sessions.size > 0) this.deps.advanceLive();
  }
}

function textOf(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
