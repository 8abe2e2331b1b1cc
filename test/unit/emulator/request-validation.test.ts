import { describe, expect, it } from 'vitest';
import { ApiError, fromZodError } from '../../../emulator/analytics/errors';
import { aggregationQuery } from '../../../emulator/analytics/query';
import { AggregationRequestSchema, TimelineRequestSchema } from '../../../emulator/analytics/request-schema';
import { NOW, WEEK } from './engine-fixture';

/** Every malformed request is refused with CMN-101 naming the field (DESIGN.md §4). */

const valid = {
  grouping: { groupBy: 'Queues' },
  timeSettings: { timeZone: 'Europe/London', timeRange: WEEK },
  responseOptions: { counters: { allCalls: { aggregationType: 'Sum' } } },
};

function errorsOf(
  body: unknown,
  schema: typeof AggregationRequestSchema | typeof TimelineRequestSchema = AggregationRequestSchema,
) {
  const parsed = schema.safeParse(body);
  if (parsed.success) {
    try {
      aggregationQuery(parsed.data as never, NOW);
    } catch (error) {
      if (error instanceof ApiError) return error.errors;
      throw error;
    }
    return [];
  }
  return fromZodError(parsed.error).errors;
}

const names = (body: unknown) => errorsOf(body).map((e) => e.parameterName);

describe('aggregation request validation', () => {
  it('accepts a valid request', () => {
    expect(errorsOf(valid)).toEqual([]);
  });

  it('names the field for enum, type and format errors', () => {
    expect(names({ ...valid, grouping: { groupBy: 'Teams' } })).toEqual(['grouping.groupBy']);
    expect(names({ ...valid, timeSettings: { ...valid.timeSettings, timeZone: 'Mars/Olympus' } })).toEqual([
      'timeSettings.timeZone',
    ]);
    expect(
      names({
        ...valid,
        timeSettings: { timeZone: 'UTC', timeRange: { timeFrom: 'yesterday', timeTo: WEEK.timeTo } },
      }),
    ).toEqual(['timeSettings.timeRange.timeFrom']);
    expect(names({ ...valid, callFilters: { directions: ['Sideways'] } })).toEqual([
      'callFilters.directions[0]',
    ]);
    expect(
      names({
        ...valid,
        timeSettings: {
          ...valid.timeSettings,
          advancedTimeSettings: { includeHours: [{ from: '25:00', to: '26:00' }] },
        },
      }),
    ).toEqual([
      'timeSettings.advancedTimeSettings.includeHours[0].from',
      'timeSettings.advancedTimeSettings.includeHours[0].to',
    ]);
    const missing = errorsOf({ grouping: valid.grouping, responseOptions: valid.responseOptions });
    expect(missing[0]).toMatchObject({ errorCode: 'CMN-101', parameterName: 'timeSettings' });
    expect(missing[0]?.message).toContain('Parameter [timeSettings] value is invalid');
  });

  it('requires exactly one of groupBy and groupByMembers', () => {
    expect(names({ ...valid, grouping: { groupBy: 'Users', groupByMembers: 'Queue' } })).toEqual([
      'grouping.groupBy',
    ]);
    expect(names({ ...valid, grouping: {} })).toEqual(['grouping.groupBy']);
  });

  it('enforces the aggregationInterval rules', () => {
    const counters = (option: object, name = 'allCalls') => ({
      ...valid,
      responseOptions: { counters: { [name]: option } },
    });
    expect(names(counters({ aggregationType: 'Sum', aggregationInterval: 'Day' }))).toEqual([
      'responseOptions.counters.allCalls.aggregationInterval',
    ]);
    expect(names(counters({ aggregationType: 'Percent', aggregationInterval: 'Hour' }))).toEqual([
      'responseOptions.counters.allCalls.aggregationInterval',
    ]);
    expect(names(counters({ aggregationType: 'Max' }))).toEqual([
      'responseOptions.counters.allCalls.aggregationInterval',
    ]);
    expect(names(counters({ aggregationType: 'Average' }, 'queueOpportunities'))).toEqual([
      'responseOptions.counters.queueOpportunities.aggregationInterval',
      'responseOptions.counters.queueOpportunities.aggregationType',
    ]);
    // Timers may aggregate per call without an interval.
    expect(
      names({ ...valid, responseOptions: { timers: { allCallsDuration: { aggregationType: 'Max' } } } }),
    ).toEqual([]);
  });

  it('refuses unknown counters and timers, naming them', () => {
    expect(
      names({ ...valid, responseOptions: { counters: { allCallsDuration: { aggregationType: 'Sum' } } } }),
    ).toEqual(['responseOptions.counters']);
  });

  it('checks the time range order and the 184-day limit', () => {
    const reversed = {
      ...valid,
      timeSettings: { timeZone: 'UTC', timeRange: { timeFrom: WEEK.timeTo, timeTo: WEEK.timeFrom } },
    };
    expect(names(reversed)).toEqual(['timeSettings.timeRange.timeFrom']);
    const old = {
      ...valid,
      timeSettings: { timeZone: 'UTC', timeRange: { timeFrom: '2026-05-01T00:00:00Z', timeTo: WEEK.timeTo } },
    };
    const [error] = errorsOf(old);
    expect(error?.parameterName).toBe('timeSettings.timeRange.timeFrom');
    expect(error?.message).toContain('184 days');
  });

  it('accepts RingCentral’s stray nested callFilters.callFilters', () => {
    const body = {
      ...valid,
      callFilters: { callFilters: { extensionFilters: { fromIds: [] } }, calledNumbers: [] },
    };
    expect(errorsOf(body)).toEqual([]);
  });

  it('wants booleans in timeline response options', () => {
    const body = { ...valid, responseOptions: { counters: { allCalls: { aggregationType: 'Sum' } } } };
    expect(errorsOf(body, TimelineRequestSchema).map((e) => e.parameterName)).toEqual([
      'responseOptions.counters.allCalls',
    ]);
  });
});
