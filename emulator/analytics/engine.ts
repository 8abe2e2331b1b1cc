import type { CallStore } from '../data/call-store';
import type { CompiledCall, CompiledView } from '../data/calls';
import type { Directory } from '../data/directory';
import { compileFilters } from './filters';
import { planGrouping, type GroupPlan, type KeyInfo } from './grouping';
import type { MetricPart } from './metrics';
import type { AnalyticsQuery, MetricRequest } from './query';
import { Tally } from './tally';
import { bucketIncluded, bucketIndex, bucketsOf, makeLocalTimeFilter, type Buckets } from './time';
import type { GroupBy, Interval } from './vocabulary';

/**
 * The analytics engine: counts calls into records the way DESIGN.md §4 specifies and formats every
 * value as the current API does. Only the records on the requested page are computed.
 */

export type ValueType = 'Instances' | 'Seconds' | 'Percent';
export interface MetricValue {
  valueType: ValueType;
  values: number | Record<string, number>;
}
export type MetricMap = Record<string, MetricValue>;

export interface AggregateRecord {
  key: string;
  info?: KeyInfo;
  counters?: MetricMap;
  timers?: MetricMap;
}

export interface TimelinePoint {
  time: string;
  counters?: MetricMap;
  timers?: MetricMap;
}

export interface TimelineRecord {
  key: string;
  info?: KeyInfo;
  points: TimelinePoint[];
}

export interface PageRequest {
  page: number;
  perPage: number;
}

export interface Paging {
  page: number;
  perPage: number;
  totalPages: number;
  totalElements: number;
}

export interface EngineResult<R> {
  groupedBy: GroupBy;
  records: R[];
  paging: Paging;
}

const EMPTY = new Tally();

interface BucketSeries {
  readonly interval: Interval;
  readonly buckets: Buckets;
  /** Whether each bucket has any included time (includeDays / includeHours). */
  readonly included: readonly boolean[];
}

export class AnalyticsEngine {
  constructor(
    private readonly store: CallStore,
    private readonly directory: () => Directory,
  ) {}

  aggregate(query: AnalyticsQuery, pageRequest: PageRequest): EngineResult<AggregateRecord> {
    const plan = planGrouping(query.grouping, this.directory());
    const { pageKeys, paging } = paginate(plan.keys, pageRequest);
    const series = distinctIntervals(query).map((interval) => seriesOf(query, interval));
    const totals = new Map<string, Tally>();
    const perBucket = new Map<string, Array<Array<Tally | undefined>>>();
    for (const key of pageKeys) {
      totals.set(key, new Tally());
      perBucket.set(
        key,
        series.map(() => []),
      );
    }
    this.scan(query, plan, new Set(pageKeys), (key, view, call) => {
      totals.get(key)!.add(view, call);
      if (series.length === 0) return;
      const lists = perBucket.get(key)!;
      for (let i = 0; i < series.length; i++) {
        const index = bucketIndex(series[i]!.buckets.starts, call.start);
        (lists[i]![index] ??= new Tally()).add(view, call);
      }
    });
    const records = pageKeys.map((key): AggregateRecord => {
      const tally = totals.get(key)!;
      const bucketTallies = perBucket.get(key)!;
      const valueOf = (request: MetricRequest, kind: Kind) =>
        metricValue(request, kind, tally, (interval) => {
          const i = series.findIndex((s) => s.interval === interval);
          return { tallies: bucketTallies[i]!, series: series[i]! };
        });
      return withMetrics({ key, info: plan.info(key) }, query, valueOf);
    });
    return { groupedBy: plan.groupedBy, records, paging };
  }

  timeline(
    query: AnalyticsQuery,
    interval: Interval,
    pageRequest: PageRequest,
  ): EngineResult<TimelineRecord> {
    const plan = planGrouping(query.grouping, this.directory());
    const { pageKeys, paging } = paginate(plan.keys, pageRequest);
    const { starts } = bucketsOf(query.window.zone, interval, query.window.from, query.window.to);
    const perBucket = new Map<string, Array<Tally | undefined>>(pageKeys.map((key) => [key, []]));
    this.scan(query, plan, new Set(pageKeys), (key, view, call) => {
      const list = perBucket.get(key)!;
      (list[bucketIndex(starts, call.start)] ??= new Tally()).add(view, call);
    });
    const records = pageKeys.map((key): TimelineRecord => {
      const list = perBucket.get(key)!;
      const points = starts.map((start, i) => {
        const tally = list[i] ?? EMPTY;
        return withMetrics({ time: new Date(start).toISOString() }, query, (request, kind) =>
          metricValue(request, kind, tally, null),
        );
      });
      return { key, info: plan.info(key), points };
    });
    return { groupedBy: plan.groupedBy, records, paging };
  }

  /** Every (record, view) pair the query counts, in start-time order. */
  private scan(
    query: AnalyticsQuery,
    plan: GroupPlan,
    wanted: ReadonlySet<string>,
    onView: (key: string, view: CompiledView, call: CompiledCall) => void,
  ): void {
    if (wanted.size === 0) return;
    const localTime = makeLocalTimeFilter(query.window);
    const filters = compileFilters(query.filters);
    const { calls, begin, end } = this.store.range(query.window.from, query.window.to);
    let call: CompiledCall;
    // One emitter for the whole scan: a closure per call would cost more than the counting.
    const viewFilter = filters.view;
    const emit = viewFilter
      ? (key: string, view: CompiledView) => {
          if (viewFilter(view, call)) onView(key, view, call);
        }
      : (key: string, view: CompiledView) => onView(key, view, call);
    for (let i = begin; i < end; i++) {
      call = calls[i]!;
      if (localTime && !localTime(call.start)) continue;
      if (filters.call && !filters.call(call)) continue;
      plan.views(call, wanted, emit);
    }
  }
}

type Kind = 'counter' | 'timer';
type BucketLookup = (interval: Interval) => {
  tallies: ReadonlyArray<Tally | undefined>;
  series: BucketSeries;
};

function withMetrics<T extends object>(
  target: T,
  query: AnalyticsQuery,
  valueOf: (request: MetricRequest, kind: Kind) => MetricValue,
): T & { counters?: MetricMap; timers?: MetricMap } {
  const result: T & { counters?: MetricMap; timers?: MetricMap } = target;
  if (query.counters.length > 0) {
    result.counters = Object.fromEntries(
      query.counters.map((r) => [r.metric.response, valueOf(r, 'counter')]),
    );
  }
  if (query.timers.length > 0) {
    result.timers = Object.fromEntries(query.timers.map((r) => [r.metric.response, valueOf(r, 'timer')]));
  }
  return result;
}

function metricValue(
  request: MetricRequest,
  kind: Kind,
  tally: Tally,
  buckets: BucketLookup | null,
): MetricValue {
  const valueType: ValueType =
    request.aggregation === 'Percent' ? 'Percent' : kind === 'counter' ? 'Instances' : 'Seconds';
  const value = (part: MetricPart) => partValue(request, kind, part, tally, buckets);
  const { metric } = request;
  const values = metric.scalar
    ? value(metric.parts[0]!)
    : Object.fromEntries(metric.parts.map((part) => [part.key!, value(part)]));
  return { valueType, values };
}

function partValue(
  request: MetricRequest,
  kind: Kind,
  part: MetricPart,
  tally: Tally,
  buckets: BucketLookup | null,
): number {
  const read = (t: Tally) => (kind === 'counter' ? t.count(part.slot) : t.seconds(part.slot));
  switch (request.aggregation) {
    case 'Sum':
      return read(tally);
    case 'Percent': {
      const denominatorSlot = { kind: 'category', index: part.denominator } as const;
      const denominator = kind === 'counter' ? tally.count(denominatorSlot) : tally.seconds(denominatorSlot);
      return denominator > 0 ? (100 * read(tally)) / denominator : 0;
    }
    default:
      if (request.interval && buckets) return overBuckets(request, buckets(request.interval), read);
      return perView(request, part, tally);
  }
}

/** Min, Max or Average of per-bucket sums, over the buckets that contain included time. */
function overBuckets(
  request: MetricRequest,
  { tallies, series }: ReturnType<BucketLookup>,
  read: (t: Tally) => number,
): number {
  const values: number[] = [];
  series.included.forEach((included, i) => {
    if (included) values.push(read(tallies[i] ?? EMPTY));
  });
  if (values.length === 0) return 0;
  if (request.aggregation === 'Min') return Math.min(...values);
  if (request.aggregation === 'Max') return Math.max(...values);
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Timers without an interval aggregate per call: over the views that match the breakdown part. */
function perView(request: MetricRequest, part: MetricPart, tally: Tally): number {
  if (request.aggregation === 'Min') return tally.minSeconds(part.slot);
  if (request.aggregation === 'Max') return tally.maxSeconds(part.slot);
  const count = tally.count(part.slot);
  return count > 0 ? tally.seconds(part.slot) / count : 0;
}

function distinctIntervals(query: AnalyticsQuery): Interval[] {
  const intervals = new Set<Interval>();
  for (const request of [...query.counters, ...query.timers]) {
    if (request.interval && request.aggregation !== 'Sum' && request.aggregation !== 'Percent') {
      intervals.add(request.interval);
    }
  }
  return [...intervals];
}

function seriesOf(query: AnalyticsQuery, interval: Interval): BucketSeries {
  const buckets = bucketsOf(query.window.zone, interval, query.window.from, query.window.to);
  const included = buckets.starts.map((start, i) =>
    bucketIncluded(query.window, start, buckets.starts[i + 1] ?? buckets.end),
  );
  return { interval, buckets, included };
}

function paginate(keys: readonly string[], { page, perPage }: PageRequest) {
  const totalElements = keys.length;
  const pageKeys = keys.slice((page - 1) * perPage, page * perPage);
  return {
    pageKeys,
    paging: { page, perPage, totalPages: Math.ceil(totalElements / perPage), totalElements },
  };
}
