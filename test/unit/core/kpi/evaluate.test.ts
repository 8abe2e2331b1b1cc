import { describe, expect, it } from 'vitest';
import { parseExpression, type Expression } from '../../../../contract/expression';
import { parseMetricRef, type MetricRef } from '../../../../contract/metric-ref';
import { evaluate, finite, lookupIn, readMetric } from '../../../../main/core/kpi/evaluate';
import { record } from './kpi-fixtures';

/** Expression arithmetic with unknowns, and reading request-named metrics from answers. */

function parse(text: string): Expression {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.expression;
}

function ref(text: string): MetricRef {
  const parsed = parseMetricRef(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.ref;
}

/** A lookup from formatted refs to values; anything not listed is unknown. */
const values =
  (table: Record<string, number | null>) =>
  (r: MetricRef): number | null =>
    table[`${r.metric}${r.key ? `.${r.key}` : ''}`] ?? null;

describe('evaluate', () => {
  const lookup = values({ allCalls: 12, 'callsByDirection.inbound': 8, 'callsByDirection.outbound': 0 });

  it('does arithmetic with precedence, parentheses and unary minus', () => {
    expect(evaluate(parse('1 + 2 * 3'), lookup)).toBe(7);
    expect(evaluate(parse('(1 + 2) * 3'), lookup)).toBe(9);
    expect(evaluate(parse('10 - 4 - 3'), lookup)).toBe(3);
    expect(evaluate(parse('-allCalls + 2'), lookup)).toBe(-10);
    expect(evaluate(parse('100 * callsByDirection.inbound / allCalls'), lookup)).toBeCloseTo(66.6667, 4);
  });

  it('is unknown when a metric is unknown, wherever it sits', () => {
    expect(evaluate(parse('callsByResult.missed'), lookup)).toBeNull();
    expect(evaluate(parse('allCalls + callsByResult.missed'), lookup)).toBeNull();
    expect(evaluate(parse('0 * callsByResult.missed'), lookup)).toBeNull();
    expect(evaluate(parse('-callsByResult.missed'), lookup)).toBeNull();
  });

  it('is unknown, not 0 or Infinity, when dividing by zero', () => {
    expect(evaluate(parse('allCalls / callsByDirection.outbound'), lookup)).toBeNull();
    expect(evaluate(parse('callsByDirection.outbound / callsByDirection.outbound'), lookup)).toBeNull();
    expect(evaluate(parse('1 / (allCalls - 12)'), lookup)).toBeNull();
    // Zero over something is a real 0.
    expect(evaluate(parse('callsByDirection.outbound / allCalls'), lookup)).toBe(0);
  });

  it('turns non-finite inputs and results into unknown, and -0 into 0', () => {
    expect(evaluate(parse('allCalls'), () => Number.NaN)).toBeNull();
    expect(evaluate(parse('allCalls * 2'), () => Number.POSITIVE_INFINITY)).toBeNull();
    expect(evaluate(parse('allCalls * allCalls'), () => 1e200)).toBeNull();
    expect(Object.is(evaluate(parse('-callsByDirection.outbound'), lookup), 0)).toBe(true);
    expect(finite(undefined)).toBeNull();
  });
});

describe('readMetric', () => {
  const r = record(
    'q1',
    {
      allCalls: 9,
      callsByDirection: { inbound: 7, outbound: 2 },
      callsActions: { holdOn: 3 },
    },
    { allCalls: 900, callsSegments: { ringing: 45, liveTalk: 600 } },
  );

  it('maps request names to response names and families', () => {
    expect(readMetric(r, ref('allCalls'))).toBe(9);
    expect(readMetric(r, ref('allCallsDuration'))).toBe(900);
    expect(readMetric(r, ref('callsByDirection.inbound'))).toBe(7);
    // Timers come back named like counters: callsSegmentsDuration → timers.callsSegments.
    expect(readMetric(r, ref('callsSegmentsDuration.ringing'))).toBe(45);
    expect(readMetric(r, ref('callsSegmentsDuration.liveTalk@Max'))).toBe(600);
    // And callsByActions comes back as callsActions.
    expect(readMetric(r, ref('callsByActions.holdOn'))).toBe(3);
  });

  it('is unknown for a metric or key the answer lacks (not asked for), not 0', () => {
    // counters.callsSegments is absent even though timers.callsSegments is there.
    expect(readMetric(r, ref('callsSegments.ringing'))).toBeNull();
    expect(readMetric(r, ref('callsSegmentsDuration.hold'))).toBeNull();
    expect(readMetric(r, ref('callsByActions.holdOff'))).toBeNull();
    expect(readMetric(r, ref('queueOpportunities'))).toBeNull();
  });

  it('is unknown when the value has the wrong shape or the ref is not a real metric', () => {
    const odd = record('x', { allCalls: { inbound: 1 }, callsByDirection: 5 });
    expect(readMetric(odd, ref('allCalls'))).toBeNull();
    expect(readMetric(odd, ref('callsByDirection.inbound'))).toBeNull();
    const fake: MetricRef = { metric: 'constructor', key: null, aggregation: 'Sum', interval: null };
    expect(readMetric(r, fake)).toBeNull();
    const proto: MetricRef = {
      metric: 'callsByDirection',
      key: 'toString',
      aggregation: 'Sum',
      interval: null,
    };
    expect(readMetric(r, proto)).toBeNull();
  });

  it('reads timeline points the same way', () => {
    const point = { time: '2026-11-25T09:00:00Z', counters: { allCalls: 4 }, timers: {} };
    expect(lookupIn(point)(ref('allCalls'))).toBe(4);
    expect(lookupIn(point)(ref('allCallsDuration'))).toBeNull();
  });
});
