import type { InvokeChannel, InvokeResult } from '../../contract/bridge';
import type { ConnectionStatus } from '../../contract/connection';
import type { BoardSnapshot } from '../../contract/snapshot';
import type { Settings } from '../../contract/settings';
import { errorText } from '../../contract/error-text';
import { BoardPreviews } from './board-preview';
import type { ScreenCore } from './core-api';
import type { DemoProvider } from './demo';
import { NameDirectory } from './directory/name-directory';
import { EditorService } from './editor-service';
import { dispatchInvoke } from './invoke';
import { createInvokeHandlers } from './invoke-handlers';
import { planSettings } from './planner/plan-boards';
import type { Plan } from './planner/plan';
import { analyticsCodec } from './analytics/codec';
import { systemClock, type Clock } from './poller/clock';
import { Poller } from './poller/poller';
import { RateBudget } from './poller/rate-budget';
import type { SecretStore } from './secrets/secret-store';
import { SessionManager, type AccountCredentials } from './session-manager';
import { BoardFeed } from './settings/board-feed';
import { SettingsService } from './settings/settings-store';
import { rezoneDefaultDemoBoards, systemTimeZone, type DefaultScope } from './settings/default-boards';
import { assembleSnapshot } from './snapshot-assembly';
import { SnapshotPublisher } from './snapshot-publisher';

/**
 * The Callboard core: settings → plan → poller → KPIs → snapshots, plus the connection. Electron's
 * main process and the hub both run exactly this; neither imports anything the other needs. The core
 * polls only while at least one screen shows the board and someone is signed in.
 */

export interface CoreOptions {
  settingsPath: string;
  secrets: SecretStore;
  /** Opens the system browser for browser sign-in. */
  openBrowser: (url: string) => Promise<void>;
  log?: (line: string) => void;
  clock?: Clock;
  /** A headless account from the environment (CALLBOARD_RC_*), used instead of settings.connection. */
  envAccount?: AccountCredentials | null;
  /** The embedded demo, used when no account is configured (the host brings it: the core starts no emulator). */
  demo: DemoProvider;
  /** Poll even with no screen attached (tests, benchmarks). */
  alwaysActive?: boolean;
  /** How often ages and staleness are re-evaluated when nothing else changes. */
  tickMs?: number;
}

export class CallboardCore implements ScreenCore {
  readonly settings: SettingsService;
  private readonly editor: EditorService;
  private readonly previews: BoardPreviews;
  private readonly feed: BoardFeed;
  private readonly log: (line: string) => void;
  private readonly clock: Clock;
  private readonly sessions: SessionManager;
  private readonly budget = new RateBudget({ share: 0.6 });
  private poller: Poller | null = null;
  private names: NameDirectory | null = null;
  private plan: Plan = { queries: [], tiles: new Map(), requestsPerRefresh: 0 };
  private notice: string | null = null;
  private readonly screens = new Set<string>();
  private readonly snapshots: SnapshotPublisher;
  private ticker: ReturnType<typeof setInterval> | null = null;
  private stopped = false;
  /** The default boards' scope on the demo and on an account. */
  private readonly scopes: { demo: DefaultScope; account: DefaultScope };

  private constructor(private readonly options: CoreOptions) {
    this.log = options.log ?? (() => {});
    this.clock = options.clock ?? systemClock;
    this.scopes = {
      demo: { kind: 'demo', demo: options.demo.profile },
      account: { kind: 'account', timeZone: systemTimeZone() },
    };
    // Without a settings file: demo boards, unless a headless account comes from the environment.
    this.settings = new SettingsService(
      options.settingsPath,
      options.envAccount ? this.scopes.account : this.scopes.demo,
    );
    this.editor = new EditorService({
      settings: this.settings,
      budget: () => this.budget.figures(this.clock.now()),
      names: () => this.names,
    });
    this.snapshots = new SnapshotPublisher(this.clock, (sequence) => this.buildSnapshot(sequence));
    this.feed = new BoardFeed({
      settings: this.settings,
      clock: this.clock,
      log: this.log,
      onStatus: () => this.scheduleSnapshot(),
    });
    this.previews = new BoardPreviews({
      clock: this.clock,
      livePlan: () => this.plan,
      states: () => this.poller?.states() ?? new Map(),
      names: () => this.names,
      connected: () => this.sessions.status().state === 'signedIn',
      nextSlot: (now) => this.budget.nextSlot(now),
      onQueriesChange: () => {
        this.poller?.setPlan(this.pollerQueries());
        this.updateActivity();
      },
    });
    this.sessions = new SessionManager({
      secrets: options.secrets,
      openBrowser: options.openBrowser,
      log: this.log,
      startDemo: () => options.demo.start(),
      onChange: () => this.onConnectionChange(),
    });
  }

  static async start(options: CoreOptions): Promise<CallboardCore> {
    const core = new CallboardCore(options);
    await core.boot();
    return core;
  }

  private async boot(): Promise<void> {
    const { settings, notice } = await this.settings.load();
    this.notice = notice;
    if (notice) this.log(notice);
    if (!settings.connection && !this.options.envAccount) await this.followDemoZone(settings);
    this.settings.onChange((next) => {
      this.replan();
      this.feed.follow(next.boardSource);
    });
    this.feed.follow(settings.boardSource);
    await this.sessions.open(settings.connection, this.options.envAccount ?? null);
    // Opening the session normally built the poller already (onConnectionChange).
    if (!this.poller) this.rebuildPoller();
    this.ticker = setInterval(() => this.scheduleSnapshot(), this.options.tickMs ?? 5_000);
    this.ticker.unref();
    this.scheduleSnapshot();
  }

  /** The demo picks its zone at every start: untouched default boards saved in another follow it. */
  private async followDemoZone(settings: Settings): Promise<void> {
    const rezoned = rezoneDefaultDemoBoards(settings, this.options.demo.profile);
    if (rezoned === settings) return;
    try {
      await this.settings.save(rezoned);
    } catch (error) {
      this.log(`settings: the demo boards stay in their saved zone (${errorText(error)})`);
    }
  }

  snapshot(): BoardSnapshot | null {
    return this.snapshots.current();
  }

  onSnapshot(listener: (snapshot: BoardSnapshot) => void): () => void {
    return this.snapshots.onSnapshot(listener);
  }

  invoke(
    channel: InvokeChannel,
    request: unknown,
    context: { screenId: string },
  ): Promise<InvokeResult<InvokeChannel>> {
    const handlers = createInvokeHandlers({
      core: this,
      settings: this.settings,
      editor: this.editor,
      previews: this.previews,
      feed: this.feed,
      sessions: this.sessions,
      screenId: context.screenId,
      scopes: this.scopes,
    });
    return dispatchInvoke(handlers, channel, request, this.log);
  }

  screenVisible(screenId: string, visible: boolean): void {
    if (visible) this.screens.add(screenId);
    else this.screens.delete(screenId);
    this.updateActivity();
  }

  connectionStatus(): ConnectionStatus {
    return this.sessions.status();
  }

  /** Requests one refresh of every visible tile takes (the planner's figure). */
  get requestsPerRefresh(): number {
    return this.plan.requestsPerRefresh;
  }

  get currentPlan(): Plan {
    return this.plan;
  }

  get activePoller(): Poller | null {
    return this.poller;
  }

  async stop(): Promise<void> {
    this.previews.clear();
    this.feed.stop();
    this.stopped = true;
    if (this.ticker) clearInterval(this.ticker);
    this.snapshots.stop();
    this.poller?.stop();
    await this.sessions.close();
  }

  /** The session changed (signed in, out, switched to demo): new transport, new names, new plan. */
  private onConnectionChange(): void {
    if (this.stopped) return;
    if (this.sessions.transportChanged()) this.rebuildPoller();
    this.refreshNames();
    this.updateActivity();
    this.scheduleSnapshot();
  }

  private rebuildPoller(): void {
    this.poller?.stop();
    this.poller = null;
    this.names = null;
    const transport = this.sessions.transport();
    if (!transport) return;
    const polling = this.settings.current().polling;
    this.budget.setShare(polling.budgetShare);
    this.names = new NameDirectory(transport, this.clock, this.log);
    this.poller = new Poller({
      transport,
      codec: analyticsCodec,
      budget: this.budget,
      clock: this.clock,
      requestTimeoutMs: polling.requestTimeoutSeconds * 1000,
      onAuthProblem: () => this.sessions.handleAuthProblem(),
      log: this.log,
    });
    this.poller.onChange(() => this.scheduleSnapshot());
    this.refreshNames();
    this.replan();
  }

  /** Extension names (cached for hours): only worth asking for once signed in; a new list may page differently. */
  private refreshNames(): void {
    const names = this.names;
    if (!names || this.sessions.status().state !== 'signedIn') return;
    const before = names.loadedTime;
    void names.refreshIfDue().then(() => {
      if (names.loadedTime !== before && names === this.names) this.replan();
    });
  }

  private replan(): void {
    const settings = this.settings.current();
    this.budget.setShare(settings.polling.budgetShare);
    this.plan = planSettings(settings, this.names?.keyCount);
    this.poller?.setPlan(this.pollerQueries());
    this.updateActivity();
    this.scheduleSnapshot();
  }

  /** The boards' queries, and a draft's being previewed in the settings window. */
  private pollerQueries() {
    return [...this.plan.queries, ...this.previews.queries()];
  }

  private updateActivity(): void {
    const watching = this.screens.size > 0 || this.previews.active || this.options.alwaysActive === true;
    this.poller?.setActive(watching && this.sessions.status().state === 'signedIn');
  }

  private scheduleSnapshot(): void {
    this.snapshots.schedule();
  }

  private buildSnapshot(sequence: number): BoardSnapshot {
    this.refreshNames();
    const settings: Settings = this.settings.current();
    return assembleSnapshot({
      settings,
      plan: this.plan,
      states: this.poller?.states() ?? new Map(),
      connection: this.sessions.status(),
      demo: this.sessions.isDemo(),
      demoNote: this.options.demo.profile.note,
      names: this.names?.lookup ?? (() => null),
      now: this.clock.now(),
      sequence,
      budget: this.budget.figures(this.clock.now()),
      paused: !(this.poller?.isActive ?? false),
      notice: this.notice,
      boardSource: this.feed.status(),
    });
  }
}
