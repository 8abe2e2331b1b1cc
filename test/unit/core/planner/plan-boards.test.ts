import { describe, expect, it } from 'vitest';
import { planBoards } from '../../../../main/core/planner/plan-boards';
import type { Plan, PlannedQuery } from '../../../../main/core/planner/plan';
import { board, expr, kpi, queueBoard, sourceProblems, tile } from './planner-fixtures';

/** planBoards: the 12-tile board, layers, KPI and tile filters, timeline validation. */

const options = { defaultRefreshSeconds: 30 };

const queryOf = (plan: Plan, key: string, measureId: string, ref: string): PlannedQuery => {
  const source = plan.tiles
    .get(key)
    ?.measures.find((m) => m.measureId === measureId)
    ?.sources.find((s) => s.ref === ref);
  const query = plan.queries.find((q) => q.id === source?.queryId);
  if (!query) throw new Error(`no query for ${key} ${measureId} ${ref}`);
  return query;
};

describe('the 12-tile queue board', () => {
  const plan = planBoards([queueBoard()], { ...options, keyCount: () => 45 });

  it('needs 6 requests per refresh for 12 tiles', () => {
    // Derivation (see docs/planner.md):
    // 1. Queues × today, no filters, layer 0: callsByDirection, callsByResponse, callsByQueueSla,
    //    callsByResult (Sum) and the timer callsSegmentsDuration (Sum, for AHT). Feeds offered, answered,
    //    answer rate, service level, abandon rate, AHT, four grid columns and the donut.
    // 2. Same identity, layer 1: callsSegmentsDuration@Max for longest wait (one option per metric).
    // 3. Queues × today filtered to answered calls: avg time to answer (big number and grid column).
    // 4. Queues × same time yesterday: callsByDirection for the offered tile's delta.
    // 5. Timeline Hour, Queues × today: callsByDirection and callsByResponse flags.
    // 6. Users × today: callsByResponse and callsSegmentsDuration for the leaderboard (45 agents: 1 page).
    expect(plan.queries).toHaveLength(6);
    expect(plan.requestsPerRefresh).toBe(6);
    expect(plan.tiles.size).toBe(12);
    expect([...plan.tiles.values()].map((t) => t.error)).toEqual(new Array(12).fill(null));
    expect(sourceProblems(plan)).toEqual([]);
  });

  it('asks for far fewer requests than measures it feeds', () => {
    const measures = [...plan.tiles.values()].reduce((n, t) => n + t.measures.length, 0);
    expect(measures).toBe(21); // 8 big numbers + 5 grid columns + 2 timeline + 4 donut + 2 leaderboard
    expect(plan.requestsPerRefresh * 3).toBeLessThan(measures);
  });

  it('puts longest wait (Max) in a second layer of the same request shape as AHT (Sum)', () => {
    const max = queryOf(plan, 'queues/longest-wait', 'longest-wait', 'callsSegmentsDuration.ringing@Max');
    const sum = queryOf(plan, 'queues/aht', 'aht', 'callsSegmentsDuration.liveTalk');
    expect(max.id).not.toBe(sum.id);
    expect({ ...max, id: '', counters: {}, timers: {}, tileIds: [] }).toEqual({
      ...sum,
      id: '',
      counters: {},
      timers: {},
      tileIds: [],
    });
    expect(max.timers).toEqual({ callsSegmentsDuration: { aggregationType: 'Max' } });
    expect(max.counters).toEqual({});
    expect(sum.timers.callsSegmentsDuration).toEqual({ aggregationType: 'Sum' });
  });

  it('gives avg time to answer its own request, narrowed to answered calls, shared with the grid', () => {
    const tileQuery = queryOf(plan, 'queues/asa', 'avg-time-to-answer', 'callsSegmentsDuration.ringing');
    const gridQuery = queryOf(plan, 'queues/grid', 'avg-time-to-answer', 'callsByResponse.answered');
    const answered = queryOf(plan, 'queues/answered', 'answered', 'callsByResponse.answered');
    expect(tileQuery.id).toBe(gridQuery.id);
    expect(tileQuery.id).not.toBe(answered.id);
    expect(tileQuery.callFilters).toEqual({ callResponses: ['Answered'] });
    expect(answered.callFilters).toBeNull();
    expect(tileQuery.tileIds).toEqual(['queues/asa', 'queues/grid']);
  });

  it('adds same-time-yesterday sources only to the big number that compares', () => {
    const offered = plan.tiles.get('queues/offered')!.measures[0]!;
    const yesterday = plan.queries.find((q) => q.id === offered.yesterdaySources?.[0]?.queryId);
    expect(yesterday?.time.shift).toBe('sameTimeYesterday');
    expect(yesterday?.counters).toEqual({ callsByDirection: { aggregationType: 'Sum' } });
    expect(plan.tiles.get('queues/answered')!.measures[0]!.yesterdaySources).toBeNull();
  });

  it('sends the timeline tile to the timeline endpoint with flags', () => {
    const query = queryOf(plan, 'queues/hourly', 'offered', 'callsByDirection.inbound');
    expect(query).toMatchObject({ endpoint: 'timeline', interval: 'Hour' });
    expect(query.counters).toEqual({ callsByDirection: true, callsByResponse: true });
  });
});

describe('layers', () => {
  const conflicting = board([
    tile('a', 'bigNumber', [expr('peak', 'callsByDirection.inbound@Max/Hour')]),
    tile('b', 'bigNumber', [expr('avg', 'callsByDirection.inbound@Average/Hour')]),
    tile('c', 'bigNumber', [kpi('offered'), kpi('abandoned')]),
    tile('d', 'gauge', [expr('share', 'callsByResult.abandoned@Percent')]),
  ]);

  it('needs as many requests as the most different options any one metric needs', () => {
    const plan = planBoards([conflicting], options);
    // callsByDirection wants Sum, Average/Hour and Max/Hour (3 options); callsByResult Sum and Percent (2).
    expect(plan.queries).toHaveLength(3);
    expect(sourceProblems(plan)).toEqual([]);
    const options_ = plan.queries.map((q) => [q.counters.callsByDirection, q.counters.callsByResult]);
    expect(options_).toEqual([
      [{ aggregationType: 'Sum' }, { aggregationType: 'Sum' }],
      [{ aggregationType: 'Average', aggregationInterval: 'Hour' }, { aggregationType: 'Percent' }],
      [{ aggregationType: 'Max', aggregationInterval: 'Hour' }, undefined],
    ]);
  });

  it('keeps metrics without a conflict in the first layer only', () => {
    const plan = planBoards(
      [board([tile('a', 'bigNumber', [kpi('longestWait'), kpi('aht'), kpi('offered')])])],
      options,
    );
    expect(plan.queries.map((q) => Object.keys({ ...q.counters, ...q.timers }).sort())).toEqual([
      ['callsByDirection', 'callsByResponse', 'callsSegmentsDuration'],
      ['callsSegmentsDuration'],
    ]);
  });
});

describe('filters', () => {
  const asaWith = (query: Record<string, unknown>) =>
    planBoards(
      [
        board([
          tile('asa', 'bigNumber', [kpi('avgTimeToAnswer')], {
            query: { grouping: { kind: 'groupBy', groupBy: 'Queues' }, window: { kind: 'today' }, ...query },
          }),
        ]),
      ],
      options,
    );

  it("adds a KPI's filter to the tile's own filters", () => {
    const plan = asaWith({ callFilters: { directions: ['Inbound'] } });
    expect(plan.queries.map((q) => q.callFilters)).toEqual([
      { callResponses: ['Answered'], directions: ['Inbound'] },
    ]);
  });

  it('intersects a KPI filter with the same tile filter', () => {
    const plan = asaWith({ callFilters: { callResponses: ['NotAnswered', 'Answered'] } });
    expect(plan.queries[0]?.callFilters).toEqual({ callResponses: ['Answered'] });
  });

  it('refuses a KPI whose filter the tile excludes, naming the measure and the field', () => {
    const plan = asaWith({ callFilters: { callResponses: ['NotAnswered'] } });
    const error = plan.tiles.get('queues/asa')?.error;
    expect(error).toContain('"Avg time to answer"');
    expect(error).toContain('callResponses');
    expect(plan.queries).toEqual([]);
  });

  it('narrows business-hours tiles to companyHours BusinessHours', () => {
    const plan = asaWith({
      businessHoursOnly: true,
      callFilters: { companyHours: ['BusinessHours', 'AfterHours'] },
    });
    expect(plan.queries[0]?.callFilters).toEqual({
      callResponses: ['Answered'],
      companyHours: ['BusinessHours'],
    });
    const contradiction = asaWith({ businessHoursOnly: true, callFilters: { companyHours: ['AfterHours'] } });
    expect(contradiction.tiles.get('queues/asa')?.error).toMatch(/Business hours only.*companyHours/);
  });

  it('shares a request between tiles whose filters differ only in order, repeats and empty lists', () => {
    const withFilters = (id: string, callFilters: unknown, keys: string[]) =>
      tile(id, 'bigNumber', [kpi('offered')], {
        query: {
          grouping: { kind: 'groupBy', groupBy: 'Queues', keys },
          window: { kind: 'today' },
          callFilters,
        },
      });
    const plan = planBoards(
      [
        board([
          withFilters('a', { origins: ['External', 'Internal'], queues: [], callTypes: ['Direct'] }, [
            'q2',
            'q1',
          ]),
          withFilters('b', { callTypes: ['Direct', 'Direct'], origins: ['Internal', 'External'] }, [
            'q1',
            'q2',
            'q1',
          ]),
        ]),
      ],
      options,
    );
    expect(plan.queries).toHaveLength(1);
    expect(plan.queries[0]?.callFilters).toEqual({
      callTypes: ['Direct'],
      origins: ['External', 'Internal'],
    });
    expect(plan.queries[0]?.grouping).toEqual({ groupBy: 'Queues', keys: ['q1', 'q2'] });
  });
});

describe('timeline validation', () => {
  it('refuses a non-Sum metric on a timeline, naming the measure, and plans nothing for it', () => {
    const plan = planBoards(
      [
        board([
          tile('hourly', 'timeline', [kpi('offered'), kpi('longestWait')]),
          tile('offered', 'bigNumber', [kpi('offered')]),
        ]),
      ],
      options,
    );
    const hourly = plan.tiles.get('queues/hourly');
    expect(hourly?.error).toContain('"Longest wait (completed calls)"');
    expect(hourly?.error).toContain('callsSegmentsDuration.ringing@Max');
    expect(hourly?.measures).toEqual([]);
    expect(plan.queries.flatMap((q) => q.tileIds)).toEqual(['queues/offered']);
  });

  it('refuses Percent and per-interval aggregations, using the measure label when there is one', () => {
    const plan = planBoards(
      [
        board([
          tile('hourly', 'timeline', [
            { id: 'pct', label: 'Abandon %', expression: 'callsByResult.abandoned@Percent' },
          ]),
        ]),
      ],
      options,
    );
    expect(plan.tiles.get('queues/hourly')?.error).toMatch(
      /^Measure "Abandon %" uses callsByResult\.abandoned@Percent/,
    );
  });
});
