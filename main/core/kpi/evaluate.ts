import { METRICS } from '../../../contract/api-vocabulary';
import type { Expression } from '../../../contract/expression';
import type { MetricRef } from '../../../contract/metric-ref';
import type { ResultPoint, ResultRecord } from '../analytics/records';

/**
 * Evaluating a metric expression, and reading the numbers it refers to out of analytics answers.
 * Unknown stays unknown: a missing metric, arithmetic on an unknown, a division by zero or anything
 * non-finite is null (shown as "—"), never 0, because a wallboard that shows 0 % answered when it
 * simply has no calls yet, or when a request failed, misleads a supervisor.
 */

/** A metric's value for one row (or one timeline point), or null when it is not known. */
export type Lookup = (ref: MetricRef) => number | null;

/** The counters and timers of a record or a timeline point, keyed by RESPONSE metric name. */
export type MetricValues = Pick<ResultRecord | ResultPoint, 'counters' | 'timers'>;

export function evaluate(expression: Expression, lookup: Lookup): number | null {
  switch (expression.kind) {
    case 'number':
      return finite(expression.value);
    case 'metric':
      return finite(lookup(expression.ref));
    case 'negate': {
      const operand = evaluate(expression.operand, lookup);
      return operand === null ? null : finite(-operand);
    }
    case 'binary': {
      const left = evaluate(expression.left, lookup);
      const right = evaluate(expression.right, lookup);
      if (left === null || right === null) return null;
      return finite(apply(expression.op, left, right));
    }
  }
}

function apply(op: '+' | '-' | '*' | '/', left: number, right: number): number | null {
  switch (op) {
    case '+':
      return left + right;
    case '-':
      return left - right;
    case '*':
      return left * right;
    case '/':
      // 0 calls answered gives no average, not an average of 0.
      return right === 0 ? null : left / right;
  }
}

/** Null for null, NaN and ±Infinity; -0 becomes 0 so it never prints as "-0". */
export function finite(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return value === 0 ? 0 : value;
}

/**
 * One metric of a record or point. Refs use the API's request names; answers use response names
 * (`callsSegmentsDuration` comes back as timers.`callsSegments`, `callsByActions` as `callsActions`).
 * A metric or key the answer lacks is null: the request did not include it, which says nothing
 * about the count.
 */
export function readMetric(values: MetricValues, ref: MetricRef): number | null {
  const info = METRICS.get(ref.metric);
  if (!info) return null;
  const family = values[info.family];
  if (!Object.hasOwn(family, info.response)) return null;
  const value = family[info.response];
  if (ref.key === null) return typeof value === 'number' ? finite(value) : null;
  if (value === undefined || typeof value === 'number' || !Object.hasOwn(value, ref.key)) return null;
  const part = value[ref.key];
  return typeof part === 'number' ? finite(part) : null;
}

/** A lookup over one record or point. */
export function lookupIn(values: MetricValues): Lookup {
  return (ref) => readMetric(values, ref);
}
