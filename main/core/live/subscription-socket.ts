import type { SDK } from '@ringcentral/sdk';
import { Subscriptions } from '@ringcentral/subscriptions';
import type { Clock } from '../poller/clock';

/**
 * ONE WebSocket subscription through the official @ringcentral/subscriptions client (which drives
 * @rc-ex/ws): it fetches the WebSocket token, connects, subscribes, and after a socket loss
 * reconnects every 2 s, 4 s, 6 s, then 8 s, recovering the session with its `wsc` token (the
 * gateway replays what was missed) or subscribing anew when recovery fails. What it does not do,
 * this class adds: a listener for every socket's 'error' (the library has none, so a refused
 * connection would be an uncaught exception), heartbeats often enough to tell a silent socket from a
 * quiet one, renewal of the subscription before it expires (@rc-ex/ws never renews it), and
 * closing a socket that stays silent so the library reconnects.
 */

export interface SocketEvents {
  notification(raw: unknown): void;
  /** Any message on the socket: state is known current now. */
  alive(): void;
  /** The socket closed. */
  down(): void;
  /** Session recovered with nothing lost (true) or not (false: a gap). */
  recovered(complete: boolean): void;
  /** The subscription was made anew after it lapsed: events may have been missed. */
  resubscribed(): void;
  error(context: string, error: unknown): void;
}

interface WsLike {
  readyState: number;
  on?(event: string, listener: (...args: unknown[]) => void): void;
  terminate?(): void;
}

interface WsExtensionLike {
  ws?: WsLike;
  options: { autoRecover?: { pingServerInterval?: number } };
  eventEmitter: { on(event: string, listener: (arg: unknown) => void): void };
  intervalHandle?: ReturnType<typeof setInterval>;
  pingServerHandle?: ReturnType<typeof setTimeout>;
  disable(): void;
}

interface WsSubscriptionLike {
  subscriptionInfo?: {
    id: string;
    expiresIn?: number;
    expirationTime?: string;
    /** Filters the platform would not deliver, e.g. for lack of a permission (InsufficientPermissions). */
    disabledFilters?: Array<{ filter?: string; reason?: string; message?: string }>;
  };
  refresh(): Promise<void>;
  revoke(): Promise<void>;
}

function isWsExtension(ext: unknown): ext is WsExtensionLike {
  return typeof ext === 'object' && ext !== null && 'eventEmitter' in ext && 'wsTokenExpiresAt' in ext;
}

export interface SubscriptionSocketOptions {
  sdk: SDK;
  clock: Clock;
  heartbeatIntervalMs: number;
  events: SocketEvents;
}

/** Renew at 80 % of the subscription's life, and at least 30 s before it ends. */
export function renewDelayMs(expiresInSeconds: number): number {
  return Math.max(1_000, Math.min(expiresInSeconds * 800, expiresInSeconds * 1000 - 30_000));
}

export class SubscriptionSocket {
  private readonly subscriptions: Subscriptions;
  private subscription: WsSubscriptionLike | null = null;
  private renewTimer: unknown = null;
  private stopped = false;
  private readonly watched = new WeakSet<object>();

  constructor(private readonly options: SubscriptionSocketOptions) {
    this.subscriptions = new Subscriptions({ sdk: options.sdk });
    // Watch the WebSocket extension from before it opens its first socket: an 'error' on a socket
    // nobody listens to (a refused upgrade, a reset while connecting) would crash the process.
    const rc = this.subscriptions.rc;
    const install = rc.installExtension.bind(rc);
    rc.installExtension = (extension) => {
      if (isWsExtension(extension)) this.watchExtension(extension);
      return install(extension);
    };
  }

  /**
   * Subscribes; rejects with RingCentral's error (a missing permission among them). Resolves with the
   * messages of filters the platform disabled (a permission missing for some of them).
   */
  async start(filters: string[]): Promise<string[]> {
    const subscription = this.subscriptions.createSubscription();
    subscription.on(subscription.events.notification, (event: unknown) =>
      this.options.events.notification(event),
    );
    const registered = subscription.setEventFilters(filters).register();
    this.subscription = (await registered) as unknown as WsSubscriptionLike;
    this.scheduleRenewal();
    const disabled = this.subscription.subscriptionInfo?.disabledFilters ?? [];
    return disabled.map((entry) => `${entry.reason ?? ''} ${entry.message ?? ''} ${entry.filter ?? ''}`);
  }

  /** The socket went silent: close it so the library reconnects and recovers. */
  restartSocket(): void {
    this.extension()?.ws?.terminate?.();
  }

  /** Stops timers and the socket; the subscription is revoked when the socket still answers. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.renewTimer !== null) this.options.clock.clearTimer(this.renewTimer);
    const subscription = this.subscription;
    this.subscription = null;
    const extension = this.extension();
    if (extension?.ws?.readyState === 1 && subscription) {
      await Promise.race([
        subscription.revoke().catch(() => undefined),
        new Promise((r) => setTimeout(r, 1_000)),
      ]);
    }
    for (const ext of this.subscriptions.rc.sdkExtensions as unknown[]) {
      if (!isWsExtension(ext)) continue;
      clearInterval(ext.intervalHandle);
      clearTimeout(ext.pingServerHandle);
      ext.disable();
      ext.ws?.terminate?.();
    }
  }

  private extension(): WsExtensionLike | undefined {
    return (this.subscriptions.rc.sdkExtensions as unknown[]).find(isWsExtension);
  }

  private scheduleRenewal(): void {
    const info = this.subscription?.subscriptionInfo;
    if (!info || this.stopped) return;
    const expiresIn = info.expiresIn ?? 900;
    this.renewTimer = this.options.clock.setTimer(() => void this.renew(), renewDelayMs(expiresIn));
  }

  private async renew(): Promise<void> {
    const subscription = this.subscription;
    if (!subscription || this.stopped) return;
    const before = subscription.subscriptionInfo?.id;
    try {
      // PUT on the socket; a 404 (lapsed) makes @rc-ex/ws subscribe anew.
      await subscription.refresh();
      if (subscription.subscriptionInfo?.id !== before) this.options.events.resubscribed();
    } catch (error) {
      this.options.events.error('renewing the subscription', error);
    }
    this.scheduleRenewal();
  }

  private watchExtension(extension: WsExtensionLike): void {
    // Heartbeats three times per interval after the last message: a live socket is never silent
    // for a whole interval, so silence that long means it is broken.
    if (extension.options.autoRecover)
      extension.options.autoRecover.pingServerInterval = Math.max(500, this.options.heartbeatIntervalMs / 3);
    const { events } = this.options;
    extension.eventEmitter.on('newWebSocketObject', (ws) => this.watchSocket(ws as WsLike));
    extension.eventEmitter.on('autoRecoverSuccess', () => events.recovered(true));
    extension.eventEmitter.on('autoRecoverFailed', () => events.recovered(false));
    extension.eventEmitter.on('autoRecoverError', (error) => events.error('reconnecting', error));
  }

  private watchSocket(ws: WsLike | undefined): void {
    if (!ws?.on || this.watched.has(ws)) return;
    this.watched.add(ws);
    const { events } = this.options;
    ws.on('error', (error) => events.error('the WebSocket', error));
    ws.on('message', () => events.alive());
    ws.on('close', () => {
      if (!this.stopped) events.down();
    });
  }
}
