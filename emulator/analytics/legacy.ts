import { z } from 'zod';
import type { AggregateRecord, EngineResult, MetricMap, TimelineRecord } from './engine';
import { COUNTERS_BY_NAME, TIMERS_BY_NAME } from './metrics';
import type { AnalyticsQuery, GroupingQuery } from './query';
import { fromAggregationOption, fromTimelineFlag, metricRequests, resolveTimeWindow } from './query';
import { dateTime, hhmm, seconds, type CallFilters } from './request-schema';
import { isValidTimeZone } from '../data/directory';
import {
  ACTIONS,
  AGGREGATION_TYPES,
  CALL_TYPES,
  DAYS_OF_WEEK,
  DIRECTIONS,
  HOURS_OPTIONS,
  INTERVALS,
  ORIGINS,
  QUEUE_SLA,
  RESPONSES,
  RESULTS,
  SEGMENTS,
} from './vocabulary';

/**
 * The customer guide's 2022 dialect (/analytics/phone/performance/v1/accounts/{id}/calls/…), mapped
 * onto the same engine: its requests are translated into an AnalyticsQuery and the engine's records
 * are reshaped into the legacy response (`data` is an array of `{key, keyInfo, counters, timers}`,
 * with the older breakdown key names). Field-by-field sources: docs/research/legacy-analytics-dialect.md.
 */

export const LEGACY_GROUP_BY = [
  'WholeCompany',
  'CompanyNumbers',
  'Users',
  'Queues',
  'IVRs',
  'SharedLines',
  'UserGroups',
  'Sites',
  'Departments',
  'DepartmentMembers',
  'UserGroupMembers',
  'QueueAgents',
  'SiteMembers',
] as const;

const LEGACY_COUNTERS = [
  'allCalls',
  'callsByDirection',
  'callsByOrigin',
  'callsByResponse',
  'callsSegments',
  'callsByResult',
  'callsByCompanyHours',
  'callsByQueueSla',
  'callsByActions',
  'callsByType',
] as const;

const LEGACY_TIMERS = [
  'allCallsDuration',
  'callsDurationByDirection',
  'callsDurationByOrigin',
  'callsDurationByResponse',
  'callsSegmentsDuration',
  'callsDurationByResult',
  'callsDurationByCompanyHours',
  'callsDurationByQueueSla',
  'callsDurationByType',
] as const;

const valueRange = z.object({ minValueSeconds: seconds.optional(), maxValueSeconds: seconds.optional() });

const LegacyFiltersSchema = z.object({
  direction: z.enum(DIRECTIONS).optional(),
  origin: z.enum(ORIGINS).optional(),
  callResponse: z.enum(RESPONSES).optional(),
  callResult: z.array(z.enum(RESULTS)).optional(),
  callSegments: z
    .array(z.object({ callSegment: z.enum(SEGMENTS), callSegmentLength: valueRange.optional() }))
    .optional(),
  callActions: z.array(z.object({ callAction: z.enum(ACTIONS) })).optional(),
  companyHours: z.enum(HOURS_OPTIONS).optional(),
  callDuration: valueRange.optional(),
  timeSpent: valueRange.optional(),
  callerExtensionIds: z.array(z.string()).optional(),
  calledExtensionIds: z.array(z.string()).optional(),
  calledNumbers: z.array(z.string()).optional(),
  queueSla: z.enum(QUEUE_SLA).optional(),
  callType: z.array(z.enum(CALL_TYPES)).optional(),
});

const LegacyBase = {
  grouping: z
    .object({ groupBy: z.enum(LEGACY_GROUP_BY).optional(), ids: z.array(z.string()).optional() })
    .nullish(),
  timeSettings: z.object({
    timeRange: z.object({ timeFrom: dateTime, timeTo: dateTime }),
    advancedTimeSettings: z
      .object({
        timeZone: z.string().refine(isValidTimeZone, { error: 'is not an IANA time zone name' }).optional(),
        includeDays: z.array(z.enum(DAYS_OF_WEEK)).optional(),
        includeHours: z.array(z.object({ from: hhmm, to: hhmm })).optional(),
      })
      .optional(),
  }),
  additionalFilters: LegacyFiltersSchema.optional(),
};

const aggregationOption = z
  .object({ aggregationType: z.enum(AGGREGATION_TYPES), aggregationInterval: z.enum(INTERVALS).optional() })
  .superRefine((option, ctx) => {
    const type = option.aggregationType;
    if ((type === 'Sum' || type === 'Percent') && option.aggregationInterval) {
      ctx.addIssue({
        code: 'custom',
        path: ['aggregationInterval'],
        message: `is not supported with ${type}`,
      });
    }
  });

function options<T extends z.ZodType>(names: readonly string[], option: T) {
  return z.strictObject(Object.fromEntries(names.map((name) => [name, option.optional()]))) as z.ZodObject<
    Record<string, z.ZodOptional<T>>
  >;
}

export const LegacyAggregateRequestSchema = z.object({
  ...LegacyBase,
  responseOptions: z
    .object({
      counters: options(LEGACY_COUNTERS, aggregationOption).optional(),
      timers: options(LEGACY_TIMERS, aggregationOption).optional(),
    })
    .superRefine((value, ctx) => {
      for (const [name, option] of Object.entries(value.counters ?? {})) {
        const type = option?.aggregationType;
        if (option && type !== 'Sum' && type !== 'Percent' && !option.aggregationInterval) {
          ctx.addIssue({
            code: 'custom',
            path: ['counters', name, 'aggregationInterval'],
            message: `is required with aggregationType ${type}`,
          });
        }
      }
    }),
});

export const LegacyTimelineRequestSchema = z.object({
  ...LegacyBase,
  responseOptions: z.object({
    counters: options(LEGACY_COUNTERS, z.boolean()).optional(),
    timers: options(LEGACY_TIMERS, z.boolean()).optional(),
  }),
});

type LegacyAggregateRequest = z.infer<typeof LegacyAggregateRequestSchema>;
type LegacyTimelineRequest = z.infer<typeof LegacyTimelineRequestSchema>;

function legacyGrouping(grouping: LegacyAggregateRequest['grouping']): GroupingQuery {
  const keys = grouping?.ids?.length ? grouping.ids : null;
  switch (grouping?.groupBy) {
    case undefined:
    case 'WholeCompany':
      return { kind: 'groupBy', groupBy: 'Company', keys: null };
    case 'DepartmentMembers':
      return { kind: 'members', scope: 'Department', keys };
    case 'UserGroupMembers':
      return { kind: 'members', scope: 'UserGroup', keys };
    case 'QueueAgents':
      return { kind: 'members', scope: 'Queue', keys };
    case 'SiteMembers':
      return { kind: 'members', scope: 'Site', keys };
    default:
      return { kind: 'groupBy', groupBy: grouping!.groupBy, keys };
  }
}

const single = <T>(value: T | undefined): T[] | undefined => (value === undefined ? undefined : [value]);
const range = (r: z.infer<typeof valueRange> | undefined) =>
  r && { minSeconds: r.minValueSeconds, maxSeconds: r.maxValueSeconds };

function legacyFilters(f: z.infer<typeof LegacyFiltersSchema> | undefined): CallFilters {
  if (!f) return {};
  return {
    directions: single(f.direction),
    origins: single(f.origin),
    callResponses: single(f.callResponse),
    callResults: f.callResult,
    callSegments: f.callSegments?.map((s) => ({
      segment: s.callSegment,
      length: range(s.callSegmentLength),
    })),
    callActions: f.callActions?.map((a) => a.callAction),
    companyHours: single(f.companyHours),
    callDuration: range(f.callDuration),
    timeSpent: range(f.timeSpent),
    extensionFilters: { fromIds: f.callerExtensionIds, toIds: f.calledExtensionIds },
    calledNumbers: f.calledNumbers,
    queueSla: single(f.queueSla),
    callTypes: f.callType,
  };
}

function baseQuery(
  request: LegacyAggregateRequest | LegacyTimelineRequest,
  now: number,
  defaultZone: string,
): Omit<AnalyticsQuery, 'counters' | 'timers'> {
  const advanced = request.timeSettings.advancedTimeSettings;
  return {
    grouping: legacyGrouping(request.grouping),
    window: resolveTimeWindow(
      {
        timeZone: advanced?.timeZone ?? defaultZone,
        timeRange: request.timeSettings.timeRange,
        advancedTimeSettings: advanced,
      },
      now,
    ),
    filters: legacyFilters(request.additionalFilters),
  };
}

export function legacyAggregateQuery(
  request: LegacyAggregateRequest,
  now: number,
  defaultZone: string,
): AnalyticsQuery {
  return {
    ...baseQuery(request, now, defaultZone),
    counters: metricRequests(request.responseOptions.counters, COUNTERS_BY_NAME, fromAggregationOption),
    timers: metricRequests(request.responseOptions.timers, TIMERS_BY_NAME, fromAggregationOption),
  };
}

export function legacyTimelineQuery(
  request: LegacyTimelineRequest,
  now: number,
  defaultZone: string,
): AnalyticsQuery {
  return {
    ...baseQuery(request, now, defaultZone),
    counters: metricRequests(request.responseOptions.counters, COUNTERS_BY_NAME, fromTimelineFlag),
    timers: metricRequests(request.responseOptions.timers, TIMERS_BY_NAME, fromTimelineFlag),
  };
}

/** Breakdown keys as the 2022 responses spelled them; keys absent here did not exist then. */
const LEGACY_KEYS: Record<string, Record<string, string>> = {
  callsSegments: {
    ringing: 'ringing',
    liveTalk: 'liveTalk',
    hold: 'holds',
    park: 'parks',
    transfer: 'transfers',
    ivrPrompt: 'ivrPrompts',
    voicemail: 'voicemail',
    vmGreeting: 'vmGreetings',
    setup: 'setup',
  },
  callsActions: {
    parkOn: 'parksOn',
    parkOff: 'parksOff',
    holdOn: 'holdsOn',
    holdOff: 'holdsOff',
    blindTransfer: 'blindTransfer',
    warmTransfer: 'warmTransfer',
    dtmfTransfer: 'dtmfTransfer',
  },
  callsByResult: {
    completed: 'completed',
    abandoned: 'abandoned',
    voicemail: 'voicemail',
    missed: 'missed',
    accepted: 'accepted',
    unknown: 'unknown',
  },
  callsByType: {
    direct: 'direct',
    fromQueue: 'fromQueue',
    parkRetrieval: 'parkRetrieval',
    transferred: 'transferred',
    outbound: 'outbound',
  },
};

function legacyMetrics(metrics: MetricMap | undefined): MetricMap | undefined {
  if (!metrics) return undefined;
  const out: MetricMap = {};
  for (const [name, metric] of Object.entries(metrics)) {
    const renames = LEGACY_KEYS[name];
    if (!renames || typeof metric.values === 'number') {
      out[name] = metric;
      continue;
    }
    const values: Record<string, number> = {};
    for (const [key, legacyKey] of Object.entries(renames)) values[legacyKey] = metric.values[key] ?? 0;
    out[name] = { valueType: metric.valueType, values };
  }
  return out;
}

function legacyRecord(record: AggregateRecord | TimelineRecord) {
  return { key: record.key, keyInfo: record.info ?? {} };
}

export function legacyAggregateResponse(result: EngineResult<AggregateRecord>) {
  return {
    paging: result.paging,
    data: result.records.map((record) => ({
      ...legacyRecord(record),
      counters: legacyMetrics(record.counters),
      timers: legacyMetrics(record.timers),
    })),
  };
}

export function legacyTimelineResponse(result: EngineResult<TimelineRecord>) {
  return {
    data: result.records.map((record) => ({
      ...legacyRecord(record),
      points: record.points.map((point) => ({
        time: point.time,
        counters: legacyMetrics(point.counters),
        timers: legacyMetrics(point.timers),
      })),
    })),
  };
}
