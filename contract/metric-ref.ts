import {
  AGGREGATION_TYPES,
  INTERVALS,
  METRICS,
  type AggregationType,
  type Interval,
  type MetricInfo,
} from './api-vocabulary';

/**
 * A reference to one number the analytics API returns, written the way users type it in a tile's
 * expression: `metric[.key][@Aggregation[/Interval]]`, e.g. `callsByResult.abandoned`,
 * `callsSegmentsDuration.ringing@Max`, `callsByDirection.inbound@Average/Hour`. Without `@` the
 * aggregation is Sum. Names are the API's request names, which are unique across counters and timers.
 */
export interface MetricRef {
  readonly metric: string;
  readonly key: string | null;
  readonly aggregation: AggregationType;
  readonly interval: Interval | null;
}

export type MetricRefResult = { ok: true; ref: MetricRef } | { ok: false; message: string };

const REF_PATTERN = /^([A-Za-z]+)(?:\.([A-Za-z]+))?(?:@([A-Za-z]+)(?:\/([A-Za-z]+))?)?$/;

export function parseMetricRef(text: string): MetricRefResult {
  const match = REF_PATTERN.exec(text);
  if (!match)
    return { ok: false, message: `"${text}" is not a metric reference (metric[.key][@Type[/Interval]])` };
  const [, metric = '', key, aggregation = 'Sum', interval] = match;
  const info = METRICS.get(metric);
  if (!info) return { ok: false, message: `unknown metric "${metric}"` };
  const keyProblem = checkKey(info, key);
  if (keyProblem) return { ok: false, message: keyProblem };
  if (!isOneOf(AGGREGATION_TYPES, aggregation)) {
    return { ok: false, message: `unknown aggregation "${aggregation}" (${AGGREGATION_TYPES.join(', ')})` };
  }
  if (interval !== undefined && !isOneOf(INTERVALS, interval)) {
    return { ok: false, message: `unknown interval "${interval}" (${INTERVALS.join(', ')})` };
  }
  const ref: MetricRef = { metric, key: key ?? null, aggregation, interval: interval ?? null };
  const ruleProblem = checkAggregationRules(info, ref);
  return ruleProblem ? { ok: false, message: ruleProblem } : { ok: true, ref };
}

export function formatMetricRef(ref: MetricRef): string {
  const key = ref.key ? `.${ref.key}` : '';
  if (ref.aggregation === 'Sum' && !ref.interval) return `${ref.metric}${key}`;
  return `${ref.metric}${key}@${ref.aggregation}${ref.interval ? `/${ref.interval}` : ''}`;
}

function checkKey(info: MetricInfo, key: string | undefined): string | null {
  if (info.keys === null) return key === undefined ? null : `${info.request} has no breakdown keys`;
  if (key === undefined) return `${info.request} needs a key (${info.keys.join(', ')})`;
  return info.keys.includes(key) ? null : `${info.request} has no key "${key}" (${info.keys.join(', ')})`;
}

/** The API's rules (OpenAPI spec): Sum/Percent take no interval; counters' Min/Max/Average need one. */
function checkAggregationRules(info: MetricInfo, ref: MetricRef): string | null {
  const perInterval = ref.aggregation === 'Min' || ref.aggregation === 'Max' || ref.aggregation === 'Average';
  if (!perInterval && ref.interval) return `${ref.aggregation} takes no interval`;
  if (perInterval && info.family === 'counters' && !ref.interval) {
    return `counters need an interval with ${ref.aggregation} (e.g. @${ref.aggregation}/Hour)`;
  }
  if (info.request === 'queueOpportunities' && ref.aggregation !== 'Sum')
    return 'queueOpportunities supports Sum only';
  return null;
}

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}
