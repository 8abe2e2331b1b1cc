/**
 * RingCentral's Auth rate-limit group: the token endpoint (sign-in, renewal) and revoke allow 5
 * requests a minute per app (DESIGN.md §3), and a burst over it buys a penalty during which even a
 * good JWT is refused. Every token request any SDK instance of one app makes passes through one
 * AuthBudget (platform-factory.ts gates them in fetch), so no combination of faults, revocations and
 * retries can ever send a sixth request in a minute; the reconnect loop schedules its attempts by it.
 */

import { retryWaitMs } from '../poller/retry-after';

export const AUTH_LIMIT = 5;
/**
 * RingCentral's window is 60 s, counted by when requests arrive there; a request held up on the way
 * (a busy event loop, a slow network) arrives later than it left, so the window is kept 2 s wider.
 */
export const AUTH_WINDOW_MS = 62_000;
const RETRY_AFTER_MARGIN_MS = 1_000;

/** A token request that would exceed the Auth group's budget: it was not sent. */
export class AuthBudgetError extends Error {
  override readonly name = 'AuthBudgetError';
  constructor(readonly availableAt: number) {
    super(
      `Waiting for RingCentral's sign-in rate limit (5 a minute) until ${new Date(availableAt).toISOString()}`,
    );
  }
}

export class AuthBudget {
  private readonly sent: number[] = [];
  private blockedUntil = 0;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly limit = AUTH_LIMIT,
    private readonly windowMs = AUTH_WINDOW_MS,
  ) {}

  /** The earliest instant a token request may leave (now or earlier: at once). */
  nextSlot(): number {
    const now = this.now();
    this.expire(now);
    let slot = Math.max(now, this.blockedUntil);
    if (this.sent.length >= this.limit) {
      const oldest = this.sent[this.sent.length - this.limit] ?? now;
      slot = Math.max(slot, oldest + this.windowMs + 1);
    }
    return slot;
  }

  /** Take a slot for a request about to be sent, or throw AuthBudgetError (nothing is sent then). */
  take(): void {
    const slot = this.nextSlot();
    if (slot > this.now()) throw new AuthBudgetError(slot);
    this.sent.push(this.now());
  }

  /** RingCentral answered 429: send nothing before Retry-After (60 s when it does not say, an hour at most). */
  penalize(retryAfterSeconds: number | null): void {
    const wait = retryWaitMs(retryAfterSeconds);
    this.blockedUntil = Math.max(this.blockedUntil, this.now() + wait + RETRY_AFTER_MARGIN_MS);
  }

  /** Token requests sent in the current window (for figures and tests). */
  sentInWindow(): number {
    this.expire(this.now());
    return this.sent.length;
  }

  private expire(now: number): void {
    while (this.sent.length > 0 && (this.sent[0] ?? 0) <= now - this.windowMs) this.sent.shift();
  }
}
