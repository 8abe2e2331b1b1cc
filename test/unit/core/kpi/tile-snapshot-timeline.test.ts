import { describe, expect, it } from 'vitest';
import { company, kpi, state, tile, timelineRecord } from './kpi-fixtures';
import { inbound, snap, type Json } from './snapshot-harness';

/** Timeline points and yesterday's copy (timeline overlay, big-number delta). */

describe('timeline', () => {
  const hour = (h: number) => `2026-11-25T${String(h).padStart(2, '0')}:00:00Z`;
  const points = (counts: [number, number, number][]) =>
    counts.map(([h, n, a]) => ({
      time: hour(h),
      counters: {
        callsByDirection: { inbound: n, outbound: 0 },
        callsByResponse: { answered: a, notAnswered: n - a, connected: 0, notConnected: 0 },
      },
    }));
  const timelineTile = (extra: Json = {}) =>
    tile('tl', 'timeline', [kpi('offered'), kpi('answerRate')], { query: company, ...extra });

  it('evaluates each measure per point, in time order', () => {
    const s = snap(timelineTile(), [
      state('all:Sum', [
        timelineRecord(
          'acc',
          points([
            [10, 4, 3],
            [9, 0, 0],
            [11, 5, 5],
          ]),
        ),
      ]),
    ]);
    expect(s.rows[0]?.points).toEqual([
      { time: hour(9), values: [0, null] },
      { time: hour(10), values: [4, 75] },
      { time: hour(11), values: [5, 100] },
    ]);
    // The row's own values cover the whole window: 9 offered, 8 answered.
    expect(s.rows[0]?.values[0]).toBe(9);
    expect(s.rows[0]?.values[1]).toBeCloseTo(88.889, 3);
    expect(s.yesterday).toBeNull();
    expect(s.options).toEqual({ interval: 'Hour', overlayYesterday: false });
  });

  it('overlays yesterday’s points with the times as returned', () => {
    const y = (h: number) => `2026-11-24T${String(h).padStart(2, '0')}:00:00Z`;
    const s = snap(
      timelineTile({ overlayYesterday: true }),
      [
        state('all:Sum', [timelineRecord('acc', points([[9, 2, 2]]))]),
        state('all:Sum:yesterday', [
          timelineRecord('acc', [
            {
              time: y(9),
              counters: { callsByDirection: { inbound: 6, outbound: 0 }, callsByResponse: { answered: 3 } },
            },
            {
              time: y(10),
              counters: { callsByDirection: { inbound: 0, outbound: 0 }, callsByResponse: { answered: 0 } },
            },
          ]),
        ]),
      ],
      { yesterday: true },
    );
    expect(s.yesterday?.points).toEqual([
      { time: y(9), values: [6, 50] },
      { time: y(10), values: [0, null] },
    ]);
    expect(s.yesterday?.values).toEqual([6, 50]);
  });
});

describe('timeline over several queues', () => {
  const queues = {
    grouping: { kind: 'groupBy', groupBy: 'Queues', keys: ['q1', 'q2'] },
    window: { kind: 'today' },
  };
  const at = (day: number, h: number) => `2026-11-${day}T${String(h).padStart(2, '0')}:00:00Z`;
  const point = (day: number, h: number, n: number, a: number) => ({
    time: at(day, h),
    counters: { callsByDirection: { inbound: n, outbound: 0 }, callsByResponse: { answered: a } },
  });
  const states = [
    state('all:Sum', [
      timelineRecord('q1', [point(25, 9, 2, 2)]),
      timelineRecord('q2', [point(25, 9, 1, 0)]),
    ]),
    state('all:Sum:yesterday', [
      timelineRecord('q1', [point(24, 9, 6, 5), point(24, 10, 1, 1)]),
      timelineRecord('q2', [point(24, 9, 4, 4)]),
    ]),
  ];

  it('overlays yesterday’s total of counts, to compare with today’s rows summed', () => {
    const s = snap(
      tile('tl', 'timeline', [kpi('offered'), kpi('answered')], { query: queues, overlayYesterday: true }),
      states,
      { yesterday: true },
    );
    // Today's rows are summed the same way (the core's rule since tile types became descriptors;
    // the board used to sum them itself): one Total line per measure against yesterday's total.
    expect(s.rows.map((row) => [row.key, row.name, row.values])).toEqual([['*', 'Total', [3, 2]]]);
    expect(s.rows[0]?.points).toEqual([{ time: at(25, 9), values: [3, 2] }]);
    expect(s.yesterday?.points).toEqual([
      { time: at(24, 9), values: [10, 9] },
      { time: at(24, 10), values: [1, 1] },
    ]);
  });

  it('keeps a row per queue when every line fits and nothing is overlaid', () => {
    const s = snap(tile('tl', 'timeline', [kpi('offered'), kpi('answered')], { query: queues }), states);
    expect(s.rows.map((row) => row.key)).toEqual(['q1', 'q2']);
    expect(s.yesterday).toBeNull();
  });

  it('sums rows of counts when a line each would not fit (rows × measures over six)', () => {
    const many = {
      grouping: { kind: 'groupBy', groupBy: 'Queues', keys: ['q1', 'q2', 'q3', 'q4'] },
      window: { kind: 'today' },
    };
    const records = ['q1', 'q2', 'q3', 'q4'].map((key, i) => timelineRecord(key, [point(25, 9, i + 1, i)]));
    const s = snap(tile('tl', 'timeline', [kpi('offered'), kpi('answered')], { query: many }), [
      state('all:Sum', records),
    ]);
    expect(s.rows.map((row) => [row.key, row.values])).toEqual([['*', [10, 6]]]);
  });

  it('keeps the first row’s line for rates, which cannot be summed', () => {
    const s = snap(
      tile('tl', 'timeline', [kpi('answerRate')], { query: queues, overlayYesterday: true }),
      states,
      { yesterday: true },
    );
    const first = s.yesterday?.points?.[0];
    expect(first?.time).toBe(at(24, 9));
    expect(first?.values[0]).toBeCloseTo((5 / 6) * 100, 6);
  });
});

describe('big number compared with yesterday', () => {
  it('evaluates the same measures on yesterday’s queries', () => {
    const s = snap(
      tile('big', 'bigNumber', [kpi('offered'), kpi('answerRate')], {
        query: company,
        compareYesterday: true,
      }),
      [state('all:Sum', [inbound('acc', 20, 15)]), state('all:Sum:yesterday', [inbound('acc', 16, 8)])],
      { yesterday: true },
    );
    expect(s.rows[0]?.values).toEqual([20, 75]);
    expect(s.yesterday).toEqual({ values: [16, 50], points: null });
    expect(s.options).toEqual({ compareYesterday: true });
  });

  it('has unknown yesterday values until yesterday’s query answers, without hiding today', () => {
    const s = snap(
      tile('big', 'bigNumber', [kpi('offered')], { query: company, compareYesterday: true }),
      [state('all:Sum', [inbound('acc', 20, 15)]), state('all:Sum:yesterday', null, { error: 'Timed out' })],
      { yesterday: true },
    );
    expect(s.rows[0]?.values).toEqual([20]);
    expect(s.yesterday).toEqual({ values: [null], points: null });
    expect(s.asOf).not.toBeNull();
    expect(s.error).toBe('Timed out');
  });
});
