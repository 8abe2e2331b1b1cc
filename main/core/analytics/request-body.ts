import { PER_PAGE_MAX } from '../../../contract/api-vocabulary';
import type { AggregateOption, PlannedQuery, QueryTime } from '../planner/plan';
import { resolveTimeRange } from './time-range';

/**
 * A planned query as an HTTP request to the current analytics endpoints (DESIGN.md §3): the path, the
 * query string (page, perPage, and the timeline's interval, all query parameters in the OpenAPI spec)
 * and the JSON body. The time range is resolved here, at send time, so every refresh asks for "now".
 */

export const ANALYTICS_PATHS = {
  aggregate: '/analytics/calls/v1/accounts/~/aggregation/fetch',
  timeline: '/analytics/calls/v1/accounts/~/timeline/fetch',
} as const;

export interface AnalyticsRequest {
  path: string;
  query: Record<string, string | number>;
  body: unknown;
}

export function buildRequest(query: PlannedQuery, now: Date, page: number): AnalyticsRequest {
  if (!Number.isInteger(page) || page < 1) throw new RangeError(`page must be 1 or more, not ${page}`);
  const perPage = PER_PAGE_MAX[query.endpoint];
  const search: Record<string, string | number> = { page, perPage };
  if (query.endpoint === 'timeline') {
    if (query.interval === null) throw new Error(`timeline query ${query.id} has no interval`);
    search.interval = query.interval;
  }
  const body = {
    grouping: { ...query.grouping, ...(query.grouping.keys ? { keys: [...query.grouping.keys] } : {}) },
    timeSettings: timeSettings(query.time, now),
    ...(query.callFilters ? { callFilters: query.callFilters } : {}),
    responseOptions: responseOptions(query),
  };
  return { path: ANALYTICS_PATHS[query.endpoint], query: search, body };
}

function timeSettings(time: QueryTime, now: Date) {
  const advanced = {
    ...(time.includeDays?.length ? { includeDays: [...time.includeDays] } : {}),
    ...(time.includeHours?.length ? { includeHours: time.includeHours.map((h) => ({ ...h })) } : {}),
  };
  return {
    timeZone: time.timeZone,
    timeRange: resolveTimeRange(time, now),
    ...(Object.keys(advanced).length > 0 ? { advancedTimeSettings: advanced } : {}),
  };
}

function responseOptions(query: PlannedQuery) {
  const counters = optionsBody(query.counters);
  const timers = optionsBody(query.timers);
  return { ...(counters ? { counters } : {}), ...(timers ? { timers } : {}) };
}

/** Aggregate options copied as `{aggregationType, aggregationInterval?}`, timeline flags as `true`. */
function optionsBody(
  options: Readonly<Record<string, AggregateOption | true>>,
): Record<string, AggregateOption | true> | null {
  const entries = Object.entries(options).map(([name, option]): [string, AggregateOption | true] => [
    name,
    option === true ? true : { ...option },
  ]);
  return entries.length > 0 ? Object.fromEntries(entries) : null;
}
