import { z } from 'zod';
import {
  ACTIONS,
  CALL_TYPES,
  DAYS_OF_WEEK,
  DIRECTIONS,
  ENDING_PARTIES,
  GROUP_BY,
  GROUP_BY_MEMBERS,
  HOURS_OPTIONS,
  ORIGINS,
  QUEUE_SLA,
  RESPONSES,
  RESULTS,
  SEGMENTS,
} from './api-vocabulary';

/**
 * Request parts of the analytics API that tile definitions reuse verbatim (call filters, grouping,
 * time-of-day ranges), so a tile can express exactly what the API offers and nothing it does not.
 */

/** Minutes since midnight of an "hh:mm" string, or null when it is not a valid time of day. */
export function parseHhMm(text: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const hhmm = z
  .string()
  .refine((text) => parseHhMm(text) !== null, { error: 'expected time as hh:mm' });
export const dateTime = z.iso.datetime({
  offset: true,
  error: 'expected an RFC 3339 date-time with offset',
});
export const timeZone = z.string().refine(isValidTimeZone, { error: 'is not an IANA time zone name' });
export const seconds = z.number().int().nonnegative();
const range = z.object({ minSeconds: seconds.optional(), maxSeconds: seconds.optional() });

export const DayOfWeekSchema = z.enum(DAYS_OF_WEEK);
export const HoursRangeSchema = z.object({ from: hhmm, to: hhmm });

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

export type Grouping = z.infer<typeof GroupingSchema>;
