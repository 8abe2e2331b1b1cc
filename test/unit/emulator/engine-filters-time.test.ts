import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsEngine } from '../../../emulator/analytics/engine';
import { SUM, allCallsByKey, loadFixtureEngine, timeline, value } from './engine-fixture';

let engine: AnalyticsEngine;
beforeAll(async () => {
  engine = await loadFixtureEngine();
});

const companyCount = (body: Record<string, unknown>) => allCallsByKey(engine, body).acc1;
const filtered = (callFilters: object) => companyCount({ callFilters });

describe('callFilters', () => {
  it('filter the call (origin, company hours, duration, called number, queue) at company scope', () => {
    expect(filtered({ origins: ['Internal'] })).toBe(1);
    expect(filtered({ companyHours: ['AfterHours'] })).toBe(1);
    expect(filtered({ callDuration: { minSeconds: 100, maxSeconds: 300 } })).toBe(3); // c1, c4, c5
    expect(filtered({ calledNumbers: ['+15550002'] })).toBe(2);
    expect(filtered({ queues: ['q1'] })).toBe(2);
  });

  it('filter the view (direction, response, result, segment, action, ending party)', () => {
    expect(filtered({ directions: ['Inbound'] })).toBe(4);
    expect(filtered({ callResponses: ['Answered'] })).toBe(3);
    expect(filtered({ callResults: ['Abandoned', 'Voicemail'] })).toBe(2);
    expect(filtered({ callSegments: [{ segment: 'Hold' }] })).toBe(1);
    expect(filtered({ callSegments: [{ segment: 'Ringing', length: { minSeconds: 20 } }] })).toBe(3);
    expect(
      filtered({
        callSegments: [{ segment: 'Ringing', length: { maxSeconds: 10 } }, { segment: 'Voicemail' }],
      }),
    ).toBe(3);
    expect(filtered({ callActions: ['BlindTransfer'] })).toBe(1);
    expect(filtered({ endingParties: ['Caller'] })).toBe(2);
  });

  it('join filters with AND and values with OR; an empty list filters nothing', () => {
    expect(filtered({ directions: ['Inbound'], callResponses: ['NotAnswered'] })).toBe(2);
    expect(filtered({ directions: ['Inbound', 'Outbound'] })).toBe(5);
    expect(
      filtered({ directions: [], calledNumbers: [], extensionFilters: { fromIds: [], toIds: [] } }),
    ).toBe(6);
  });

  it('apply view filters to each record’s own view', () => {
    const users = (callFilters: object) =>
      allCallsByKey(engine, { grouping: { groupBy: 'Users' }, callFilters });
    expect(users({ timeSpent: { minSeconds: 100 } })).toEqual({ u1: 2, u2: 2, u3: 2 });
    expect(users({ callTypes: ['FromQueue'] })).toEqual({ u1: 1, u2: 2, u3: 0 });
    expect(users({ extensionFilters: { fromIds: ['u1'] } })).toEqual({ u1: 0, u2: 1, u3: 0 });
    expect(users({ extensionFilters: { toIds: ['u2'] } })).toEqual({ u1: 1, u2: 0, u3: 0 });
    const queues = allCallsByKey(engine, {
      grouping: { groupBy: 'Queues' },
      callFilters: { queueSla: ['InSla'] },
    });
    expect(queues).toEqual({ q1: 1, q2: 0 });
  });
});

describe('time settings', () => {
  it('includes both ends of the time range', () => {
    const range = { timeFrom: '2026-11-23T14:00:00Z', timeTo: '2026-11-23T15:30:00Z' };
    expect(companyCount({ timeSettings: { timeRange: range } })).toBe(2);
    const justAfter = { timeFrom: '2026-11-23T14:00:00.001Z', timeTo: '2026-11-23T15:29:59.999Z' };
    expect(companyCount({ timeSettings: { timeRange: justAfter } })).toBe(0);
  });

  it('evaluates includeDays in the request zone (c3 is Monday evening in New York, Tuesday in UTC)', () => {
    const monday = { advancedTimeSettings: { includeDays: ['Monday'] } };
    expect(companyCount({ timeSettings: monday })).toBe(3);
    expect(companyCount({ timeSettings: { ...monday, timeZone: 'UTC' } })).toBe(2);
    expect(
      companyCount({ timeSettings: { timeZone: 'UTC', advancedTimeSettings: { includeDays: ['Tuesday'] } } }),
    ).toBe(3);
  });

  it('includes whole minutes up to includeHours.to', () => {
    const hours = (to: string) => ({ advancedTimeSettings: { includeHours: [{ from: '09:00', to }] } });
    expect(companyCount({ timeSettings: hours('10:29') })).toBe(2); // c1 09:00, c6 09:00
    expect(companyCount({ timeSettings: hours('10:30') })).toBe(3); // + c2 at 10:30
    const evening = { advancedTimeSettings: { includeHours: [{ from: '20:00', to: '20:59' }] } };
    expect(companyCount({ timeSettings: evening })).toBe(1); // c3, 20:30 local
    const overnight = { advancedTimeSettings: { includeHours: [{ from: '20:00', to: '09:00' }] } };
    expect(companyCount({ timeSettings: overnight })).toBe(3); // c3 20:30, c1 and c6 at 09:00
    const fullDay = { advancedTimeSettings: { includeHours: [{ from: '00:00', to: '23:59' }] } };
    expect(companyCount({ timeSettings: fullDay })).toBe(6);
  });

  it('follows the DST change: both calls at 01:30 local on 1 Nov, one in EDT and one in EST', () => {
    const range = { timeFrom: '2026-11-01T00:00:00Z', timeTo: '2026-11-02T12:00:00Z' };
    const early = { advancedTimeSettings: { includeHours: [{ from: '01:00', to: '01:59' }] } };
    expect(companyCount({ timeSettings: { timeRange: range, ...early } })).toBe(2);
    expect(companyCount({ timeSettings: { timeRange: range, timeZone: 'UTC', ...early } })).toBe(0);
    const sunday = { advancedTimeSettings: { includeDays: ['Sunday'] } };
    expect(companyCount({ timeSettings: { timeRange: range, ...sunday } })).toBe(2);
  });
});

describe('timeline buckets', () => {
  const counts = (result: ReturnType<typeof timeline>) =>
    result.records[0]!.points.map((p) => ({ time: p.time, calls: p.counters?.allCalls?.values }));
  const allCalls = { counters: { allCalls: true }, timers: { allCallsDuration: true } };

  it('makes the repeated autumn hour two buckets', () => {
    const range = { timeFrom: '2026-11-01T04:00:00Z', timeTo: '2026-11-01T08:59:00Z' };
    const result = timeline(engine, 'Hour', {
      timeSettings: { timeRange: range },
      responseOptions: allCalls,
    });
    expect(counts(result)).toEqual([
      { time: '2026-11-01T04:00:00.000Z', calls: 0 },
      { time: '2026-11-01T05:00:00.000Z', calls: 1 },
      { time: '2026-11-01T06:00:00.000Z', calls: 1 },
      { time: '2026-11-01T07:00:00.000Z', calls: 0 },
      { time: '2026-11-01T08:00:00.000Z', calls: 0 },
    ]);
    expect(result.records[0]!.points[1]!.timers?.allCalls).toEqual({ valueType: 'Seconds', values: 100 });
  });

  it('starts days at local midnight, including the 25-hour day', () => {
    const range = { timeFrom: '2026-10-31T12:00:00Z', timeTo: '2026-11-02T12:00:00Z' };
    const result = timeline(engine, 'Day', { timeSettings: { timeRange: range }, responseOptions: allCalls });
    expect(counts(result)).toEqual([
      { time: '2026-10-31T04:00:00.000Z', calls: 0 },
      { time: '2026-11-01T04:00:00.000Z', calls: 2 },
      { time: '2026-11-02T05:00:00.000Z', calls: 0 },
    ]);
  });

  it('starts weeks on Monday and months on the 1st, in the request zone', () => {
    const week = timeline(engine, 'Week', { responseOptions: allCalls });
    expect(counts(week)).toEqual([
      { time: '2026-11-16T05:00:00.000Z', calls: 0 },
      { time: '2026-11-23T05:00:00.000Z', calls: 6 },
    ]);
    const range = { timeFrom: '2026-10-31T12:00:00Z', timeTo: '2026-11-28T00:00:00Z' };
    const month = timeline(engine, 'Month', {
      timeSettings: { timeRange: range },
      responseOptions: allCalls,
    });
    expect(counts(month)).toEqual([
      { time: '2026-10-01T04:00:00.000Z', calls: 0 },
      { time: '2026-11-01T04:00:00.000Z', calls: 8 },
    ]);
  });

  it('buckets per record and pages through keys', () => {
    const body = { grouping: { groupBy: 'Users' }, responseOptions: { counters: { allCalls: true } } };
    const result = timeline(engine, 'Day', body, { page: 2, perPage: 2 });
    expect(result.paging).toEqual({ page: 2, perPage: 2, totalPages: 2, totalElements: 3 });
    expect(result.records.map((r) => r.key)).toEqual(['u3']);
    const points = result.records[0]!.points.map((p) => p.counters?.allCalls?.values);
    expect(points.reduce((a, b) => (a as number) + (b as number), 0)).toBe(2);
    expect(result.records[0]!.info).toEqual({ extensionNumber: '103', name: 'Cid Moss' });
  });

  it('answers timers per point as Sums', () => {
    const result = timeline(engine, 'Day', {
      grouping: { groupBy: 'Queues', keys: ['q1'] },
      responseOptions: { timers: { callsSegmentsDuration: true } },
    });
    const monday = result.records[0]!.points.find((p) => p.time === '2026-11-23T05:00:00.000Z');
    expect(value({ key: 'q1', ...monday }, 'timers', 'callsSegments', 'ringing')).toBe(90);
  });
});

describe('includeDays with Sum is the plain filter', () => {
  it('counts only included days', () => {
    const result = allCallsByKey(engine, {
      grouping: { groupBy: 'Queues' },
      timeSettings: { advancedTimeSettings: { includeDays: ['Wednesday'] } },
      responseOptions: { counters: { allCalls: SUM } },
    });
    expect(result).toEqual({ q1: 0, q2: 1 });
  });
});
