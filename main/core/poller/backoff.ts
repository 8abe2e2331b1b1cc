/**
 * Retry delays after transient failures (5xx, timeouts, network loss): exponential with full jitter,
 * so many screens or queries that failed together do not retry in lockstep.
 */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  random?: () => number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 5_000, maxMs: 5 * 60_000 };

/** Delay before retry number `failures` (1 = after the first failure). */
export function backoffDelay(failures: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const random = options.random ?? Math.random;
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, failures - 1));
  // Never less than the base: a failing server gets a breather even with an unlucky draw.
  return Math.round(options.baseMs + random() * Math.max(0, ceiling - options.baseMs));
}
