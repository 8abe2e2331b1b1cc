import { AnalyticsEngine } from './analytics/engine';
import { RETENTION_MS } from './analytics/query';
import { CallStore } from './data/call-store';
import type { CompiledCall } from './data/calls';
import { demoDirectory, DEMO_OWNER_ID } from './data/demo-directory';
import { Directory, type DirectoryData } from './data/directory';
import { SyntheticCallCenter } from './data/synthetic';
import { EmulatorClock } from './clock';
import { analyticsRoutes } from './http/analytics-routes';
import { controlRoutes } from './http/control-routes';
import { directoryRoutes } from './http/directory-routes';
import { FaultInjector } from './http/faults';
import { liveControlRoutes } from './http/live-control-routes';
import { GATEWAY_PATH, notificationRoutes } from './http/notification-routes';
import { OAuthServer, type OAuthApp } from './http/oauth';
import { oauthRoutes } from './http/oauth-routes';
import { presenceRoutes } from './http/presence-routes';
import { RateLimiter, type RateLimits } from './http/rate-limit';
import { EmulatorHttpServer } from './http/server';
import { TrafficStats } from './http/stats';
import { LiveModel } from './live/live-model';
import { WebSocketGateway } from './ws/gateway';
import type { GatewayOptions } from './ws/options';
import { restOverSocket } from './ws/rest-over-socket';

/**
 * A local RingCentral platform: OAuth, directory and both analytics dialects over HTTP, with rate
 * limits, scriptable faults and either file-loaded or live synthetic call data (DESIGN.md §4).
 */

export interface EmulatorConfig {
  port?: number;
  host?: string;
  directory?: DirectoryData;
  /** Calls loaded from files; without them the synthetic call center produces calls live. */
  calls?: CompiledCall[];
  seed?: number;
  /** Clock speed factor for call data (60 = an hour per minute). */
  speed?: number;
  /** Start the data clock at this instant (ms). */
  now?: number;
  historyDays?: number;
  volume?: number;
  /** Synthetic data: open every day, weekends working like a weekday (default false: Sunday closed). */
  openEveryDay?: boolean;
  apps?: OAuthApp[];
  jwts?: Record<string, string>;
  ownerId?: string;
  accessTokenTtl?: number;
  refreshTokenTtl?: number;
  limits?: Partial<RateLimits>;
  /** The WebSocket gateway's timings (token, subscription, recovery, idle, heartbeats; seconds). */
  ws?: Partial<GatewayOptions>;
  /**
   * Time source for the data clock and rate limits (default real time). A soak test passes its
   * virtual clock so a simulated day of polling runs in seconds with exact rate-limit windows.
   */
  timeSource?: () => number;
  log?: (line: string) => void;
}

export const DEMO_APP = {
  clientId: 'callboard-demo',
  clientSecret: 'callboard-demo-secret',
  jwt: 'callboard-demo-jwt',
} as const;

const RETENTION_GRACE_MS = 170 * 86_400_000;

export class Emulator {
  readonly clock: EmulatorClock;
  readonly store = new CallStore();
  readonly engine: AnalyticsEngine;
  readonly oauth: OAuthServer;
  readonly limiter: RateLimiter;
  readonly faults = new FaultInjector();
  readonly stats = new TrafficStats();
  /** What the simulation holds now: calls' parties and agents' presence, played on the data clock. */
  readonly live: LiveModel;
  /** RingCentral's WebSocket gateway on the same port (GATEWAY_PATH). */
  readonly gateway: WebSocketGateway;
  directory: Directory;
  private synthetic: SyntheticCallCenter | null = null;
  private readonly http: EmulatorHttpServer;
  private address: { port: number; host: string } | null = null;

  constructor(private readonly config: EmulatorConfig = {}) {
    const log = config.log ?? ((line: string) => console.error(line));
    this.directory = new Directory(config.directory ?? demoDirectory());
    if (config.calls) this.store.add(config.calls);
    this.clock = new EmulatorClock(config.now ?? this.defaultStart(), config.speed ?? 1, config.timeSource);
    if (!config.calls) {
      this.synthetic = new SyntheticCallCenter(this.directory, {
        seed: config.seed ?? 42,
        historyDays: config.historyDays ?? 14,
        volume: config.volume ?? 1,
        openEveryDay: config.openEveryDay ?? false,
      });
    }
    this.engine = new AnalyticsEngine(this.store, () => this.directory);
    const users = () => this.directory.ofType('User');
    const ownerId =
      config.ownerId ?? (config.directory ? users()[0]?.id : DEMO_OWNER_ID) ?? this.directory.account.id;
    this.oauth = new OAuthServer(
      {
        apps: config.apps ?? [{ clientId: DEMO_APP.clientId, clientSecret: DEMO_APP.clientSecret }],
        jwts: config.jwts ?? { [DEMO_APP.jwt]: ownerId },
        defaultOwnerId: ownerId,
        accessTokenTtl: config.accessTokenTtl ?? 3600,
        refreshTokenTtl: config.refreshTokenTtl ?? 604_800,
      },
      (hint) =>
        users().find((user) => user.id === hint || user.extensionNumber === hint || user.email === hint)?.id,
    );
    this.limiter = new RateLimiter(config.limits, config.timeSource);
    this.live = new LiveModel({
      directory: () => this.directory,
      // File data has no schedules: its users are simply there, on no call.
      fallback: this.synthetic ? 'offline' : 'available',
      restart: () => this.synthetic?.currentLive() ?? { calls: [], schedules: [] },
      log,
    });
    this.gateway = new WebSocketGateway({
      directory: () => this.directory,
      advanceLive: () => this.dataNow(),
      limiter: this.limiter,
      stats: this.stats,
      faults: this.faults,
      rest: (call) => restOverSocket(this.http, this.oauth, call),
      options: config.ws,
      log,
    });
    this.live.onEvent((event) => this.gateway.onLive(event));
    this.http = new EmulatorHttpServer({
      routes: [
        ...oauthRoutes(this.oauth),
        ...notificationRoutes(this.gateway),
        ...directoryRoutes(() => this.directory),
        ...presenceRoutes({ directory: () => this.directory, live: () => this.liveNow() }),
        ...analyticsRoutes({
          engine: this.engine,
          directory: () => this.directory,
          now: () => this.dataNow(),
        }),
        ...controlRoutes(this),
        ...liveControlRoutes(this),
      ],
      oauth: this.oauth,
      limiter: this.limiter,
      faults: this.faults,
      stats: this.stats,
      websocket: {
        path: GATEWAY_PATH,
        refusal: () => this.gateway.refusal(),
        accept: (socket, query, baseUrl) => this.gateway.accept(socket, query, baseUrl),
      },
      log,
    });
  }

  /**
   * Emulator time, with live synthetic calls brought up to it: calls that have ended move into the
   * analytics, and the live model plays everything up to now (announcing it to the gateway).
   */
  dataNow(): number {
    const now = this.clock.now();
    if (this.synthetic) {
      this.synthetic.advanceTo(now, this.store);
      // Nothing older than the API's window can be asked for: keep a fast-running demo bounded.
      this.store.pruneBefore(now - RETENTION_MS - 86_400_000);
      this.live.ingest(this.synthetic.takeNewLive());
    }
    this.live.advanceTo(now);
    return now;
  }

  /** The live model at the data clock's now. */
  liveNow(): LiveModel {
    this.dataNow();
    return this.live;
  }

  async start(): Promise<string> {
    const host = this.config.host ?? '127.0.0.1';
    const info = await this.http.listen(this.config.port ?? 0, host);
    this.address = { port: info.port, host };
    this.dataNow();
    this.gateway.start();
    return this.url;
  }

  async stop(): Promise<void> {
    this.gateway.stop();
    await this.http.close();
  }

  get url(): string {
    if (!this.address) throw new Error('Emulator is not started');
    const host = this.address.host.includes(':') ? `[${this.address.host}]` : this.address.host;
    return `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${this.address.port}`;
  }

  get port(): number {
    if (!this.address) throw new Error('Emulator is not started');
    return this.address.port;
  }

  get isSynthetic(): boolean {
    return this.synthetic !== null;
  }

  /** Forget traffic, faults, rate-limit state, sessions and sockets; keep the data. */
  reset(): void {
    this.stats.reset();
    this.faults.clear();
    this.limiter.reset();
    this.oauth.reset();
    this.gateway.reset();
  }

  /**
   * File data older than the API's 184-day window would be unreachable; start the clock just after
   * the newest call instead, so a fixture set stays queryable whenever it is replayed.
   */
  private defaultStart(): number {
    const newest = this.store.newest();
    const now = Date.now();
    if (newest && newest.start < now - RETENTION_GRACE_MS) return newest.start + 86_400_000;
    return now;
  }
}

export async function startEmulator(config: EmulatorConfig = {}): Promise<Emulator> {
  const emulator = new Emulator(config);
  await emulator.start();
  return emulator;
}
