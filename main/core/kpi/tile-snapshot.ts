import {
  dataFactsOf,
  isDataTile,
  type Board,
  type DataTile,
  type Measure,
  type Tile,
  type TileDataFacts,
} from '../../../contract/board';
import { TILE_DESCRIPTORS, type Ranking } from '../../../contract/tile-types';
import { KPIS } from '../../../contract/kpis';
import type { MeasureInfo, Point, Row, TileSnapshot } from '../../../contract/snapshot';
import type { QueryState } from '../poller/query-state';
import type { TilePlan } from '../planner/plan';
import { freezeDeep } from './freeze';
import { freshnessOf } from './freshness';
import { RecordTable, TOTAL_KEY, evaluateRows, type RowValues, type SourcedMeasure } from './rows';
import { levelOf, tileStateOf } from './thresholds';

/**
 * One tile's snapshot: its measures evaluated on the last good answers of the queries the plan
 * names, threshold levels, freshness and the tile's state. Values are never dropped because the
 * latest refresh failed; the tile says so (`error`, `stale`) and keeps showing what it last knew.
 */

export interface TileSnapshotInput {
  readonly tile: Tile;
  readonly board: Board;
  readonly plan: TilePlan | undefined;
  readonly queries: ReadonlyMap<string, QueryState>;
  readonly names: (key: string) => { name: string; extensionNumber: string | null } | null;
  readonly now: number;
  readonly staleAfterMisses: number;
  readonly windowLabel: string;
}

interface PlannedMeasure {
  readonly today: SourcedMeasure;
  readonly yesterday: SourcedMeasure | null;
}

export function buildTileSnapshot(input: TileSnapshotInput): TileSnapshot {
  const { tile } = input;
  const base = {
    id: tile.id,
    ...typeAndOptions(tile),
    title: tile.title,
    layout: { ...tile.layout },
    windowLabel: input.windowLabel,
  };
  if (!isDataTile(tile)) {
    const still = { state: 'ok', asOf: null, stale: false, error: null } as const;
    const empty = { measures: [], rows: [], totals: null, yesterday: null };
    return freezeDeep({ ...base, ...still, ...empty } as TileSnapshot);
  }
  // `base` carries a type and that type's options (typeAndOptions); the spread loses the pairing.
  return freezeDeep({ ...base, ...dataPart(input, tile) } as TileSnapshot);
}

type DataPart = Omit<TileSnapshot, 'id' | 'type' | 'title' | 'layout' | 'options' | 'windowLabel'>;

function dataPart(input: TileSnapshotInput, tile: DataTile): DataPart {
  const facts = dataFactsOf(tile);
  const planned = tile.measures.map((measure) => plannedMeasure(input.plan, measure));
  const table = new RecordTable(input.queries, isCompany(tile));
  const counts = tile.measures.every((measure) => measureInfo(measure).unit === 'count');
  const shape = { total: facts.rows === 'total', timeline: facts.endpoint === 'timeline' };
  const measures = planned.map((m) => m.today);
  const today = sumLines(evaluateRows(measures, table, shape), facts, { counts, measures: planned.length });
  const rows = arrange(
    facts.ranking,
    tile,
    today.map((row) => toRow(row, tile, planned, table, input.names)),
  );
  const freshness = freshnessOf({
    queryIds: queryIdsOf(planned.map((m) => m.today)),
    yesterdayIds: queryIdsOf(planned.flatMap((m) => (m.yesterday ? [m.yesterday] : []))),
    queries: input.queries,
    now: input.now,
    staleAfterMisses: input.staleAfterMisses,
    planError: input.plan?.error ?? null,
  });
  const levels = rows.flatMap((row) => row.levels);
  return {
    state: tileStateOf({ hasData: freshness.asOf !== null, stale: freshness.stale, levels }),
    ...freshness,
    measures: tile.measures.map(measureInfo),
    rows,
    totals: facts.totals
      ? (evaluateRows(measures, table, { total: true, timeline: false })[0]?.values ?? null)
      : null,
    yesterday: yesterdayOf(planned, table, shape, { todayKey: rows[0]?.key, facts, counts }),
  };
}

/**
 * Rows of counts summed into one total row when a chart could not draw a line each (rows × measures
 * over the type's maxLines) or when yesterday's total is overlaid and needs a like-for-like line.
 * Rates and averages cannot be summed, so those keep a row each.
 */
function sumLines(
  rows: RowValues[],
  facts: TileDataFacts,
  tile: { counts: boolean; measures: number },
): RowValues[] {
  if (facts.maxLines === null || rows.length < 2 || !tile.counts) return rows;
  const tooMany = rows.length * tile.measures > facts.maxLines;
  if (!tooMany && facts.yesterday === null) return rows;
  const values = Array.from({ length: tile.measures }, (_, m) => sumKnown(rows.map((row) => row.values[m])));
  return [{ key: TOTAL_KEY, values, points: sumPoints(rows, tile.measures) }];
}

function sumKnown(values: readonly (number | null | undefined)[]): number | null {
  let total: number | null = null;
  for (const value of values) if (value !== null && value !== undefined) total = (total ?? 0) + value;
  return total;
}

function plannedMeasure(plan: TilePlan | undefined, measure: Measure): PlannedMeasure {
  const found = plan?.measures.find((m) => m.measureId === measure.id);
  if (!found) return { today: { expression: null, sources: [] }, yesterday: null };
  return {
    today: { expression: found.expression, sources: found.sources },
    yesterday: found.yesterdaySources
      ? { expression: found.expression, sources: found.yesterdaySources }
      : null,
  };
}

function isCompany(tile: DataTile): boolean {
  const grouping = tile.query.grouping;
  return grouping.kind === 'groupBy' && grouping.groupBy === 'Company';
}

function queryIdsOf(measures: readonly SourcedMeasure[]): string[] {
  return [...new Set(measures.flatMap((measure) => measure.sources.map((source) => source.queryId)))];
}

function toRow(
  row: RowValues,
  tile: DataTile,
  planned: readonly PlannedMeasure[],
  table: RecordTable,
  names: TileSnapshotInput['names'],
): Row {
  const identity = identityOf(row.key, planned, table, names);
  return {
    key: row.key,
    ...identity,
    values: row.values,
    levels: row.values.map((value, m) => levelOf(value, tile.measures[m]?.thresholds)),
    points: row.points,
  };
}

/** The record's own name, else the directory's, else the key, so a row is never blank. */
function identityOf(
  key: string,
  planned: readonly PlannedMeasure[],
  table: RecordTable,
  names: TileSnapshotInput['names'],
): { name: string; extensionNumber: string | null } {
  if (key === TOTAL_KEY) return { name: 'Total', extensionNumber: null };
  const record = table.firstRecord(
    planned.flatMap((m) => m.today.sources),
    key,
  );
  const known = names(key);
  return {
    name: record?.name ?? known?.name ?? key,
    extensionNumber: record?.extensionNumber ?? known?.extensionNumber ?? null,
  };
}

/** Ranked tiles order rows by their sort measure (unknown last, then by name) and keep the top rows. */
function arrange(ranking: Ranking | null, tile: DataTile, rows: Row[]): Row[] {
  if (ranking === null) return rows;
  const index = Math.max(
    0,
    tile.measures.findIndex((measure) => measure.id === ranking.sortBy),
  );
  const direction = ranking.order === 'asc' ? 1 : -1;
  const ranked = [...rows].sort((a, b) => {
    const va = a.values[index] ?? null;
    const vb = b.values[index] ?? null;
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
    } else if (va !== vb) return (va - vb) * direction;
    return a.name.localeCompare(b.name);
  });
  return ranked.slice(0, ranking.limit);
}

function yesterdayOf(
  planned: readonly PlannedMeasure[],
  table: RecordTable,
  shape: { total: boolean; timeline: boolean },
  options: { todayKey: string | undefined; facts: TileDataFacts; counts: boolean },
): TileSnapshot['yesterday'] {
  if (!planned.some((m) => m.yesterday)) return null;
  const measures = planned.map((m) => m.yesterday ?? { expression: null, sources: [] });
  const rows = sumLines(evaluateRows(measures, table, shape), options.facts, {
    counts: options.counts,
    measures: measures.length,
  });
  // Summed the same way as today's rows; otherwise yesterday's line is that of the row shown first today.
  if (rows[0]?.key === TOTAL_KEY && shape.timeline) {
    return { values: measures.map(() => null), points: rows[0].points };
  }
  const row = rows.find((r) => r.key === options.todayKey) ?? rows[0];
  return {
    values: row?.values ?? measures.map(() => null),
    points: shape.timeline ? (row?.points ?? null) : null,
  };
}

/** Bucket by bucket, each measure summed over the rows; a bucket unknown in every row stays unknown. */
function sumPoints(rows: readonly RowValues[], measureCount: number): Point[] {
  const byTime = new Map<string, (number | null)[]>();
  for (const row of rows) {
    for (const point of row.points ?? []) {
      const sums = byTime.get(point.time) ?? Array.from({ length: measureCount }, () => null);
      point.values.forEach((value, m) => {
        if (value !== null) sums[m] = (sums[m] ?? 0) + value;
      });
      byTime.set(point.time, sums);
    }
  }
  return [...byTime.entries()]
    .sort(([a], [b]) => Date.parse(a) - Date.parse(b))
    .map(([time, values]) => ({ time, values }));
}

function measureInfo(measure: Measure): MeasureInfo {
  const kpi = measure.kpi ? KPIS[measure.kpi] : null;
  const label = measure.label ?? kpi?.label ?? measure.expression ?? measure.id;
  return {
    id: measure.id,
    label,
    // A KPI's own short label only stands in for its own label, not for one the user wrote.
    shortLabel: measure.shortLabel ?? (measure.label === undefined ? kpi?.short : undefined) ?? label,
    unit: measure.unit ?? kpi?.unit ?? 'count',
    target: measure.target ?? null,
    thresholds: measure.thresholds ? { ...measure.thresholds } : null,
  };
}

/** The tile type's own options (its descriptor names them), copied so a screen needs nothing else. */
function typeAndOptions(tile: Tile): Pick<TileSnapshot, 'type' | 'options'> {
  const own = tile as unknown as Record<string, unknown>;
  const names = Object.keys(TILE_DESCRIPTORS[tile.type].options);
  const options = Object.fromEntries(
    names.filter((name) => own[name] !== undefined).map((name) => [name, own[name]]),
  );
  // The names are the type's own option names and a parsed tile has them all (defaults filled in),
  // so this is the type's snapshot options; TypeScript cannot pair the union members itself.
  return { type: tile.type, options } as Pick<TileSnapshot, 'type' | 'options'>;
}
