import type { SDK } from '@ringcentral/sdk';
import type { Platform } from '../connection/platform-factory';
import type { LiveAgent, LivePermission, LiveState, LiveStatus } from '../../../contract/live';
import { redact } from '../connection/redact';
import type { Clock } from '../poller/clock';
import { AgentBook } from './agent-book';
import {
  eventKind,
  issueLine,
  NotificationSchema,
  PresenceSchema,
  TelephonySessionEventSchema,
} from './live-events';
import { missingPermissionOf, permissionIn } from './missing-permissions';
import { PacedRequests, type SendGet } from './paced-requests';
import { listQueues, readRestSnapshot } from './rest-snapshot';
import { LiveStatusTracker } from './live-status';
import { SubscriptionSocket } from './subscription-socket';
import { WaitingBook } from './waiting-book';

/**
 * Live queue state from RingCentral: the followed queues' members and presence read over REST (at
 * start and after every gap), then kept current by ONE WebSocket subscription to account telephony
 * sessions and the members' detailed presence. Never throws into the core: failures become status
 * and log lines (redacted).
 */

export interface LiveFeedOptions {
  /** The signed-in SDK platform (Connection.livePlatform()); null while signed out. */
  platform: () => Platform | null;
  clock: Clock;
  log: (line: string) => void;
  queues: readonly string[] | 'all';
  /** Silence this long marks the state stale (default 30 s). */
  heartbeatIntervalMs?: number;
  /** REST GET for the initial read; defaults to the SDK's platform. */
  send?: SendGet;
}

const ACCOUNT = '/restapi/v1.0/account/~';
const RETRY_START_MS = 5_000;
const RETRY_MAX_MS = 5 * 60_000;

export class LiveFeed {
  private readonly tracker: LiveStatusTracker;
  private readonly waiting = new WaitingBook();
  private readonly agents = new AgentBook();
  private readonly listeners = new Set<() => void>();
  private readonly requests: PacedRequests;
  private queueIds: string[] = [];
  private socket: SubscriptionSocket | null = null;
  private running = false;
  private generation = 0;
  private retryMs = RETRY_START_MS;
  private retryTimer: unknown = null;
  private readonly heartbeatMs: number;

  constructor(private readonly options: LiveFeedOptions) {
    this.heartbeatMs = options.heartbeatIntervalMs ?? 30_000;
    this.tracker = new LiveStatusTracker({
      clock: options.clock,
      heartbeatIntervalMs: this.heartbeatMs,
      onChange: () => this.statusChanged(),
    });
    this.requests = new PacedRequests(options.clock, options.send ?? ((path) => this.platformGet(path)));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.tracker.connecting();
    void this.connect(++this.generation);
  }

  async stop(): Promise<void> {
    this.running = false;
    this.generation++;
    if (this.retryTimer !== null) this.options.clock.clearTimer(this.retryTimer);
    this.retryTimer = null;
    await this.closeSocket();
    this.tracker.off();
  }

  /** Follows other queues: state and subscription are rebuilt for them. */
  setQueues(queues: readonly string[] | 'all'): void {
    this.options.queues = queues;
    if (!this.running) return;
    void this.restart();
  }

  state(): LiveState {
    const queues = this.queueIds.map((id) => ({
      id,
      waiting: this.waiting.of(id).map((entry) => ({
        telephonySessionId: entry.telephonySessionId,
        since: new Date(entry.since).toISOString(),
      })),
    }));
    return { queues, agents: this.agents.list() };
  }

  status(): LiveStatus {
    return this.tracker.status();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The REST budgets per rate-limit group, for the bench and diagnostics. */
  get budgets(): PacedRequests['budgets'] {
    return this.requests.budgets;
  }

  private async restart(): Promise<void> {
    const generation = ++this.generation;
    await this.closeSocket();
    if (generation !== this.generation) return;
    this.tracker.down();
    void this.connect(generation);
  }

  private async connect(generation: number): Promise<void> {
    try {
      const sdk = sdkOf(this.options.platform());
      const queues = this.options.queues;
      this.queueIds = queues === 'all' ? await listQueues((g, p) => this.requests.get(g, p)) : [...queues];
      this.waiting.keepQueues((id) => this.queueIds.includes(id));
      if (!(await this.reread(generation))) return;
      const socket = new SubscriptionSocket({
        sdk,
        clock: this.options.clock,
        heartbeatIntervalMs: this.heartbeatMs,
        events: this.socketEvents(generation),
      });
      this.socket = socket;
      this.requests.budgets.medium.record(this.options.clock.now()); // the subscription's creation
      const disabled = await socket.start(this.filters());
      if (generation !== this.generation) return void socket.stop();
      this.retryMs = RETRY_START_MS;
      this.tracker.alive();
      this.noteDisabledFilters(disabled);
    } catch (error) {
      await this.failed(generation, 'connecting', error);
    }
  }

  /** Re-reads presence over REST; false when it failed (and a retry is scheduled). */
  private async reread(generation: number): Promise<boolean> {
    const read = await readRestSnapshot(
      (g, p) => this.requests.get(g, p),
      this.queueIds,
      () => this.options.clock.now(),
    );
    if (generation !== this.generation) return false;
    if (!read.ok) {
      await this.failed(generation, 'reading presence', read.error);
      return false;
    }
    this.agents.replace(read.snapshot);
    // Live means the socket is up: a REST read alone (before the subscription) is not yet live.
    if (this.socket) this.tracker.alive();
    this.emit();
    return true;
  }

  private socketEvents(generation: number) {
    const current = () => generation === this.generation;
    return {
      notification: (raw: unknown) => current() && this.onNotification(raw),
      alive: () => current() && this.tracker.alive(),
      down: () => current() && this.tracker.down(),
      recovered: (complete: boolean) => {
        if (!current()) return;
        if (complete) this.tracker.alive();
        // Recovery failed: what happened meanwhile is unknown, so REST is asked again.
        else void this.reread(generation);
      },
      resubscribed: () => current() && void this.reread(generation),
      error: (context: string, error: unknown) => current() && this.logError(context, error),
    };
  }

  private onNotification(raw: unknown): void {
    const notification = NotificationSchema.safeParse(raw);
    if (!notification.success)
      return this.log(`live: a notification is malformed (${issueLine(notification.error)}), ignored`);
    const { event, body, timestamp } = notification.data;
    const now = this.options.clock.now();
    const kind = eventKind(event);
    let changed = false;
    if (kind === 'telephony') {
      const parsed = TelephonySessionEventSchema.safeParse(body);
      if (!parsed.success)
        return this.log(`live: a telephony session event is malformed (${issueLine(parsed.error)}), ignored`);
      changed = this.waiting.apply(parsed.data, (id) => this.queueIds.includes(id), now);
    } else if (kind === 'presence') {
      const parsed = PresenceSchema.safeParse(body);
      if (!parsed.success)
        return this.log(`live: a presence event is malformed (${issueLine(parsed.error)}), ignored`);
      const at = timestamp ? Date.parse(timestamp) : now;
      changed = this.agents.applyPresence(parsed.data, at);
    }
    this.tracker.alive();
    if (changed) this.emit();
  }

  private filters(): string[] {
    const members = this.agents.list().map((agent: LiveAgent) => agent.id);
    return [
      `${ACCOUNT}/telephony/sessions`,
      ...members.map((id) => `${ACCOUNT}/extension/${id}/presence?detailedTelephonyState=true`),
    ];
  }

  /**
   * Filters RingCentral disabled for a missing permission (it subscribes to the rest): presence may
   * still flow, but the state is incomplete, so the status says which permission is missing.
   */
  private noteDisabledFilters(disabled: string[]): void {
    const missing = [...new Set(disabled.flatMap((text) => permissionIn(text) ?? []))];
    if (missing.length === 0) return;
    this.log(
      `live: the RingCentral app lacks the ${missing.join(', ')} permission; live state is unavailable`,
    );
    this.tracker.unavailable(missing);
  }

  private async failed(generation: number, context: string, error: unknown): Promise<void> {
    if (generation !== this.generation) return;
    const missing: LivePermission | null = await missingPermissionOf(error);
    await this.closeSocket();
    if (generation !== this.generation) return;
    if (missing) {
      this.log(`live: the RingCentral app lacks the ${missing} permission; live state is unavailable`);
      this.tracker.unavailable([missing]);
      return;
    }
    this.logError(context, error);
    this.tracker.down();
    // Backoff doubling from 5 s to 5 min: a hub restart or an outage is not hammered.
    const delay = this.retryMs;
    this.retryMs = Math.min(RETRY_MAX_MS, this.retryMs * 2);
    this.retryTimer = this.options.clock.setTimer(() => {
      this.retryTimer = null;
      if (this.running && generation === this.generation) void this.connect(generation);
    }, delay);
  }

  private async closeSocket(): Promise<void> {
    const socket = this.socket;
    this.socket = null;
    await socket?.stop().catch(() => undefined);
  }

  private statusChanged(): void {
    // Silent for a whole heartbeat interval: the socket is broken; a new one recovers the session.
    if (this.tracker.silent) this.socket?.restartSocket();
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (error) {
        this.logError('a live listener', error);
      }
    }
  }

  private async platformGet(path: string) {
    const platform = this.options.platform();
    if (!platform) throw new Error('not signed in');
    const response = await platform.get(path);
    return {
      json: await response.json(),
      headers: Object.fromEntries(response.headers.entries()),
    };
  }

  private logError(context: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.log(`live: ${context} failed: ${message}`);
  }

  private log(line: string): void {
    this.options.log(redact(line));
  }
}

/**
 * @ringcentral/subscriptions wants an SDK but uses only its platform's tokens and `send`: the
 * session's own platform stands in, so the socket shares the session's tokens and renewals.
 */
function sdkOf(platform: Platform | null): SDK {
  if (!platform) throw new Error('not signed in');
  return {
    platform: () => platform,
    send: (options: Parameters<Platform['send']>[0]) => platform.send(options),
  } as unknown as SDK;
}
