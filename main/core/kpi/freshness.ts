import type { QueryState } from '../poller/query-state';

/**
 * How fresh a tile's numbers are. A tile is only as fresh as its oldest source: a ratio of a count
 * fetched now over one fetched ten minutes ago is ten minutes old. Staleness is measured against the
 * clock, not counted in failed attempts, so a tile also goes stale while the poller is held back by
 * the rate limit or has no network and makes no attempts at all.
 */

export interface FreshnessInput {
  /** Queries of the tile's own window, in the order its measures first read them. */
  readonly queryIds: readonly string[];
  /** Queries of yesterday's copy (delta, overlay): their errors are reported, their age is not. */
  readonly yesterdayIds: readonly string[];
  readonly queries: ReadonlyMap<string, QueryState>;
  readonly now: number;
  readonly staleAfterMisses: number;
  readonly planError: string | null;
}

export interface Freshness {
  /** The oldest fetch among the tile's queries (ISO), null until every one has answered once. */
  readonly asOf: string | null;
  readonly stale: boolean;
  readonly error: string | null;
}

export function freshnessOf(input: FreshnessInput): Freshness {
  const states = input.queryIds.map((id) => input.queries.get(id));
  const error = firstError(input) ?? input.planError;
  let oldest = Infinity;
  let refreshMs = 0;
  for (const state of states) {
    if (!state || state.fetchedAt === null) return { asOf: null, stale: false, error };
    oldest = Math.min(oldest, state.fetchedAt);
    refreshMs = Math.max(refreshMs, state.refreshMs);
  }
  if (states.length === 0) return { asOf: null, stale: false, error };
  const stale = input.now - oldest > refreshMs * input.staleAfterMisses;
  return { asOf: new Date(oldest).toISOString(), stale, error };
}

function firstError(input: FreshnessInput): string | null {
  for (const id of [...input.queryIds, ...input.yesterdayIds]) {
    const error = input.queries.get(id)?.error;
    if (error) return error;
  }
  return null;
}
