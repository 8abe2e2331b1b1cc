import { describe, expect, it } from 'vitest';
import type { QueryState } from '../../../../main/core/poller/query-state';
import type { TilePlan } from '../../../../main/core/planner/plan';
import { MINUTE, NOW, company, expr, kpi, parsedTile, record, state, tile } from './kpi-fixtures';
import { inbound, sla, snap } from './snapshot-harness';

/** Freshness, errors and state of a tile, its measure descriptions, and immutability. */

describe('freshness and state', () => {
  const offeredAndWait = tile('big', 'bigNumber', [kpi('offered'), kpi('longestWait')], { query: company });
  const sum = (extra: Partial<QueryState> = {}) => state('all:Sum', [inbound('acc', 5, 5)], extra);
  const max = (extra: Partial<QueryState> = {}) =>
    state('all:Max', [record('acc', {}, { callsSegments: { ringing: 30 } })], extra);

  it('is as old as the oldest source', () => {
    const s = snap(offeredAndWait, [sum({ fetchedAt: NOW - 10_000 }), max({ fetchedAt: NOW - 50_000 })]);
    expect(s.asOf).toBe(new Date(NOW - 50_000).toISOString());
    expect(s).toMatchObject({ stale: false, error: null, state: 'ok' });
  });

  it('goes stale by the clock after the missed refreshes of the slowest source', () => {
    // Longest refresh 60 s × 3 misses = 180 s; the oldest fetch decides.
    const states = [sum({ fetchedAt: NOW - 100_000 }), max({ fetchedAt: NOW - 180_000, refreshMs: 60_000 })];
    expect(snap(offeredAndWait, states, { now: NOW })).toMatchObject({ stale: false, state: 'ok' });
    const late = snap(offeredAndWait, states, { now: NOW + 1 });
    expect(late).toMatchObject({ stale: true, state: 'stale', error: null });
    // Stale but still showing the last good numbers.
    expect(late.rows[0]?.values).toEqual([5, 30]);
  });

  it('keeps the last good values while the latest attempt fails, and says why', () => {
    const s = snap(offeredAndWait, [
      sum({ error: 'RingCentral is rate limiting requests; retrying in 60 s', consecutiveFailures: 2 }),
      max({ error: 'Network problem' }),
    ]);
    expect(s.rows[0]?.values).toEqual([5, 30]);
    expect(s.error).toBe('RingCentral is rate limiting requests; retrying in 60 s');
    expect(s.stale).toBe(false);
    expect(s.state).toBe('ok');
  });

  it('is unknown until every source has answered once', () => {
    const s = snap(offeredAndWait, [sum(), state('all:Max', null, { error: 'Network problem' })]);
    expect(s).toMatchObject({ asOf: null, stale: false, state: 'unknown', error: 'Network problem' });
    // What is known is still shown.
    expect(s.rows[0]?.values).toEqual([5, null]);
    const missing = snap(offeredAndWait, [sum()]);
    expect(missing).toMatchObject({ asOf: null, state: 'unknown', error: null });
  });

  it('is unknown with the planner’s reason when the tile cannot be planned', () => {
    const t = parsedTile(offeredAndWait);
    const plan: TilePlan = {
      boardId: 'b',
      tileId: t.id,
      measures: [],
      error: 'Measure "x" uses … a timeline',
    };
    const s = snap(offeredAndWait, [sum(), max()], { plan });
    expect(s).toMatchObject({ state: 'unknown', error: plan.error, asOf: null, rows: [] });
    expect(s.measures.map((m) => m.id)).toEqual(['offered', 'longestwait']);
  });

  it('is unknown before the tile is planned at all', () => {
    const s = snap(offeredAndWait, [sum(), max()], { plan: null });
    expect(s).toMatchObject({ state: 'unknown', error: null, rows: [], yesterday: null });
  });

  it('takes the worst level over every row and measure, stale overriding it', () => {
    const warn = { direction: 'above', warn: 20, critical: 40 };
    const grid = tile('g', 'queueGrid', [kpi('offered', { thresholds: warn }), kpi('answered')]);
    const rows = [inbound('q1', 5, 5), inbound('q2', 25, 20)];
    expect(snap(grid, [state('all:Sum', rows)]).state).toBe('warn');
    expect(snap(grid, [state('all:Sum', rows, { fetchedAt: NOW - 10 * MINUTE })]).state).toBe('stale');
  });
});

describe('measures, options and the snapshot itself', () => {
  it('describes measures from the tile, else the KPI, else the formula', () => {
    const s = snap(
      tile(
        'g',
        'gauge',
        [
          kpi('serviceLevel', { thresholds: sla, target: 80 }),
          kpi('aht', { label: 'Handle time', unit: 'count' }),
          expr('mine', 'callsByResult.missed + callsByResult.voicemail'),
        ],
        { min: 0, max: 120 },
      ),
      [],
    );
    expect(s.measures).toEqual([
      {
        id: 'servicelevel',
        label: 'Service level',
        shortLabel: 'Service lvl',
        unit: 'percent',
        target: 80,
        thresholds: sla,
      },
      {
        id: 'aht',
        label: 'Handle time',
        shortLabel: 'Handle time',
        unit: 'count',
        target: null,
        thresholds: null,
      },
      {
        id: 'mine',
        label: 'callsByResult.missed + callsByResult.voicemail',
        shortLabel: 'callsByResult.missed + callsByResult.voicemail',
        unit: 'count',
        target: null,
        thresholds: null,
      },
    ]);
    expect(s.options).toEqual({ min: 0, max: 120 });
    expect(s.windowLabel).toBe('Today since 00:00, Europe/London');
  });

  it('draws clocks and text without data', () => {
    const clock = snap(
      { id: 'clk', type: 'clock', title: 'Time', layout: { x: 0, y: 0, w: 1, h: 1 }, showSeconds: true },
      [],
    );
    expect(clock).toMatchObject({
      state: 'ok',
      rows: [],
      measures: [],
      asOf: null,
      stale: false,
      error: null,
    });
    expect(clock.options).toEqual({ showSeconds: true });
    const text = snap(
      { id: 'txt', type: 'text', title: 'News', layout: { x: 0, y: 0, w: 1, h: 1 }, text: 'Hello' },
      [],
    );
    expect(text.options).toEqual({ text: 'Hello', ticker: false });
    expect(text.yesterday).toBeNull();
  });

  it('is frozen all the way down', () => {
    const s = snap(tile('g', 'queueGrid', [kpi('offered')]), [state('all:Sum', [inbound('q1', 3, 3)])]);
    expect(() => {
      (s as { state: string }).state = 'critical';
    }).toThrow(TypeError);
    expect(() => (s.rows as unknown[]).push({})).toThrow(TypeError);
    expect(() => {
      (s.rows[0]!.values as number[])[0] = 99;
    }).toThrow(TypeError);
    expect(() => {
      (s.layout as { w: number }).w = 9;
    }).toThrow(TypeError);
    expect(s.rows[0]?.values[0]).toBe(3);
  });
});
