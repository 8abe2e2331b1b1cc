/**
 * Callboard's share of the account's Light rate-limit group (DESIGN.md §3: 50 requests per user per
 * app per 60 s sliding window; over it, a 429 and a 60 s penalty that restarts with every request
 * sent during it). The budget counts our own requests in a sliding window and allows at most
 * `share` × limit of them; it also reads the server's X-Rate-Limit-* headers, because other screens or
 * tools signed in as the same user spend the same budget, and it blocks all sending until a
 * Retry-After has passed (at most an hour, retry-after.ts), since any request during a penalty
 * would restart it. The penalty, what was asked and until when, is shown on screen.
 */
import { retryWaitMs } from './retry-after';

export interface RateBudgetOptions {
  /** Fraction of the server's limit this app may spend (settings.polling.budgetShare). */
  share: number;
  /** Assumed until the server tells us (X-Rate-Limit-Limit / -Window). */
  limit?: number;
  windowMs?: number;
}

export interface BudgetFigures {
  limit: number;
  windowMs: number;
  budget: number;
  sentInWindow: number;
  blockedUntil: number;
  /** The 429 penalty being waited out, or null when there is none (any more). */
  penalty: Penalty | null;
}

/** A 429's wait: what RingCentral asked (seconds; null when it did not say) and when sending resumes. */
export interface Penalty {
  askedSeconds: number | null;
  until: number;
}

const RETRY_AFTER_MARGIN_MS = 1_000;

/** Requests a window allows Callboard: its share of the server's limit, at least one. */
export function budgetOf(limit: number, share: number): number {
  return Math.max(1, Math.floor(limit * share));
}

/** A count per window as a count per minute (RingCentral's windows are usually 60 s). */
export function perMinute(count: number, windowMs: number): number {
  return Math.round((count * 60_000) / windowMs);
}

export class RateBudget {
  private limit: number;
  private windowMs: number;
  private share: number;
  private readonly sent: number[] = [];
  /** No request may leave before this instant (Retry-After, or the server reporting our share used up). */
  private blockedUntil = 0;
  private penalty: Penalty | null = null;

  constructor(options: RateBudgetOptions) {
    this.share = options.share;
    this.limit = options.limit ?? 50;
    this.windowMs = options.windowMs ?? 60_000;
  }

  get budget(): number {
    return budgetOf(this.limit, this.share);
  }

  setShare(share: number): void {
    this.share = share;
  }

  /** The earliest instant the next request may be sent (≤ now means now). */
  nextSlot(now: number): number {
    this.expire(now);
    let slot = Math.max(now, this.blockedUntil);
    if (this.sent.length >= this.budget) {
      // The oldest request that must leave the window before there is room again.
      const oldest = this.sent[this.sent.length - this.budget] ?? now;
      slot = Math.max(slot, oldest + this.windowMs + 1);
    }
    return slot;
  }

  /** Note a request as sent (call right before sending it). */
  record(now: number): void {
    this.expire(now);
    this.sent.push(now);
  }

  /** Learn from a response's headers; `now` is when the response arrived. */
  observe(headers: Readonly<Record<string, string>>, now: number): void {
    const limit = Number(headers['x-rate-limit-limit']);
    const windowSeconds = Number(headers['x-rate-limit-window']);
    if (Number.isInteger(limit) && limit > 0) this.limit = limit;
    if (Number.isFinite(windowSeconds) && windowSeconds > 0) this.windowMs = windowSeconds * 1000;
    const remaining = Number(headers['x-rate-limit-remaining']);
    if (!Number.isFinite(remaining) || headers['x-rate-limit-remaining'] === undefined) return;
    // Others sharing this user's budget have left less than the part that is not ours to spend:
    // wait for the window to move on by the missing amount before sending again.
    const reserve = this.limit - this.budget;
    if (remaining < reserve) {
      const perRequestMs = this.windowMs / this.limit;
      this.blockUntil(now + (reserve - remaining) * perRequestMs);
    }
  }

  /** A 429 arrived: send nothing until Retry-After (capped, plus a margin) has passed. */
  penalize(retryAfterSeconds: number | null, now: number): number {
    const until = now + retryWaitMs(retryAfterSeconds) + RETRY_AFTER_MARGIN_MS;
    // The penalty that ends last is the one the screen is waiting for.
    if (this.penalty === null || this.penalty.until <= now || until >= this.penalty.until) {
      const asked = retryAfterSeconds !== null && retryAfterSeconds >= 0 ? retryAfterSeconds : null;
      this.penalty = { askedSeconds: asked, until };
    }
    this.blockUntil(until);
    return this.blockedUntil;
  }

  figures(now: number): BudgetFigures {
    this.expire(now);
    return {
      limit: this.limit,
      windowMs: this.windowMs,
      budget: this.budget,
      sentInWindow: this.sent.length,
      blockedUntil: this.blockedUntil,
      penalty: this.penalty !== null && this.penalty.until > now ? { ...this.penalty } : null,
    };
  }

  private blockUntil(until: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, until);
  }

  private expire(now: number): void {
    const cutoff = now - this.windowMs;
    while (this.sent.length > 0 && (this.sent[0] ?? 0) <= cutoff) this.sent.shift();
  }
}
