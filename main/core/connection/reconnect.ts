import { backoffDelay, type BackoffOptions } from '../poller/backoff';
import { describeWait } from '../wait-words';
import type { AuthBudget } from './auth-budget';
import type { Redactor } from './redact';
import { describeSignInFailure, isRetryable, isTransportFailure } from './sign-in-failure';

/**
 * Getting a session back by itself, for screens nobody will come to sign in at: when a session
 * dies (renewal refused or failing, revoked, expired) or the first sign-in at start cannot happen,
 * sign in again with the stored JWT (or, without one, renew the kept browser session) and keep
 * trying across outages of any length, backing off with jitter and never beyond the Auth group's
 * 5 requests a minute. Only a refusal of the credentials themselves stops it: that needs a person,
 * and RingCentral's own words say why. A login that works but whose session is refused again at
 * once (revoked again) backs off too instead of looping.
 */

/** How to get a new session now: with the stored JWT, by renewing the kept session, or not at all. */
export type Way = { kind: 'jwt'; jwt: string } | { kind: 'refresh' } | null;

export interface Waiting {
  /** For people: what is happening and why, e.g. "Reconnecting to RingCentral… (…)". */
  message: string;
  /** The last attempt got no answer at all (the board says Offline rather than Delayed). */
  unreachable: boolean;
  /** When the next attempt is due (ms), or null while one is under way. */
  nextAttemptAt: number | null;
}

export interface ReconnectHooks {
  serverUrl: string;
  budget: AuthBudget;
  redactor: Redactor;
  log: (line: string) => void;
  now?: () => number;
  backoff?: BackoffOptions;
  way: () => Promise<Way>;
  /** What to tell a person when there is no way back (no JWT, no session to renew). */
  noWay: (reason: string) => string;
  /** Forget the dead session's tokens (before a JWT sign-in replaces it). */
  discard: () => Promise<void>;
  /** Sign in with the JWT / renew the session and become signedIn; false when no longer wanted. */
  login: (jwt: string) => Promise<boolean>;
  refresh: () => Promise<boolean>;
  needSignIn: (message: string) => void;
  waiting: (state: Waiting) => void;
}

/** 5 s, doubling to a minute: back within a minute of any outage ending, and 5 a minute at most. */
export const RECONNECT_BACKOFF: BackoffOptions = { baseMs: 5_000, maxMs: 60_000 };

export class Reconnector {
  private running: Promise<boolean> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  /** A session was got back, and no request has yet proved the platform accepts it. */
  private unproven = false;
  private stopped = false;

  constructor(private readonly hooks: ReconnectHooks) {}

  /** The attempt under way, if any (requests that notice together share it). */
  get inFlight(): Promise<boolean> | null {
    return this.running;
  }

  /** Whether an attempt is under way or scheduled. */
  get active(): boolean {
    return this.running !== null || this.timer !== null;
  }

  /**
   * Start getting the session back; resolves true when this attempt signed in. A scheduled attempt
   * is not brought forward (its wait is the backoff or the Auth budget), and a session that was
   * just got back but is refused again waits out a backoff before the next try.
   */
  run(reason: string): Promise<boolean> {
    this.stopped = false;
    if (this.running) return this.running;
    if (this.timer) return Promise.resolve(false);
    if (this.unproven) {
      this.unproven = false;
      this.failures++;
      this.schedule(reason, `${reason} again right after signing in`, false);
      return Promise.resolve(false);
    }
    return this.attempt(reason);
  }

  /** A request went through on the session: the next failure starts from a short wait again. */
  healthy(): void {
    this.unproven = false;
    this.failures = 0;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private attempt(reason: string): Promise<boolean> {
    this.running = this.tryOnce(reason).finally(() => (this.running = null));
    return this.running;
  }

  private async tryOnce(reason: string): Promise<boolean> {
    const { hooks } = this;
    const way = await hooks.way().catch(() => null);
    if (way === null) {
      // Nothing can revive these tokens: forget them (a restart must not try them again).
      await hooks.discard();
      hooks.needSignIn(hooks.noWay(reason));
      return false;
    }
    const slot = hooks.budget.nextSlot();
    if (slot > this.now()) {
      this.scheduleAt(reason, slot, 'Waiting for RingCentral’s sign-in rate limit', false);
      return false;
    }
    hooks.log(
      `connection: ${reason}; ${way.kind === 'jwt' ? 'signing in again with the stored JWT' : 'renewing the session'}`,
    );
    try {
      if (way.kind === 'jwt') {
        hooks.redactor.remember(way.jwt);
        await hooks.discard();
      }
      const done = way.kind === 'jwt' ? await hooks.login(way.jwt) : await hooks.refresh();
      if (done) this.unproven = true;
      return done;
    } catch (error) {
      await this.failed(reason, way, error);
      return false;
    }
  }

  private async failed(reason: string, way: NonNullable<Way>, error: unknown): Promise<void> {
    const failure = await describeSignInFailure(error, this.hooks.serverUrl);
    const message = this.hooks.redactor.apply(failure.message);
    this.hooks.log(`connection: getting the session back failed: ${message}`);
    if (!isRetryable(failure)) {
      this.failures = 0;
      // A renewal RingCentral refused leaves a session nothing can revive.
      if (way.kind === 'refresh') await this.hooks.discard();
      this.hooks.needSignIn(message);
      return;
    }
    this.failures++;
    this.schedule(reason, message, isTransportFailure(failure));
  }

  private schedule(reason: string, why: string, unreachable: boolean): void {
    const delay = backoffDelay(this.failures, this.hooks.backoff ?? RECONNECT_BACKOFF);
    this.scheduleAt(reason, Math.max(this.now() + delay, this.hooks.budget.nextSlot()), why, unreachable);
  }

  private scheduleAt(reason: string, at: number, why: string, unreachable: boolean): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(0, at - this.now());
    this.hooks.waiting({
      message: `Reconnecting to RingCentral… ${why}; next try in ${describeWait(wait / 1000)}`,
      unreachable,
      nextAttemptAt: at,
    });
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.stopped) void this.attempt(reason);
    }, wait);
    this.timer.unref();
  }

  private now(): number {
    return (this.hooks.now ?? Date.now)();
  }
}
