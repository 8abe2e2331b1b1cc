import { AGGREGATION_TYPES, INTERVALS, type MetricFamily } from '../../../contract/api-vocabulary';
import type { AggregateOption, PlannedQuery } from './plan';
import { identityKey, shortHash, zoneMatters, type QueryShape } from './query-identity';

/**
 * Metric demands to requests. Demands with the same identity share a request with the union of their
 * response options. The API takes one aggregation per metric name per request, so when two demands
 * want the same metric aggregated differently the second goes into another request of the same
 * identity (a layer). Layer n holds every metric's n-th option, so the number of layers is the largest
 * number of different options any one metric needs: no grouping can do with fewer.
 */

/** One metric one tile needs, in one request shape. */
export interface Demand {
  readonly shape: QueryShape;
  readonly family: MetricFamily;
  /** Request name, e.g. "callsSegmentsDuration". */
  readonly metric: string;
  readonly option: AggregateOption | true;
  readonly tileKey: string;
  readonly refreshMs: number;
}

export interface GroupedQueries {
  readonly queries: PlannedQuery[];
  /** The id of the query that answers each demand, by the demand's index. */
  readonly queryIds: readonly string[];
}

interface Bucket {
  readonly identity: string;
  /** Which zone split of a zone-free identity ('' when the identity includes its zone). */
  readonly sub: string;
  readonly zone: string;
  readonly members: number[];
}

export function groupDemands(
  demands: readonly Demand[],
  expectedPages: (shape: QueryShape) => number,
): GroupedQueries {
  const queries: PlannedQuery[] = [];
  const queryIds: string[] = new Array<string>(demands.length).fill('');
  for (const bucket of bucketsOf(demands)) {
    const layers = layersOf(bucket.members, demands);
    layers.forEach((members, layer) => {
      const query = buildQuery(bucket, layer, members, demands, expectedPages);
      queries.push(query);
      for (const index of members) queryIds[index] = query.id;
    });
  }
  return { queries, queryIds };
}

function bucketsOf(demands: readonly Demand[]): Bucket[] {
  const byIdentity = new Map<string, number[]>();
  demands.forEach((demand, index) => {
    const zone = zoneMatters(demand.shape) ? demand.shape.time.timeZone : null;
    pushTo(byIdentity, identityKey(demand.shape, zone), index);
  });
  const buckets = [...byIdentity].flatMap(([identity, members]) => splitByZone(identity, members, demands));
  return buckets.sort((a, b) => compareText(a.identity, b.identity) || compareText(a.sub, b.sub));
}

/**
 * In a zone-free identity (rolling or custom window, no day/hour restriction) only per-interval
 * aggregations need a zone: those split by zone, and everything else rides along with the first split.
 */
function splitByZone(identity: string, members: number[], demands: readonly Demand[]): Bucket[] {
  const zoneOf = (index: number) => demands[index]!.shape.time.timeZone;
  if (zoneMatters(demands[members[0]!]!.shape))
    return [{ identity, sub: '', zone: zoneOf(members[0]!), members }];
  const byZone = new Map<string, number[]>();
  const free: number[] = [];
  for (const index of members) {
    const option = demands[index]!.option;
    if (option !== true && option.aggregationInterval) pushTo(byZone, zoneOf(index), index);
    else free.push(index);
  }
  const zones = [...byZone.keys()].sort(compareText);
  const first = zones[0];
  if (first === undefined) {
    const zone = free.map(zoneOf).sort(compareText)[0] ?? 'UTC';
    return [{ identity, sub: '*', zone, members: free }];
  }
  byZone.get(first)!.push(...free);
  return zones.map((zone) => ({ identity, sub: zone, zone, members: byZone.get(zone)! }));
}

/** Members per layer: each metric's options in a fixed order, the n-th option in layer n. */
function layersOf(members: readonly number[], demands: readonly Demand[]): number[][] {
  const optionsByMetric = new Map<string, string[]>();
  for (const index of members) {
    const demand = demands[index]!;
    const key = `${demand.family}:${demand.metric}`;
    const seen = optionsByMetric.get(key) ?? [];
    const option = optionKey(demand.option);
    if (!seen.includes(option)) seen.push(option);
    optionsByMetric.set(key, seen);
  }
  for (const options of optionsByMetric.values()) options.sort(compareText);
  const layers: number[][] = [];
  for (const index of members) {
    const demand = demands[index]!;
    const layer = optionsByMetric.get(`${demand.family}:${demand.metric}`)!.indexOf(optionKey(demand.option));
    while (layers.length <= layer) layers.push([]);
    layers[layer]!.push(index);
  }
  return layers;
}

/** Sortable text for an option: Sum first (the common case stays in layer 0), then the API's order. */
function optionKey(option: AggregateOption | true): string {
  if (option === true) return 'true';
  const type = AGGREGATION_TYPES.indexOf(option.aggregationType);
  const interval = option.aggregationInterval ? INTERVALS.indexOf(option.aggregationInterval) + 1 : 0;
  return `${type}:${interval}`;
}

function buildQuery(
  bucket: Bucket,
  layer: number,
  members: readonly number[],
  demands: readonly Demand[],
  expectedPages: (shape: QueryShape) => number,
): PlannedQuery {
  const mine = members.map((index) => demands[index]!);
  const shape = mine[0]!.shape;
  const prefix = shape.endpoint === 'aggregate' ? 'agg' : 'tl';
  return {
    id: `${prefix}-${shortHash(`${bucket.identity}|${bucket.sub}|${layer}`)}`,
    endpoint: shape.endpoint,
    interval: shape.interval,
    grouping: shape.grouping,
    callFilters: shape.callFilters,
    time: { ...shape.time, timeZone: bucket.zone },
    counters: optionsOf(mine, 'counters'),
    timers: optionsOf(mine, 'timers'),
    refreshMs: Math.min(...mine.map((demand) => demand.refreshMs)),
    expectedPages: expectedPages(shape),
    tileIds: [...new Set(mine.map((demand) => demand.tileKey))].sort(compareText),
  };
}

function optionsOf(demands: readonly Demand[], family: MetricFamily): Record<string, AggregateOption | true> {
  const entries = demands
    .filter((demand) => demand.family === family)
    .map((demand) => [demand.metric, demand.option] as const)
    .sort(([a], [b]) => compareText(a, b));
  return Object.fromEntries(entries);
}

function pushTo<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
