import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsEngine } from '../../../emulator/analytics/engine';
import {
  LegacyAggregateRequestSchema,
  LegacyTimelineRequestSchema,
  legacyAggregateQuery,
  legacyAggregateResponse,
  legacyTimelineQuery,
  legacyTimelineResponse,
} from '../../../emulator/analytics/legacy';
import { NEW_YORK, NOW, WEEK, loadFixtureEngine } from './engine-fixture';

/** The 2022 dialect runs on the same engine: same numbers, legacy names and shape. */

let engine: AnalyticsEngine;
beforeAll(async () => {
  engine = await loadFixtureEngine();
});

const SUM = { aggregationType: 'Sum' };

function legacyAggregate(body: Record<string, unknown>) {
  const request = LegacyAggregateRequestSchema.parse({
    timeSettings: { timeRange: WEEK, advancedTimeSettings: { timeZone: NEW_YORK } },
    ...body,
  });
  return legacyAggregateResponse(
    engine.aggregate(legacyAggregateQuery(request, NOW, 'UTC'), { page: 1, perPage: 100 }),
  );
}

describe('legacy aggregate', () => {
  it('answers with data as an array of {key, keyInfo, counters, timers}', () => {
    const response = legacyAggregate({
      grouping: { groupBy: 'Queues', ids: [] },
      responseOptions: { counters: { allCalls: SUM }, timers: { allCallsDuration: SUM } },
    });
    expect(response.paging.totalElements).toBe(2);
    expect(response.data).toEqual([
      {
        key: 'q1',
        keyInfo: { extensionNumber: '500', name: 'Support' },
        counters: { allCalls: { valueType: 'Instances', values: 2 } },
        timers: { allCalls: { valueType: 'Seconds', values: 360 } },
      },
      {
        key: 'q2',
        keyInfo: { extensionNumber: '501', name: 'Sales' },
        counters: { allCalls: { valueType: 'Instances', values: 2 } },
        timers: { allCalls: { valueType: 'Seconds', values: 460 } },
      },
    ]);
  });

  it('treats no grouping and WholeCompany as the company record', () => {
    const none = legacyAggregate({ responseOptions: { counters: { allCalls: SUM } } });
    const whole = legacyAggregate({
      grouping: { groupBy: 'WholeCompany' },
      responseOptions: { counters: { allCalls: SUM } },
    });
    expect(none.data[0]?.counters?.allCalls?.values).toBe(6);
    expect(whole.data).toEqual(none.data);
  });

  it('maps the *Members and QueueAgents groupings to user records', () => {
    const agents = legacyAggregate({
      grouping: { groupBy: 'QueueAgents', ids: ['q2'] },
      responseOptions: { counters: { allCalls: SUM } },
    });
    expect(agents.data.map((d) => [d.key, d.counters?.allCalls?.values])).toEqual([
      ['u2', 3],
      ['u3', 2],
    ]);
    const department = legacyAggregate({
      grouping: { groupBy: 'DepartmentMembers', ids: ['Sales'] },
      responseOptions: { counters: { allCalls: SUM } },
    });
    expect(department.data.map((d) => d.key)).toEqual(['u3']);
  });

  it('maps singular filters and their value-seconds ranges', () => {
    const count = (additionalFilters: object) =>
      legacyAggregate({ additionalFilters, responseOptions: { counters: { allCalls: SUM } } }).data[0]
        ?.counters?.allCalls?.values;
    expect(count({ direction: 'Inbound', callResponse: 'NotAnswered' })).toBe(2);
    expect(count({ callDuration: { minValueSeconds: 100, maxValueSeconds: 300 } })).toBe(3);
    expect(
      count({ callSegments: [{ callSegment: 'Ringing', callSegmentLength: { minValueSeconds: 20 } }] }),
    ).toBe(3);
    expect(count({ callActions: [{ callAction: 'HoldOn' }], companyHours: 'BusinessHours' })).toBe(1);
    expect(count({ callerExtensionIds: [], calledExtensionIds: [], calledNumbers: [] })).toBe(6);
  });

  it('uses the 2022 breakdown key names', () => {
    const response = legacyAggregate({
      responseOptions: { counters: { callsSegments: SUM, callsByActions: SUM, callsByResult: SUM } },
    });
    const counters = response.data[0]!.counters!;
    expect(counters.callsSegments?.values).toEqual({
      ringing: 5,
      liveTalk: 4,
      holds: 1,
      parks: 0,
      transfers: 1,
      ivrPrompts: 2,
      voicemail: 1,
      vmGreetings: 1,
      setup: 0,
    });
    expect(counters.callsActions?.values).toEqual({
      parksOn: 0,
      parksOff: 0,
      holdsOn: 1,
      holdsOff: 1,
      blindTransfer: 1,
      warmTransfer: 0,
      dtmfTransfer: 0,
    });
    expect(Object.keys(counters.callsByResult?.values as object)).toEqual([
      'completed',
      'abandoned',
      'voicemail',
      'missed',
      'accepted',
      'unknown',
    ]);
  });

  it('names legacy fields in validation errors', () => {
    const parsed = LegacyAggregateRequestSchema.safeParse({
      timeSettings: { timeRange: WEEK },
      additionalFilters: { direction: ['Inbound'] },
      responseOptions: {},
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['additionalFilters', 'direction']);
  });
});

describe('legacy timeline', () => {
  it('answers data[].points[] with time, without paging', () => {
    const request = LegacyTimelineRequestSchema.parse({
      grouping: { groupBy: 'Users', ids: ['u1'] },
      timeSettings: { timeRange: WEEK, advancedTimeSettings: { timeZone: NEW_YORK } },
      responseOptions: { counters: { allCalls: true, callsByDirection: false } },
    });
    const result = legacyTimelineResponse(
      engine.timeline(legacyTimelineQuery(request, NOW, 'UTC'), 'Day', { page: 1, perPage: 50 }),
    );
    expect(result).not.toHaveProperty('paging');
    expect(result.data[0]?.key).toBe('u1');
    const points = result.data[0]!.points;
    expect(points[0]?.time).toBe('2026-11-19T05:00:00.000Z');
    expect(points.map((p) => p.counters?.allCalls?.values)).toEqual([0, 0, 0, 0, 1, 1, 0, 0, 0]);
    expect(points[0]?.counters).not.toHaveProperty('callsByDirection');
  });
});
