import { describe, expect, it } from 'vitest';
import { company, expr, kpi, record, state, tile } from './kpi-fixtures';
import { inbound, sla, snap } from './snapshot-harness';

/** Tile rows: keys, names, joins across queries, single-value totals and leaderboard ranking. */

describe('rows', () => {
  it('has one row per record key, named by the record, else the directory, else the key', () => {
    const s = snap(tile('grid', 'queueGrid', [kpi('offered'), kpi('answerRate', { thresholds: sla })]), [
      state('all:Sum', [inbound('q2', 10, 9, 'Sales'), inbound('q1', 4, 2), inbound('q7', 0, 0)]),
    ]);
    expect(s.rows.map((r) => [r.key, r.name, r.extensionNumber])).toEqual([
      ['q2', 'Sales', null],
      ['q1', 'Support', '500'],
      ['q7', 'q7', null],
    ]);
    expect(s.rows.map((r) => r.values)).toEqual([
      [10, 90],
      [4, 50],
      [0, null], // no calls: answer rate unknown, not 0 %
    ]);
    expect(s.rows.map((r) => r.levels)).toEqual([
      ['none', 'ok'],
      ['none', 'critical'],
      ['none', 'none'],
    ]);
    expect(s.state).toBe('critical');
  });

  it('joins measures read from different queries by key, in the first query’s order', () => {
    const s = snap(tile('grid', 'queueGrid', [kpi('offered'), kpi('longestWait')]), [
      state('all:Sum', [inbound('q1', 4, 2), inbound('q2', 6, 6)]),
      // The Max query answers in another order and knows one more queue.
      state('all:Max', [
        record('q3', {}, { callsSegments: { ringing: 7 } }),
        record('q2', {}, { callsSegments: { ringing: 41 } }),
      ]),
    ]);
    expect(s.rows.map((r) => [r.key, ...r.values])).toEqual([
      ['q1', 4, null], // q1 is missing from the Max answer: unknown
      ['q2', 6, 41],
      ['q3', null, 7],
    ]);
  });

  it('has one row for Company grouping, whatever key each query gives it', () => {
    const s = snap(tile('c', 'queueGrid', [kpi('offered'), kpi('longestWait')], { query: company }), [
      state('all:Sum', [inbound('acc1', 5, 5, 'Fixture Co')]),
      state('all:Max', [record('~', {}, { callsSegments: { ringing: 12 } })]),
    ]);
    expect(s.rows).toHaveLength(1);
    expect(s.rows[0]).toMatchObject({ key: 'acc1', name: 'Fixture Co', values: [5, 12] });
  });
});

describe('single-value tiles over several keys', () => {
  const queues = [inbound('q1', 10, 9), inbound('q2', 30, 15), inbound('q3', 0, 0)];

  it('evaluate the formula on the totals, not an average of the rows', () => {
    const s = snap(tile('big', 'bigNumber', [kpi('offered'), kpi('answerRate')]), [state('all:Sum', queues)]);
    // 40 offered, 24 answered: 60 %, where the mean of the queues' rates (90, 50, —) would say 70.
    expect(s.rows).toEqual([
      {
        key: '*',
        name: 'Total',
        extensionNumber: null,
        values: [40, 60],
        levels: ['none', 'none'],
        points: null,
      },
    ]);
  });

  it('take the longest of per-call maxima, and leave per-call averages unknown', () => {
    const timers = (max: number, avg: number) => [
      state('all:Max', [
        record('q1', {}, { callsSegments: { ringing: max } }),
        record('q2', {}, { callsSegments: { ringing: 20 } }),
      ]),
      state('all:Average', [
        record('q1', {}, { callsSegments: { liveTalk: avg } }),
        record('q2', {}, { callsSegments: { liveTalk: 100 } }),
      ]),
    ];
    const s = snap(tile('g', 'gauge', [kpi('longestWait'), kpi('avgTalk')]), timers(75, 300));
    expect(s.rows[0]?.values).toEqual([75, null]);
  });

  it('sum averages over interval buckets, but cannot rebuild a max over buckets', () => {
    const both = (key: string, avg: number, max: number) =>
      record(key, { allCalls: avg, callsByDirection: { inbound: max, outbound: 0 } });
    const s = snap(
      tile('d', 'donut', [
        expr('per-hour', 'allCalls@Average/Hour'),
        expr('peak', 'callsByDirection.inbound@Max/Hour'),
      ]),
      [
        state('all:Average/Hour', [both('q1', 2.5, 0), both('q2', 1.5, 0)]),
        state('all:Max/Hour', [both('q1', 0, 6), both('q2', 0, 4)]),
      ],
    );
    expect(s.rows[0]?.values).toEqual([4, null]);
  });

  it('keep the record itself when there is only one', () => {
    const s = snap(tile('big', 'bigNumber', [kpi('answerRate')]), [state('all:Sum', [inbound('q1', 8, 6)])]);
    expect(s.rows.map((r) => [r.key, r.name, r.values[0]])).toEqual([['q1', 'Support', 75]]);
  });

  it('are unknown for a total when one of the parts is unknown', () => {
    const partial = [inbound('q1', 10, 9), record('q2', { callsByDirection: { inbound: 3, outbound: 0 } })];
    const s = snap(tile('big', 'bigNumber', [kpi('offered'), kpi('answered')]), [state('all:Sum', partial)]);
    expect(s.rows[0]?.values).toEqual([13, null]);
  });
});

describe('leaderboard', () => {
  const agents = [
    inbound('u1', 10, 7, 'Ann'),
    inbound('u2', 0, 0, 'Bob'), // rate unknown
    inbound('u3', 10, 9, 'Cid'),
    inbound('u4', 20, 14, 'Dee'),
    inbound('u5', 4, 4, 'Eve'),
  ];
  const measures = [kpi('offered'), kpi('answerRate')];

  it('sorts by the sort measure, descending by default, unknown values last', () => {
    const s = snap(tile('lb', 'leaderboard', measures, { sortBy: 'answerrate' }), [state('all:Sum', agents)]);
    // 100, 90, 70 (Ann), 70 (Dee): ties by name; Bob has no rate.
    expect(s.rows.map((r) => r.name)).toEqual(['Eve', 'Cid', 'Ann', 'Dee', 'Bob']);
    expect(s.options).toMatchObject({ sortBy: 'answerrate', order: 'desc', limit: 10 });
  });

  it('sorts ascending when asked, still with unknown last, and cuts to the limit', () => {
    const s = snap(tile('lb', 'leaderboard', measures, { sortBy: 'answerrate', order: 'asc', limit: 4 }), [
      state('all:Sum', agents),
    ]);
    expect(s.rows.map((r) => r.name)).toEqual(['Ann', 'Dee', 'Cid', 'Eve']);
  });

  it('sorts by the first measure when no sort measure is given', () => {
    const s = snap(tile('lb', 'leaderboard', measures, { limit: 2 }), [state('all:Sum', agents)]);
    expect(s.rows.map((r) => r.values[0])).toEqual([20, 10]);
  });

  it('takes its state from the rows it shows', () => {
    const critical = { direction: 'below', warn: 50, critical: 1 };
    const s = snap(
      tile('lb', 'leaderboard', [kpi('offered', { thresholds: critical })], { limit: 3 }),
      [state('all:Sum', agents)], // Bob's 0 offered would be critical, but he is not in the top 3
    );
    expect(s.rows.map((r) => r.name)).toEqual(['Dee', 'Ann', 'Cid']);
    expect(s.state).toBe('warn');
  });
});

describe('rows and totals as each tile type describes them', () => {
  const queues = [inbound('q1', 10, 9, 'Sales'), inbound('q2', 30, 15, 'Support')];

  it('gives a one-measure donut a slice per key, and its total', () => {
    const s = snap(tile('d', 'donut', [kpi('offered')]), [state('all:Sum', queues)]);
    expect(s.rows.map((r) => [r.name, r.values[0]])).toEqual([
      ['Sales', 10],
      ['Support', 30],
    ]);
    expect(s.totals).toEqual([40]);
  });

  it('gives a donut of several measures one row over every key, and the totals', () => {
    const s = snap(tile('d', 'donut', [kpi('answered'), expr('not', 'callsByResponse.notAnswered')]), [
      state('all:Sum', queues),
    ]);
    expect(s.rows.map((r) => [r.key, ...r.values])).toEqual([['*', 24, 16]]);
    expect(s.totals).toEqual([24, 16]);
  });

  it('gives a result bar a row per key and each measure’s total over them', () => {
    const s = snap(tile('r', 'resultBar', [kpi('answered'), kpi('answerRate')]), [state('all:Sum', queues)]);
    expect(s.rows.map((r) => r.key)).toEqual(['q1', 'q2']);
    // Counts add up; a rate is rebuilt from the totals' parts, never averaged.
    expect(s.totals).toEqual([24, 60]);
  });

  it('carries no totals for tile types that show none', () => {
    const s = snap(tile('g', 'queueGrid', [kpi('offered')]), [state('all:Sum', queues)]);
    expect(s.totals).toBeNull();
  });
});
