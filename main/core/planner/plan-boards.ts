import type { CallFilters, Grouping } from '../../../contract/api-request';
import { METRICS } from '../../../contract/api-vocabulary';
import {
  dataFactsOf,
  isDataTile,
  type Board,
  type DataTile,
  type Measure,
  type TileDataFacts,
} from '../../../contract/board';
import { metricsOf, parseExpression, type Expression } from '../../../contract/expression';
import { KPIS } from '../../../contract/kpis';
import { formatMetricRef, type MetricRef } from '../../../contract/metric-ref';
import { mergeCallFilters } from './call-filters';
import { groupDemands, type Demand } from './group-queries';
import type { AggregateOption, MeasurePlan, Plan, RefSource, TilePlan, TimeShift } from './plan';
import { apiGrouping, normaliseTime, queryTimeOf, type QueryShape } from './query-identity';
import { PER_PAGE_MAX } from '../../../contract/api-vocabulary';
import { allBoards, type Settings } from '../../../contract/settings';

/**
 * The query planner: turns every data tile of every board into the fewest analytics requests. Each
 * metric a tile's measures read becomes a demand in a request shape (grouping, filters, time, endpoint);
 * demands of the same shape share one request (see group-queries.ts). Reports the requests one refresh
 * of everything takes, which is what the rate budget (50 a minute) has to cover.
 */

export interface PlanOptions {
  readonly defaultRefreshSeconds: number;
  /** Keys a grouping without explicit keys returns (the caller knows the directory), or null if unknown. */
  readonly keyCount?: (grouping: Grouping) => number | null;
}

interface PendingSource {
  readonly ref: string;
  readonly demand: number;
}

interface PendingMeasure {
  readonly measureId: string;
  readonly expression: Expression;
  readonly sources: PendingSource[];
  readonly yesterday: PendingSource[] | null;
}

interface PendingTile {
  readonly boardId: string;
  readonly tileId: string;
  readonly error: string | null;
  readonly measures: PendingMeasure[];
}

/** A measure ready to plan: its formula and the filters it adds to the tile's. */
interface MeasureSpec {
  readonly measure: Measure;
  readonly expression: Expression;
  readonly filters: CallFilters | null;
  readonly refs: MetricRef[];
}

export function planBoards(boards: readonly Board[], options: PlanOptions): Plan {
  const demands: Demand[] = [];
  const pending: PendingTile[] = [];
  for (const board of boards) {
    for (const tile of board.tiles) {
      if (isDataTile(tile)) pending.push(planTile(board, tile, options, demands));
    }
  }
  const { queries, queryIds } = groupDemands(demands, (shape) => expectedPages(shape, options.keyCount));
  const resolve = (sources: PendingSource[]): RefSource[] =>
    sources.map((source) => ({ ref: source.ref, queryId: queryIds[source.demand]! }));
  const tiles = new Map<string, TilePlan>();
  for (const tile of pending) {
    const measures = tile.measures.map((measure): MeasurePlan => ({
      measureId: measure.measureId,
      expression: measure.expression,
      sources: resolve(measure.sources),
      yesterdaySources: measure.yesterday ? resolve(measure.yesterday) : null,
    }));
    tiles.set(tileKey(tile.boardId, tile.tileId), { ...tile, measures });
  }
  const requestsPerRefresh = queries.reduce((sum, query) => sum + query.expectedPages, 0);
  return { queries, tiles, requestsPerRefresh };
}

/** The plan for everything the settings show (the rotation's boards and the pinned strip). */
export function planSettings(settings: Settings, keyCount: PlanOptions['keyCount']): Plan {
  return planBoards(allBoards(settings), {
    defaultRefreshSeconds: settings.polling.defaultRefreshSeconds,
    keyCount,
  });
}

/** The key of a tile in Plan.tiles and PlannedQuery.tileIds (tile ids are unique per board only). */
export function tileKey(boardId: string, tileId: string): string {
  return `${boardId}/${tileId}`;
}

/**
 * Yesterday's whole day no longer changes (only late-completing calls trickle in), so its overlay
 * refreshes rarely instead of spending budget at the live tiles' pace.
 */
const SETTLED_REFRESH_MS = 30 * 60_000;

function planTile(board: Board, tile: DataTile, options: PlanOptions, demands: Demand[]): PendingTile {
  const base = { boardId: board.id, tileId: tile.id };
  const specs = measureSpecs(tile);
  if (typeof specs === 'string') return { ...base, error: specs, measures: [] };
  const key = tileKey(board.id, tile.id);
  const refreshMs = (tile.refreshSeconds ?? options.defaultRefreshSeconds) * 1000;
  const facts = dataFactsOf(tile);
  const yesterdayShift = facts.yesterday;
  const measures = specs.map((spec): PendingMeasure => {
    const sourcesFor = (shift: TimeShift) =>
      spec.refs.map((ref): PendingSource => {
        const shape = shapeOf(board, tile, facts, spec.filters, shift);
        demands.push(
          demandOf(
            shape,
            ref,
            key,
            shift === 'wholeYesterday' ? Math.max(refreshMs, SETTLED_REFRESH_MS) : refreshMs,
          ),
        );
        return { ref: formatMetricRef(ref), demand: demands.length - 1 };
      });
    return {
      measureId: spec.measure.id,
      expression: spec.expression,
      sources: sourcesFor('none'),
      yesterday: yesterdayShift ? sourcesFor(yesterdayShift) : null,
    };
  });
  return { ...base, error: null, measures };
}

/** Every measure's formula and filters, or why the tile cannot be planned. */
function measureSpecs(tile: DataTile): MeasureSpec[] | string {
  const hours: CallFilters | null = tile.query.businessHoursOnly ? { companyHours: ['BusinessHours'] } : null;
  const tileFilters = mergeCallFilters(tile.query.callFilters, hours);
  if (!tileFilters.ok) {
    return `"Business hours only" contradicts the tile's own ${tileFilters.field} filter: no call could match`;
  }
  const specs: MeasureSpec[] = [];
  for (const measure of tile.measures) {
    const kpi = measure.kpi ? KPIS[measure.kpi] : null;
    const name = `Measure "${measure.label ?? kpi?.label ?? measure.id}"`;
    const parsed = parseExpression(kpi?.expression ?? measure.expression ?? '');
    if (!parsed.ok) return `${name}: the formula ${parsed.message}`;
    const merged = mergeCallFilters(tileFilters.filters, kpi?.filters);
    if (!merged.ok) {
      return `${name} counts only calls the tile's ${merged.field} filter excludes, so it can never have a value`;
    }
    const refs = metricsOf(parsed.expression);
    const problem = dataFactsOf(tile).sumsOnly ? timelineProblem(refs) : null;
    if (problem) return `${name} uses ${problem}`;
    specs.push({ measure, expression: parsed.expression, filters: merged.filters, refs });
  }
  return specs;
}

/** Timeline points are sums per interval: any other aggregation cannot be plotted. */
function timelineProblem(refs: readonly MetricRef[]): string | null {
  const bad = refs.find((ref) => ref.aggregation !== 'Sum' || ref.interval !== null);
  if (!bad) return null;
  return (
    `${formatMetricRef(bad)}, but a timeline plots sums per interval; ` +
    `remove "@${bad.aggregation}${bad.interval ? `/${bad.interval}` : ''}" or show it on another tile type`
  );
}

function shapeOf(
  board: Board,
  tile: DataTile,
  facts: TileDataFacts,
  filters: CallFilters | null,
  shift: TimeShift,
): QueryShape {
  return {
    endpoint: facts.endpoint,
    interval: facts.interval,
    grouping: apiGrouping(tile.query.grouping),
    callFilters: filters,
    time: normaliseTime(queryTimeOf(board, tile.query, shift)),
  };
}

function demandOf(shape: QueryShape, ref: MetricRef, tileKey: string, refreshMs: number): Demand {
  const info = METRICS.get(ref.metric);
  if (!info) throw new Error(`unknown metric ${ref.metric}`);
  const option: AggregateOption | true =
    shape.endpoint === 'timeline'
      ? true
      : { aggregationType: ref.aggregation, ...(ref.interval ? { aggregationInterval: ref.interval } : {}) };
  return { shape, family: info.family, metric: info.request, option, tileKey, refreshMs };
}

/** Pages one refresh takes: explicit keys, else what the directory knows, else one. */
function expectedPages(shape: QueryShape, keyCount: PlanOptions['keyCount']): number {
  const count = estimateKeys(shape.grouping, keyCount);
  return count === null ? 1 : Math.max(1, Math.ceil(count / PER_PAGE_MAX[shape.endpoint]));
}

/**
 * Records the API returns for a grouping. For groupByMembers the keys are groups, not the users the
 * records are about, so only the directory can tell.
 */
function estimateKeys(grouping: Grouping, keyCount: PlanOptions['keyCount']): number | null {
  if (grouping.groupBy !== undefined && grouping.keys) return grouping.keys.length;
  const known = keyCount?.(grouping) ?? null;
  if (known !== null) return known;
  return grouping.groupBy === 'Company' ? 1 : null;
}
