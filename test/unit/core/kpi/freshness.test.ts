import { describe, expect, it } from 'vitest';
import { freshnessOf, type FreshnessInput } from '../../../../main/core/kpi/freshness';
import { NOW, state, statesOf } from './kpi-fixtures';

/** A tile's age, staleness and error from its queries' states. */

const base = (extra: Partial<FreshnessInput>): FreshnessInput => ({
  queryIds: ['a', 'b'],
  yesterdayIds: [],
  queries: new Map(),
  now: NOW,
  staleAfterMisses: 2,
  planError: null,
  ...extra,
});

describe('freshnessOf', () => {
  it('has no age before any query is planned or answered', () => {
    expect(freshnessOf(base({ queryIds: [] }))).toEqual({ asOf: null, stale: false, error: null });
    expect(freshnessOf(base({}))).toEqual({ asOf: null, stale: false, error: null });
  });

  it('measures age against the longest refresh interval of the sources', () => {
    const queries = statesOf(
      state('a', [], { fetchedAt: NOW - 100_000, refreshMs: 15_000 }),
      state('b', [], { fetchedAt: NOW - 30_000, refreshMs: 60_000 }),
    );
    // 100 s old; with a's 15 s it would be stale after 30 s, but b refreshes every 60 s: 120 s.
    expect(freshnessOf(base({ queries }))).toEqual({
      asOf: new Date(NOW - 100_000).toISOString(),
      stale: false,
      error: null,
    });
    expect(freshnessOf(base({ queries, now: NOW + 20_001 })).stale).toBe(true);
  });

  it('reports the first error in source order, then yesterday’s, then the plan’s', () => {
    const queries = statesOf(
      state('a', [], { error: null }),
      state('b', [], { error: 'Network problem' }),
      state('y', null, { error: 'Timed out' }),
    );
    expect(freshnessOf(base({ queries, yesterdayIds: ['y'] })).error).toBe('Network problem');
    const calm = statesOf(state('a', []), state('b', []), state('y', null, { error: 'Timed out' }));
    const withYesterday = freshnessOf(base({ queries: calm, yesterdayIds: ['y'] }));
    // Yesterday's copy failing is reported, but does not make today's numbers unknown or old.
    expect(withYesterday.error).toBe('Timed out');
    expect(withYesterday.asOf).not.toBeNull();
    expect(freshnessOf(base({ queries: calm, planError: 'Cannot plan' })).error).toBe('Cannot plan');
  });
});
