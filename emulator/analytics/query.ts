import type { AggregationRequest, CallFilters, TimelineRequest } from './request-schema';
import { invalidParameter } from './errors';
import { COUNTERS_BY_NAME, TIMERS_BY_NAME, type MetricDefinition } from './metrics';
import { parseHhMm, type TimeWindow } from './time';
import {
  DAYS_OF_WEEK,
  type AggregationType,
  type GroupBy,
  type GroupByMembers,
  type Interval,
} from './vocabulary';

/**
 * A validated request in the engine's terms, shared by both API dialects: the legacy 2022 requests
 * are translated into this shape, so one engine answers both.
 */

export type GroupingQuery =
  | { readonly kind: 'groupBy'; readonly groupBy: GroupBy; readonly keys: readonly string[] | null }
  | { readonly kind: 'members'; readonly scope: GroupByMembers; readonly keys: readonly string[] | null };

export interface MetricRequest {
  readonly metric: MetricDefinition;
  readonly aggregation: AggregationType;
  readonly interval: Interval | null;
}

export interface AnalyticsQuery {
  readonly grouping: GroupingQuery;
  readonly window: TimeWindow;
  readonly filters: CallFilters;
  readonly counters: readonly MetricRequest[];
  readonly timers: readonly MetricRequest[];
}

/** Data is kept for 184 days back from now (DESIGN.md §3). */
export const RETENTION_MS = 184 * 86_400_000;

function nonEmpty<T>(list: readonly T[] | undefined): readonly T[] | null {
  return list && list.length > 0 ? list : null;
}

export function resolveGrouping(grouping: AggregationRequest['grouping']): GroupingQuery {
  const keys = nonEmpty(grouping.keys);
  if (grouping.groupByMembers) return { kind: 'members', scope: grouping.groupByMembers, keys };
  return { kind: 'groupBy', groupBy: grouping.groupBy!, keys };
}

export function resolveTimeWindow(
  settings: AggregationRequest['timeSettings'],
  now: number,
  pathPrefix = 'timeSettings',
): TimeWindow {
  const from = Date.parse(settings.timeRange.timeFrom);
  const to = Date.parse(settings.timeRange.timeTo);
  if (from > to) {
    throw invalidParameter(`${pathPrefix}.timeRange.timeFrom`, 'must not be later than timeTo');
  }
  if (from < now - RETENTION_MS) {
    throw invalidParameter(
      `${pathPrefix}.timeRange.timeFrom`,
      `must be within the last 184 days (not before ${new Date(now - RETENTION_MS).toISOString()})`,
      settings.timeRange.timeFrom,
    );
  }
  const advanced = settings.advancedTimeSettings;
  const days = nonEmpty(advanced?.includeDays);
  const hours = nonEmpty(advanced?.includeHours);
  return {
    zone: settings.timeZone,
    from,
    to,
    includeDays: days ? new Set(days.map((day) => DAYS_OF_WEEK.indexOf(day))) : null,
    includeHours: hours ? hours.map((h) => ({ from: parseHhMm(h.from)!, to: parseHhMm(h.to)! })) : null,
  };
}

/** An aggregate response option (`{aggregationType, aggregationInterval?}`) as a metric request. */
export const fromAggregationOption = (
  metric: MetricDefinition,
  option: { aggregationType: AggregationType; aggregationInterval?: Interval },
): MetricRequest => ({
  metric,
  aggregation: option.aggregationType,
  interval: option.aggregationInterval ?? null,
});

/** A timeline response option (a boolean) as a metric request: every timeline point is a Sum. */
export const fromTimelineFlag = (metric: MetricDefinition, wanted: boolean): MetricRequest | null =>
  wanted ? { metric, aggregation: 'Sum', interval: null } : null;

/** The metric requests of a `counters` or `timers` object, in the order the client listed them. */
export function metricRequests<V>(
  options: Record<string, V | undefined> | undefined,
  definitions: ReadonlyMap<string, MetricDefinition>,
  toRequest: (metric: MetricDefinition, value: V) => MetricRequest | null,
): MetricRequest[] {
  return Object.entries(options ?? {}).flatMap(([name, value]) => {
    const request = value === undefined ? null : toRequest(definitions.get(name)!, value);
    return request ? [request] : [];
  });
}

export function aggregationQuery(request: AggregationRequest, now: number): AnalyticsQuery {
  return {
    grouping: resolveGrouping(request.grouping),
    window: resolveTimeWindow(request.timeSettings, now),
    filters: request.callFilters ?? {},
    counters: metricRequests(request.responseOptions.counters, COUNTERS_BY_NAME, fromAggregationOption),
    timers: metricRequests(request.responseOptions.timers, TIMERS_BY_NAME, fromAggregationOption),
  };
}

export function timelineQuery(request: TimelineRequest, now: number): AnalyticsQuery {
  return {
    grouping: resolveGrouping(request.grouping),
    window: resolveTimeWindow(request.timeSettings, now),
    filters: request.callFilters ?? {},
    counters: metricRequests(request.responseOptions.counters, COUNTERS_BY_NAME, fromTimelineFlag),
    timers: metricRequests(request.responseOptions.timers, TIMERS_BY_NAME, fromTimelineFlag),
  };
}
