import { z } from 'zod';
import { isValidTimeZone } from '../data/directory';
import { COUNTER_NAMES, TIMER_NAMES } from './metrics';
import { parseHhMm } from './time';
import {
  ACTIONS,
  AGGREGATION_TYPES,
  CALL_TYPES,
  DAYS_OF_WEEK,
  DIRECTIONS,
  ENDING_PARTIES,
  GROUP_BY,
  GROUP_BY_MEMBERS,
  HOURS_OPTIONS,
  INTERVALS,
  ORIGINS,
  QUEUE_SLA,
  RESPONSES,
  RESULTS,
  SEGMENTS,
} from './vocabulary';

/**
 * Request bodies of the current analytics API (/analytics/calls/v1), as the OpenAPI spec defines
 * them. Unknown properties are ignored, as the real service does (RingCentral's own published
 * samples carry a stray `callFilters.callFilters`); wrong types, enum values and combinations are not.
 */

export const hhmm = z
  .string()
  .refine((text) => parseHhMm(text) !== null, { message: 'expected time as hh:mm' });
export const dateTime = z.iso.datetime({
  offset: true,
  message: 'expected an RFC 3339 date-time with offset',
});
export const seconds = z.number().int().nonnegative();
const range = z.object({ minSeconds: seconds.optional(), maxSeconds: seconds.optional() });

export const TimeSettingsSchema = z.object({
  timeZone: z.string().refine(isValidTimeZone, { message: 'is not an IANA time zone name' }),
  timeRange: z.object({ timeFrom: dateTime, timeTo: dateTime }),
  advancedTimeSettings: z
    .object({
      includeDays: z.array(z.enum(DAYS_OF_WEEK)).optional(),
      includeHours: z.array(z.object({ from: hhmm, to: hhmm })).optional(),
    })
    .optional(),
});

export const GroupingSchema = z
  .object({
    groupBy: z.enum(GROUP_BY).optional(),
    groupByMembers: z.enum(GROUP_BY_MEMBERS).optional(),
    keys: z.array(z.string()).optional(),
  })
  .superRefine((grouping, ctx) => {
    if ((grouping.groupBy === undefined) === (grouping.groupByMembers === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['groupBy'],
        message: 'give exactly one of groupBy or groupByMembers',
      });
    }
  });

export const CallFiltersSchema = z.object({
  extensionFilters: z
    .object({ fromIds: z.array(z.string()).optional(), toIds: z.array(z.string()).optional() })
    .optional(),
  queues: z.array(z.string()).optional(),
  calledNumbers: z.array(z.string()).optional(),
  directions: z.array(z.enum(DIRECTIONS)).optional(),
  origins: z.array(z.enum(ORIGINS)).optional(),
  callResponses: z.array(z.enum(RESPONSES)).optional(),
  callResults: z.array(z.enum(RESULTS)).optional(),
  callSegments: z.array(z.object({ segment: z.enum(SEGMENTS), length: range.optional() })).optional(),
  callActions: z.array(z.enum(ACTIONS)).optional(),
  companyHours: z.array(z.enum(HOURS_OPTIONS)).optional(),
  callDuration: range.optional(),
  timeSpent: range.optional(),
  queueSla: z.array(z.enum(QUEUE_SLA)).optional(),
  callTypes: z.array(z.enum(CALL_TYPES)).optional(),
  endingParties: z.array(z.enum(ENDING_PARTIES)).optional(),
  queueHours: z.array(z.enum(HOURS_OPTIONS)).optional(),
});

export type CallFilters = z.infer<typeof CallFiltersSchema>;

const aggregationOption = z.object({
  aggregationType: z.enum(AGGREGATION_TYPES),
  aggregationInterval: z.enum(INTERVALS).optional(),
});

function optionsObject<T extends z.ZodType>(names: readonly string[], option: T) {
  return z.strictObject(Object.fromEntries(names.map((name) => [name, option.optional()]))) as z.ZodObject<
    Record<string, z.ZodOptional<T>>
  >;
}

/** Interval rules of the spec: Sum/Percent forbid an interval; counters' Min/Max/Average require one. */
function checkIntervals(
  options: Record<string, z.infer<typeof aggregationOption> | undefined>,
  kind: 'counters' | 'timers',
  ctx: z.RefinementCtx,
): void {
  for (const [name, option] of Object.entries(options)) {
    if (!option) continue;
    const type = option.aggregationType;
    if ((type === 'Sum' || type === 'Percent') && option.aggregationInterval) {
      ctx.addIssue({
        code: 'custom',
        path: [kind, name, 'aggregationInterval'],
        message: `is not supported with aggregationType ${type}`,
      });
    }
    if (kind === 'counters' && type !== 'Sum' && type !== 'Percent' && !option.aggregationInterval) {
      ctx.addIssue({
        code: 'custom',
        path: [kind, name, 'aggregationInterval'],
        message: `is required with aggregationType ${type}`,
      });
    }
    if (name === 'queueOpportunities' && type !== 'Sum') {
      ctx.addIssue({
        code: 'custom',
        path: [kind, name, 'aggregationType'],
        message: 'queueOpportunities supports Sum only',
      });
    }
  }
}

export const AggregationResponseOptionsSchema = z
  .object({
    counters: optionsObject(COUNTER_NAMES, aggregationOption).optional(),
    timers: optionsObject(TIMER_NAMES, aggregationOption).optional(),
  })
  .superRefine((options, ctx) => {
    if (options.counters) checkIntervals(options.counters, 'counters', ctx);
    if (options.timers) checkIntervals(options.timers, 'timers', ctx);
  });

export const TimelineResponseOptionsSchema = z.object({
  counters: optionsObject(COUNTER_NAMES, z.boolean()).optional(),
  timers: optionsObject(TIMER_NAMES, z.boolean()).optional(),
});

export const AggregationRequestSchema = z.object({
  grouping: GroupingSchema,
  timeSettings: TimeSettingsSchema,
  callFilters: CallFiltersSchema.optional(),
  responseOptions: AggregationResponseOptionsSchema,
});

export const TimelineRequestSchema = z.object({
  grouping: GroupingSchema,
  timeSettings: TimeSettingsSchema,
  callFilters: CallFiltersSchema.optional(),
  responseOptions: TimelineResponseOptionsSchema,
});

export type AggregationRequest = z.infer<typeof AggregationRequestSchema>;
export type TimelineRequest = z.infer<typeof TimelineRequestSchema>;
