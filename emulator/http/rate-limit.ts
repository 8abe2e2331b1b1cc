/**
 * RingCentral's rate limiting, per (user, app) and group: a sliding window of accepted requests;
 * over the limit, 429 with Retry-After and a penalty that restarts with every request sent during it.
 * Every response carries X-Rate-Limit-* headers (the group in lower case, as the platform sends it).
 */

export type RateGroup = 'light' | 'medium' | 'heavy' | 'auth';

export interface GroupLimit {
  limit: number;
  windowSeconds: number;
  penaltySeconds: number;
}

export type RateLimits = Record<RateGroup, GroupLimit>;

export const DEFAULT_LIMITS: RateLimits = {
  light: { limit: 50, windowSeconds: 60, penaltySeconds: 60 },
  medium: { limit: 40, windowSeconds: 60, penaltySeconds: 60 },
  heavy: { limit: 10, windowSeconds: 60, penaltySeconds: 60 },
  auth: { limit: 5, windowSeconds: 60, penaltySeconds: 60 },
};

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
  /** The request arrived while its key was already in a penalty. */
  duringPenalty: boolean;
}

interface KeyState {
  hits: number[];
  penaltyUntil: number;
  /** Length of the current penalty: the group's, or a fault's own. */
  penaltyMs: number;
}

export class RateLimiter {
  private readonly states = new Map<string, KeyState>();
  limits: RateLimits;

  /** `now` is the limiter's time source: real time, or a test's virtual clock (soak tests). */
  constructor(
    limits: Partial<RateLimits> = {},
    readonly now: () => number = Date.now,
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /**
   * Admit or refuse one request. `startPenaltySeconds` refuses it and starts a penalty of that
   * length, as if the key had just gone over its limit (the `penalty` fault).
   */
  check(group: RateGroup, key: string, now = this.now(), startPenaltySeconds?: number): RateDecision {
    const limit = this.limits[group];
    const state = this.state(group, key, now);
    const duringPenalty = state.penaltyUntil > now;
    if (startPenaltySeconds !== undefined || duringPenalty || state.hits.length >= limit.limit) {
      if (startPenaltySeconds !== undefined) state.penaltyMs = startPenaltySeconds * 1000;
      else if (!duringPenalty) state.penaltyMs = limit.penaltySeconds * 1000;
      state.penaltyUntil = now + state.penaltyMs;
      return {
        allowed: false,
        duringPenalty: duringPenalty && startPenaltySeconds === undefined,
        headers: { ...this.headers(group, 0), 'Retry-After': String(Math.ceil(state.penaltyMs / 1000)) },
      };
    }
    state.hits.push(now);
    return {
      allowed: true,
      duringPenalty: false,
      headers: this.headers(group, limit.limit - state.hits.length),
    };
  }

  /** Headers for a response that did not count (e.g. refused before authentication). */
  peek(group: RateGroup, key: string, now = this.now()): Record<string, string> {
    const state = this.state(group, key, now);
    return this.headers(group, Math.max(0, this.limits[group].limit - state.hits.length));
  }

  reset(): void {
    this.states.clear();
  }

  private state(group: RateGroup, key: string, now: number): KeyState {
    const id = `${group}|${key}`;
    let state = this.states.get(id);
    if (!state) {
      state = { hits: [], penaltyUntil: 0, penaltyMs: 0 };
      this.states.set(id, state);
    }
    const cutoff = now - this.limits[group].windowSeconds * 1000;
    while (state.hits.length > 0 && state.hits[0]! <= cutoff) state.hits.shift();
    return state;
  }

  private headers(group: RateGroup, remaining: number): Record<string, string> {
    const limit = this.limits[group];
    return {
      'X-Rate-Limit-Group': group,
      'X-Rate-Limit-Limit': String(limit.limit),
      'X-Rate-Limit-Remaining': String(remaining),
      'X-Rate-Limit-Window': String(limit.windowSeconds),
    };
  }
}
