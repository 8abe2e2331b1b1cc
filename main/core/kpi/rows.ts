import type { Expression } from '../../../contract/expression';
import { formatMetricRef, type MetricRef } from '../../../contract/metric-ref';
import type { Point } from '../../../contract/snapshot';
import type { QueryState } from '../poller/query-state';
import type { RefSource } from '../planner/plan';
import type { ResultPoint, ResultRecord } from '../analytics/records';
import { evaluate, readMetric, type Lookup } from './evaluate';

/**
 * A tile's rows: one per record key its queries returned, each measure evaluated on that key's
 * records. A measure may read from several queries (the API takes one aggregation per metric per
 * request), so every metric is looked up in the query the plan names for it, under the row's key.
 */

/** A measure's formula and where each of its metrics is read; a null formula has no value. */
export interface SourcedMeasure {
  readonly expression: Expression | null;
  readonly sources: readonly RefSource[];
}

export interface RowValues {
  readonly key: string;
  readonly values: (number | null)[];
  readonly points: Point[] | null;
}

/** The key of the one row a single-value tile shows when its query returns several records. */
export const TOTAL_KEY = '*';

/** The last good records of each query, by key. With Company grouping every query has one row. */
export class RecordTable {
  private readonly byQuery = new Map<string, Map<string, ResultRecord>>();

  constructor(
    private readonly queries: ReadonlyMap<string, QueryState>,
    private readonly company: boolean,
  ) {}

  records(queryId: string): readonly ResultRecord[] {
    return this.queries.get(queryId)?.records ?? [];
  }

  record(queryId: string, key: string): ResultRecord | null {
    if (this.company) return this.records(queryId)[0] ?? null;
    let index = this.byQuery.get(queryId);
    if (!index) {
      index = new Map();
      for (const record of this.records(queryId)) if (!index.has(record.key)) index.set(record.key, record);
      this.byQuery.set(queryId, index);
    }
    return index.get(key) ?? null;
  }

  /** Record keys across the sources' queries, in the order of the first query that has each. */
  keys(sources: readonly RefSource[]): string[] {
    const keys = new Set<string>();
    for (const queryId of new Set(sources.map((source) => source.queryId))) {
      for (const record of this.records(queryId)) {
        keys.add(record.key);
        if (this.company) return [...keys];
      }
    }
    return [...keys];
  }

  /** The first record with this key among the sources' queries (for its name). */
  firstRecord(sources: readonly RefSource[], key: string): ResultRecord | null {
    for (const source of sources) {
      const record = this.record(source.queryId, key);
      if (record) return record;
    }
    return null;
  }
}

export function evaluateRows(
  measures: readonly SourcedMeasure[],
  table: RecordTable,
  options: { total: boolean; timeline: boolean },
): RowValues[] {
  const keys = table.keys(measures.flatMap((measure) => measure.sources));
  if (options.total && keys.length > 1) {
    const values = measures.map((m) => evaluateOrNull(m.expression, totalLookup(m.sources, table, keys)));
    return [{ key: TOTAL_KEY, values, points: null }];
  }
  return keys.map((key) => ({
    key,
    values: measures.map((m) => evaluateOrNull(m.expression, rowLookup(m.sources, table, key))),
    points: options.timeline ? pointsOf(measures, table, key) : null,
  }));
}

function evaluateOrNull(expression: Expression | null, lookup: Lookup): number | null {
  return expression ? evaluate(expression, lookup) : null;
}

function queryOf(sources: readonly RefSource[]): (ref: MetricRef) => string | undefined {
  const byRef = new Map(sources.map((source) => [source.ref, source.queryId]));
  return (ref) => byRef.get(formatMetricRef(ref));
}

/** Metrics of one row; on a timeline record, the sum over its points (the whole window). */
export function rowLookup(sources: readonly RefSource[], table: RecordTable, key: string): Lookup {
  const queryFor = queryOf(sources);
  return (ref) => {
    const queryId = queryFor(ref);
    const record = queryId === undefined ? null : table.record(queryId, key);
    return record ? recordValue(record, ref) : null;
  };
}

function recordValue(record: ResultRecord, ref: MetricRef): number | null {
  if (record.points === null) return readMetric(record, ref);
  if (record.points.length === 0) return null;
  let total = 0;
  for (const point of record.points) {
    const value = readMetric(point, ref);
    if (value === null) return null;
    total += value;
  }
  return total;
}

function totalLookup(sources: readonly RefSource[], table: RecordTable, keys: readonly string[]): Lookup {
  const lookups = keys.map((key) => rowLookup(sources, table, key));
  return (ref) =>
    combineAcrossRows(
      ref,
      lookups.map((lookup) => lookup(ref)),
    );
}

/**
 * One metric over several records (e.g. all queues of a big number), where the API's numbers allow
 * it: sums add up; an average over interval buckets is the sum of the rows' averages (the buckets
 * are the same); the longest or shortest per-call time is the max or min of the rows'. A per-call
 * average, a percent, or a max/min over buckets cannot be rebuilt from the parts: unknown.
 */
export function combineAcrossRows(ref: MetricRef, values: readonly (number | null)[]): number | null {
  if (values.length === 0) return null;
  const known: number[] = [];
  for (const value of values) {
    if (value === null) return null;
    known.push(value);
  }
  if (known.length === 1) return known[0] ?? null;
  const perCall = ref.interval === null;
  if (ref.aggregation === 'Sum' || (ref.aggregation === 'Average' && !perCall)) {
    return known.reduce((sum, value) => sum + value, 0);
  }
  if (ref.aggregation === 'Max' && perCall) return Math.max(...known);
  if (ref.aggregation === 'Min' && perCall) return Math.min(...known);
  return null;
}

/** A timeline row's buckets in time order, each measure evaluated on that bucket's sums. */
function pointsOf(measures: readonly SourcedMeasure[], table: RecordTable, key: string): Point[] {
  const times = new Map<string, number>();
  for (const source of measures.flatMap((measure) => measure.sources)) {
    for (const point of table.record(source.queryId, key)?.points ?? []) {
      if (!times.has(point.time)) times.set(point.time, Date.parse(point.time));
    }
  }
  const ordered = [...times].sort((a, b) => a[1] - b[1] || 0).map(([time]) => time);
  return ordered.map((time) => ({
    time,
    values: measures.map((m) => evaluateOrNull(m.expression, pointLookup(m.sources, table, key, time))),
  }));
}

const pointIndex = new WeakMap<ResultRecord, Map<string, ResultPoint>>();

function pointLookup(sources: readonly RefSource[], table: RecordTable, key: string, time: string): Lookup {
  const queryFor = queryOf(sources);
  return (ref) => {
    const queryId = queryFor(ref);
    const record = queryId === undefined ? null : table.record(queryId, key);
    const point = record ? pointAt(record, time) : null;
    return point ? readMetric(point, ref) : null;
  };
}

function pointAt(record: ResultRecord, time: string): ResultPoint | null {
  let index = pointIndex.get(record);
  if (!index) {
    index = new Map((record.points ?? []).map((point) => [point.time, point]));
    pointIndex.set(record, index);
  }
  return index.get(time) ?? null;
}
