import { BoardSchema, TileSchema, type Board, type Tile } from '../../../../contract/board';
import { metricsOf, parseExpression } from '../../../../contract/expression';
import { KPIS, type KpiId } from '../../../../contract/kpis';
import { formatMetricRef, type MetricRef } from '../../../../contract/metric-ref';
import type { QueryState } from '../../../../main/core/poller/query-state';
import type { RefSource, TilePlan } from '../../../../main/core/planner/plan';
import type { ResultRecord } from '../../../../main/core/analytics/records';

/**
 * Tiles, plans and query states for the KPI engine tests, built by hand so the engine is tested on
 * its own. Boards go through BoardSchema (defaults applied), plans route each metric the way the
 * planner does: one query per filter set and aggregation, because the API takes one aggregation per
 * metric per request.
 */

export const NOW = Date.parse('2026-11-25T15:00:00Z');
export const MINUTE = 60_000;

type Json = Record<string, unknown>;
type Values = Record<string, number | Record<string, number>>;

export function tile(id: string, type: string, measures: Json[], extra: Json = {}): Json {
  return {
    id,
    type,
    title: id,
    layout: { x: 0, y: 0, w: 1, h: 1 },
    query: { grouping: { kind: 'groupBy', groupBy: 'Queues' }, window: { kind: 'today' } },
    measures,
    ...extra,
  };
}

export const company = { grouping: { kind: 'groupBy', groupBy: 'Company' }, window: { kind: 'today' } };
export const kpi = (name: KpiId, extra: Json = {}): Json => ({ id: name.toLowerCase(), kpi: name, ...extra });
export const expr = (id: string, expression: string, extra: Json = {}): Json => ({
  id,
  expression,
  ...extra,
});

export function board(tiles: Json[], extra: Json = {}): Board {
  return BoardSchema.parse({
    id: 'b',
    name: 'Board',
    timeZone: 'Europe/London',
    grid: { columns: 24, rows: 24 },
    tiles: tiles.map((t, i) => ({ ...t, layout: { x: i % 24, y: Math.floor(i / 24), w: 1, h: 1 } })),
    ...extra,
  });
}

export function parsedTile(input: Json): Tile {
  return TileSchema.parse(input);
}

/** The query a metric is read from: filters of its KPI, then its aggregation (e.g. `all:Max`). */
export function queryIdFor(ref: MetricRef, filtered: boolean, yesterday = false): string {
  const aggregation = ref.interval ? `${ref.aggregation}/${ref.interval}` : ref.aggregation;
  return `${filtered ? 'answered' : 'all'}:${aggregation}${yesterday ? ':yesterday' : ''}`;
}

/** A TilePlan as the planner would make it for this tile (yesterday sources when asked for). */
export function planOf(
  b: Board,
  t: Tile,
  options: { yesterday?: boolean; error?: string } = {},
): TilePlan | undefined {
  // The planner plans data tiles only.
  if (t.type === 'clock' || t.type === 'text') return undefined;
  const measures = t.measures.map((measure) => {
    const definition = measure.kpi ? KPIS[measure.kpi] : null;
    const parsed = parseExpression(definition?.expression ?? measure.expression ?? '');
    if (!parsed.ok) throw new Error(parsed.message);
    const refs = metricsOf(parsed.expression);
    const sources = (yesterday: boolean): RefSource[] =>
      refs.map((ref) => ({
        ref: formatMetricRef(ref),
        queryId: queryIdFor(ref, definition?.filters !== undefined, yesterday),
      }));
    return {
      measureId: measure.id,
      expression: parsed.expression,
      sources: sources(false),
      yesterdaySources: options.yesterday ? sources(true) : null,
    };
  });
  return { boardId: b.id, tileId: t.id, measures, error: options.error ?? null };
}

export function record(
  key: string,
  counters: Values,
  timers: Values = {},
  name: string | null = null,
): ResultRecord {
  return { key, name, extensionNumber: null, counters, timers, points: null };
}

export function timelineRecord(
  key: string,
  points: { time: string; counters?: Values; timers?: Values }[],
  name: string | null = null,
): ResultRecord {
  return {
    key,
    name,
    extensionNumber: null,
    counters: {},
    timers: {},
    points: points.map((p) => ({ time: p.time, counters: p.counters ?? {}, timers: p.timers ?? {} })),
  };
}

export function state(
  queryId: string,
  records: ResultRecord[] | null,
  extra: Partial<QueryState> = {},
): QueryState {
  return {
    queryId,
    records,
    fetchedAt: records ? NOW - MINUTE : null,
    error: null,
    errorKind: null,
    consecutiveFailures: 0,
    refreshMs: 30_000,
    ...extra,
  };
}

export function statesOf(...states: QueryState[]): Map<string, QueryState> {
  return new Map(states.map((s) => [s.queryId, s]));
}

/** Directory names for keys the records leave unnamed. */
export const names = (key: string) =>
  ({
    q1: { name: 'Support', extensionNumber: '500' },
    u9: { name: 'Directory Name', extensionNumber: '109' },
  })[key] ?? null;
