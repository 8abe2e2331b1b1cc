import { z } from 'zod';
import {
  CallFiltersSchema,
  DayOfWeekSchema,
  GroupingSchema,
  HoursRangeSchema,
  dateTime,
  hhmm,
  seconds,
  timeZone,
  type CallFilters,
} from '../../contract/api-request';
import { COUNTER_NAMES, TIMER_NAMES } from './metrics';
import { AGGREGATION_TYPES, INTERVALS } from './vocabulary';

/**
 * Request bodies of the current analytics API (/analytics/calls/v1), as the OpenAPI spec defines
 * them. Unknown properties are ignored, as the real service does (RingCentral's own published
 * samples carry a stray `callFilters.callFilters`); wrong types, enum values and combinations are not.
 */

export const TimeSettingsSchema = z.object({
  timeZone,
  timeRange: z.object({ timeFrom: dateTime, timeTo: dateTime }),
  advancedTimeSettings: z
    .object({
      includeDays: z.array(DayOfWeekSchema).optional(),
      includeHours: z.array(HoursRangeSchema).optional(),
    })
    .optional(),
});

export { CallFiltersSchema, GroupingSchema, dateTime, hhmm, seconds };
export type { CallFilters };

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
