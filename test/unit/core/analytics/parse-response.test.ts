import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsEngine } from '../../../../emulator/analytics/engine';
import { aggregationQuery, timelineQuery } from '../../../../emulator/analytics/query';
import {
  AggregationRequestSchema,
  TimelineRequestSchema,
} from '../../../../emulator/analytics/request-schema';
import { analyticsCodec } from '../../../../main/core/analytics/codec';
import {
  ResponseSchemaError,
  mergePages,
  parseAggregateResponse,
  parseQueryResponse,
  parseTimelineResponse,
} from '../../../../main/core/analytics/parse-response';
import { planBoards } from '../../../../main/core/planner/plan-boards';
import type { PlannedQuery } from '../../../../main/core/planner/plan';
import type { ResultRecord } from '../../../../main/core/analytics/records';
import { buildRequest } from '../../../../main/core/analytics/request-body';
import { NOW, loadFixtureEngine } from '../../emulator/engine-fixture';
import { board, expr, kpi, tile } from '../planner/planner-fixtures';

const metric = (values: unknown, valueType = 'Instances') => ({ valueType, values });

function aggregateAnswer(records: unknown[], paging: Record<string, unknown> = {}) {
  return {
    paging: { page: 1, perPage: 200, totalPages: 1, totalElements: records.length, ...paging },
    data: { groupedBy: 'Queues', records },
  };
}

const goodRecord = (key: string, inbound: unknown = 12) => ({
  key,
  info: { extensionNumber: '500', name: 'Support' },
  counters: {
    allCalls: metric(20),
    callsByDirection: metric({ inbound, outbound: 8 }),
    callsActions: metric({ holdOn: 2, holdOff: 2 }),
  },
  timers: { callsSegments: metric({ ringing: 40, liveTalk: 900 }, 'Seconds') },
});

/** The ResponseSchemaError message for an answer, or a note that none was thrown. */
function problemWith(json: unknown, parse = parseAggregateResponse): string {
  try {
    parse(json);
    return 'accepted';
  } catch (error) {
    if (!(error instanceof ResponseSchemaError)) throw error;
    return error.message;
  }
}

describe('parseAggregateResponse', () => {
  it('turns records into ResultRecords with response metric names and paging', () => {
    const parsed = parseAggregateResponse(
      aggregateAnswer([goodRecord('q1'), { key: 'q2' }], { totalPages: 3, totalElements: 401 }),
    );
    expect(parsed.paging).toEqual({ page: 1, perPage: 200, totalPages: 3, totalElements: 401 });
    expect(parsed.records).toEqual<ResultRecord[]>([
      {
        key: 'q1',
        name: 'Support',
        extensionNumber: '500',
        counters: {
          allCalls: 20,
          callsByDirection: { inbound: 12, outbound: 8 },
          callsActions: { holdOn: 2, holdOff: 2 },
        },
        timers: { callsSegments: { ringing: 40, liveTalk: 900 } },
        points: null,
      },
      { key: 'q2', name: null, extensionNumber: null, counters: {}, timers: {}, points: null },
    ]);
  });

  it('names the field and the problem for a wrong value', () => {
    const answer = aggregateAnswer([goodRecord('a'), goodRecord('b'), goodRecord('c'), goodRecord('d', '7')]);
    expect(problemWith(answer)).toBe(
      'data.records[3].counters.callsByDirection.values.inbound: expected a number, got text "7"',
    );
  });

  it('names missing and malformed structure in plain words', () => {
    const { paging: _paging, ...noPaging } = aggregateAnswer([]);
    expect(problemWith(noPaging)).toBe('paging: is missing');
    expect(problemWith('<html>Bad gateway</html>')).toBe(
      '(document): expected an object, got text "<html>Bad gateway</html>"',
    );
    expect(problemWith(aggregateAnswer([{ info: {} }]))).toBe('data.records[0].key: is missing');
    expect(problemWith(aggregateAnswer([], { page: 'first' }))).toBe(
      'paging.page: expected a number, got text "first"',
    );
    expect(problemWith(aggregateAnswer([{ key: 'x', counters: { allCalls: metric('many', 'Lots') } }]))).toBe(
      'data.records[0].counters.allCalls.valueType: expected one of Percent, Seconds, Instances, got text "Lots"',
    );
    expect(problemWith(aggregateAnswer([{ key: 'x', counters: { allCalls: metric({ total: 3 }) } }]))).toBe(
      'data.records[0].counters.allCalls.values: expected a number, got an object',
    );
    expect(
      problemWith(aggregateAnswer([{ key: 'x', timers: { callsByResult: metric(3, 'Seconds') } }])),
    ).toMatch(/^data\.records\[0\]\.timers\.callsByResult\.values: expected an object of numbers .*got 3$/);
    expect(problemWith(aggregateAnswer([{ key: 'x', counters: { callsByDirection: 5 } }]))).toBe(
      'data.records[0].counters.callsByDirection: expected {valueType, values}, got 5',
    );
  });

  it('reports how many more problems there were', () => {
    const answer = aggregateAnswer([goodRecord('a', 'x'), goodRecord('b', 'y')]);
    expect(problemWith(answer)).toMatch(
      /values\.inbound: expected a number, got text "x" \(and 1 more problem\)$/,
    );
  });

  it('tolerates what it does not read: unknown metrics, extra keys, absent totals and records', () => {
    const parsed = parseAggregateResponse({
      paging: { page: 2, perPage: 200 },
      data: {
        groupedBy: 'Users',
        records: [
          {
            key: 'u1',
            counters: {
              futureMetric: { anything: true },
              callsByDirection: metric({ inbound: 1, outbound: 2, sideways: 9, note: 'new' }),
            },
          },
        ],
      },
    });
    expect(parsed.paging).toEqual({ page: 2, perPage: 200, totalPages: null, totalElements: null });
    expect(parsed.records[0]?.counters).toEqual({
      callsByDirection: { inbound: 1, outbound: 2, sideways: 9 },
    });
    expect(
      parseAggregateResponse({ paging: { page: 1, perPage: 1 }, data: { groupedBy: 'Users' } }).records,
    ).toEqual([]);
  });
});

describe('parseTimelineResponse', () => {
  const answer = (points: unknown[]) => ({
    paging: { page: 1, perPage: 20, totalPages: 1, totalElements: 1 },
    data: { groupedBy: 'Company', records: [{ key: 'acc1', points }] },
  });

  it('keeps each point’s time and values', () => {
    const parsed = parseTimelineResponse(
      answer([
        { time: '2026-11-18T09:00:00Z', counters: { callsByDirection: metric({ inbound: 4, outbound: 1 }) } },
        { time: '2026-11-18T10:00:00Z', timers: { allCalls: metric(120, 'Seconds') } },
      ]),
    );
    expect(parsed.records).toEqual<ResultRecord[]>([
      {
        key: 'acc1',
        name: null,
        extensionNumber: null,
        counters: {},
        timers: {},
        points: [
          {
            time: '2026-11-18T09:00:00Z',
            counters: { callsByDirection: { inbound: 4, outbound: 1 } },
            timers: {},
          },
          { time: '2026-11-18T10:00:00Z', counters: {}, timers: { allCalls: 120 } },
        ],
      },
    ]);
  });

  it('names a bad point field', () => {
    const points = [
      { time: '2026-11-18T09:00:00Z' },
      { time: '2026-11-18T10:00:00Z' },
      { time: 'yesterday', counters: {} },
    ];
    expect(problemWith(answer(points), parseTimelineResponse)).toBe(
      'data.records[0].points[2].time: expected an RFC 3339 date-time with offset, got text "yesterday"',
    );
  });
});

describe('mergePages', () => {
  it('joins pages in order and keeps a key that reappears on a later page once', () => {
    const page = (...keys: string[]) =>
      parseAggregateResponse(aggregateAnswer(keys.map((key) => goodRecord(key))));
    const merged = mergePages([page('a', 'b'), page('b', 'c'), page()]);
    expect(merged.map((r) => r.key)).toEqual(['a', 'b', 'c']);
  });
});

describe('round trip through the emulator', () => {
  let engine: AnalyticsEngine;
  beforeAll(async () => {
    engine = await loadFixtureEngine();
  });

  const fixtureBoard = board(
    [
      tile(
        'kpis',
        'queueGrid',
        [kpi('offered'), kpi('aht'), kpi('longestWait'), expr('hold', 'callsByActions.holdOn')],
        {
          query: {
            grouping: { kind: 'groupBy', groupBy: 'Queues', keys: ['q1', 'q2'] },
            window: { kind: 'thisWeek' },
          },
        },
      ),
      tile('daily', 'timeline', [kpi('offered')], {
        interval: 'Day',
        query: { grouping: { kind: 'groupBy', groupBy: 'Company' }, window: { kind: 'thisWeek' } },
      }),
    ],
    { id: 'fixture', timeZone: 'America/New_York' },
  );

  function answerFor(query: PlannedQuery): unknown {
    const { body, query: search } = buildRequest(query, new Date(NOW), 1);
    const page = { page: Number(search.page), perPage: Number(search.perPage) };
    const result =
      query.endpoint === 'timeline'
        ? engine.timeline(timelineQuery(TimelineRequestSchema.parse(body), NOW), query.interval!, page)
        : engine.aggregate(aggregationQuery(AggregationRequestSchema.parse(body), NOW), page);
    return JSON.parse(
      JSON.stringify({
        paging: result.paging,
        data: { groupedBy: result.groupedBy, records: result.records },
      }),
    );
  }

  it('reads back every metric the emulator returns for every planned query, under its response name', () => {
    const plan = planBoards([fixtureBoard], { defaultRefreshSeconds: 30 });
    expect(plan.queries.length).toBe(3);
    for (const query of plan.queries) {
      const json = answerFor(query) as { data: { records: Array<Record<string, unknown>> } };
      const parsed = parseQueryResponse(query, json);
      expect(parsed.records.map((r) => r.key)).toEqual(json.data.records.map((r) => r.key));
      const codec = analyticsCodec.parse(query, json);
      expect(codec).toEqual({ records: parsed.records, totalPages: 1 });
      for (const [i, record] of parsed.records.entries()) {
        const raw = json.data.records[i] as { counters?: object; timers?: object; points?: unknown[] };
        if (query.endpoint === 'aggregate') {
          expect(Object.keys(record.counters).sort()).toEqual(Object.keys(raw.counters ?? {}).sort());
          expect(Object.keys(record.timers).sort()).toEqual(Object.keys(raw.timers ?? {}).sort());
        } else {
          expect(record.points?.length).toBe(raw.points?.length);
        }
      }
    }
  });

  it('carries names, numbers and values through unchanged', () => {
    const plan = planBoards([fixtureBoard], { defaultRefreshSeconds: 30 });
    const query = plan.queries.find((q) => q.endpoint === 'aggregate' && q.counters.callsByActions)!;
    const json = answerFor(query) as {
      data: {
        records: Array<{
          key: string;
          info: { name: string };
          counters: Record<string, { values: unknown }>;
        }>;
      };
    };
    const records = parseAggregateResponse(json).records;
    const support = records.find((r) => r.key === 'q1');
    expect(support).toMatchObject({ name: 'Support', extensionNumber: '500' });
    const raw = json.data.records.find((r) => r.key === 'q1')!;
    expect(support?.counters.callsActions).toEqual(raw.counters.callsActions?.values);
    expect(support?.counters.callsByDirection).toEqual(raw.counters.callsByDirection?.values);
    expect((support?.counters.callsByDirection as Record<string, number>).inbound).toBeGreaterThan(0);
  });
});
