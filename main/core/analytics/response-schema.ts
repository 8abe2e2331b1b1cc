import { z } from 'zod';
import { METRICS, type MetricFamily, type MetricInfo } from '../../../contract/api-vocabulary';

/**
 * The analytics answers' shapes (OpenAPI: AggregationResponse, TimelineResponse), checked strictly
 * where Callboard reads a value and loosely elsewhere: a metric we never ask for, an extra breakdown
 * key or a missing paging total does not stop a wallboard; a count that is not a number does.
 */

export type MetricValue = number | Readonly<Record<string, number>>;
type Metrics = Record<string, MetricValue>;

const VALUE_TYPES = ['Percent', 'Seconds', 'Instances'] as const;

/** Response metric names of one family (timers come back as `allCalls`, `callsByDirection`, …). */
function responseNames(family: MetricFamily): Map<string, MetricInfo> {
  const names = new Map<string, MetricInfo>();
  for (const info of METRICS.values()) if (info.family === family) names.set(info.response, info);
  return names;
}

const KNOWN = { counters: responseNames('counters'), timers: responseNames('timers') };

/** Every metric we know of a `counters` or `timers` object, checked and reduced to its values. */
function metricsSchema(family: MetricFamily) {
  return z
    .record(z.string(), z.unknown())
    .optional()
    .transform((raw, ctx): Metrics => {
      const out: Metrics = {};
      for (const [name, metric] of Object.entries(raw ?? {})) {
        const info = KNOWN[family].get(name);
        if (!info) continue;
        const problem = metricProblem(metric, info);
        if (problem)
          ctx.addIssue({ code: 'custom', path: [name, ...problem.path], message: problem.message });
        else out[name] = valuesOf(metric as { values: MetricValue });
      }
      return out;
    });
}

interface Problem {
  path: (string | number)[];
  message: string;
}

function metricProblem(metric: unknown, info: MetricInfo): Problem | null {
  if (!isPlainObject(metric)) return { path: [], message: `expected {valueType, values}, ${got(metric)}` };
  if (!(VALUE_TYPES as readonly unknown[]).includes(metric.valueType)) {
    return {
      path: ['valueType'],
      message: `expected one of ${VALUE_TYPES.join(', ')}, ${got(metric.valueType)}`,
    };
  }
  const values = metric.values;
  if (info.keys === null) {
    return isNumber(values) ? null : { path: ['values'], message: `expected a number, ${got(values)}` };
  }
  if (!isPlainObject(values)) {
    return {
      path: ['values'],
      message: `expected an object of numbers by ${info.keys[0]} etc., ${got(values)}`,
    };
  }
  for (const key of info.keys) {
    const value = values[key];
    // A missing key is left out (read as unknown); a key that is there must be a number.
    if (value !== undefined && !isNumber(value)) {
      return { path: ['values', key], message: `expected a number, ${got(value)}` };
    }
  }
  return null;
}

function valuesOf(metric: { values: MetricValue }): MetricValue {
  const values = metric.values;
  if (typeof values === 'number') return values;
  return Object.fromEntries(Object.entries(values).filter(([, value]) => isNumber(value)));
}

const InfoSchema = z
  .object({ extensionNumber: z.string().optional(), name: z.string().optional() })
  .nullable()
  .optional();

const PagingSchema = z.object({
  page: z.number().int().min(1),
  perPage: z.number().int().min(1),
  // The spec requires both totals; tolerating their absence only stops paging early.
  totalPages: z.number().int().min(0).nullable().optional(),
  totalElements: z.number().int().min(0).nullable().optional(),
});

const AggregateRecordSchema = z.object({
  key: z.string(),
  info: InfoSchema,
  counters: metricsSchema('counters'),
  timers: metricsSchema('timers'),
});

const PointSchema = z.object({
  time: z.iso.datetime({ offset: true }),
  counters: metricsSchema('counters'),
  timers: metricsSchema('timers'),
});

const TimelineRecordSchema = z.object({
  key: z.string(),
  info: InfoSchema,
  points: z.array(PointSchema).optional(),
});

const answer = <R extends z.ZodType>(record: R) =>
  z.object({
    paging: PagingSchema,
    data: z.object({ groupedBy: z.string(), records: z.array(record).optional() }),
  });

export const AggregateAnswerSchema = answer(AggregateRecordSchema);
export const TimelineAnswerSchema = answer(TimelineRecordSchema);

/** zod's issues in words an IT person reads at a glance: what was expected and what came instead. */
export function plainMessage(issue: z.core.$ZodRawIssue): string {
  const input = issue.input;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return 'is missing';
      return `expected ${expectedWords(String(issue.expected))}, ${got(input)}`;
    case 'invalid_value':
      return `expected one of ${(issue.values as unknown[]).map(String).join(', ')}, ${got(input)}`;
    case 'invalid_format':
      return `expected ${issue.format === 'datetime' ? 'an RFC 3339 date-time with offset' : issue.format}, ${got(input)}`;
    case 'too_small':
      return `expected at least ${String(issue.minimum)}, ${got(input)}`;
    default:
      return `is not valid (${issue.code})`;
  }
}

function expectedWords(expected: string): string {
  const words: Record<string, string> = {
    number: 'a number',
    int: 'a whole number',
    string: 'text',
    object: 'an object',
    array: 'a list',
    record: 'an object',
    boolean: 'true or false',
  };
  return words[expected] ?? expected;
}

function got(value: unknown): string {
  if (value === undefined) return 'but it is missing';
  if (value === null) return 'got null';
  if (typeof value === 'string') return `got text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (Array.isArray(value)) return 'got a list';
  if (typeof value === 'object') return 'got an object';
  // What is left of parsed JSON is a number or a boolean.
  return `got ${typeof value === 'number' || typeof value === 'boolean' ? value : typeof value}`;
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
