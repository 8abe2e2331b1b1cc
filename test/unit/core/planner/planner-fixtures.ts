import { BoardSchema, type Board } from '../../../../contract/board';
import { formatMetricRef, parseMetricRef } from '../../../../contract/metric-ref';
import type { AggregateOption, Plan, PlannedQuery } from '../../../../main/core/planner/plan';
import { METRICS } from '../../../../contract/api-vocabulary';

/**
 * Boards for the planner tests, built through BoardSchema so every fixture is a board the settings
 * window could have saved (defaults applied, ids and layout checked).
 */

export const QUEUES = ['q-support', 'q-sales', 'q-billing'];

type TileInput = Record<string, unknown>;

/** A data tile on the queues, today, unless `extra` says otherwise (board() lays tiles out). */
export function tile(id: string, type: string, measures: unknown[], extra: TileInput = {}): TileInput {
  return {
    id,
    type,
    title: id,
    query: { grouping: { kind: 'groupBy', groupBy: 'Queues', keys: QUEUES }, window: { kind: 'today' } },
    measures,
    ...extra,
  };
}

/** A measure showing a named KPI; its id is the KPI's name in kebab case. */
export const kpi = (name: string, label?: string) => ({
  id: name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`),
  kpi: name,
  ...(label ? { label } : {}),
});
export const expr = (id: string, expression: string) => ({ id, expression });

export function board(tiles: TileInput[], extra: Record<string, unknown> = {}): Board {
  return BoardSchema.parse({
    id: 'queues',
    name: 'Queues',
    timeZone: 'Europe/London',
    grid: { columns: 24, rows: 24 },
    tiles: tiles.map((t, i) => ({ ...t, layout: { x: i % 24, y: Math.floor(i / 24), w: 1, h: 1 } })),
    ...extra,
  });
}

/**
 * The 12-tile queue board of the brief: eight big numbers, a queue grid with five KPI columns, an
 * hourly timeline, a donut of call results and an agent leaderboard.
 */
export function queueBoard(): Board {
  return board([
    tile('offered', 'bigNumber', [kpi('offered')], { compareYesterday: true }),
    tile('answered', 'bigNumber', [kpi('answered')]),
    tile('answer-rate', 'bigNumber', [kpi('answerRate')]),
    tile('service-level', 'bigNumber', [kpi('serviceLevel')]),
    tile('abandon-rate', 'bigNumber', [kpi('abandonRate')]),
    tile('asa', 'bigNumber', [kpi('avgTimeToAnswer')]),
    tile('longest-wait', 'bigNumber', [kpi('longestWait')]),
    tile('aht', 'bigNumber', [kpi('aht')]),
    tile('grid', 'queueGrid', [
      kpi('offered'),
      kpi('answerRate'),
      kpi('serviceLevel'),
      kpi('abandonRate'),
      kpi('avgTimeToAnswer'),
    ]),
    tile('hourly', 'timeline', [kpi('offered'), kpi('answered')], { interval: 'Hour' }),
    tile('results', 'donut', [
      expr('completed', 'callsByResult.completed'),
      expr('abandoned', 'callsByResult.abandoned'),
      expr('voicemail', 'callsByResult.voicemail'),
      expr('missed', 'callsByResult.missed'),
    ]),
    tile('agents', 'leaderboard', [kpi('answered'), kpi('aht')], {
      query: { grouping: { kind: 'groupBy', groupBy: 'Users' }, window: { kind: 'today' } },
    }),
  ]);
}

/** The option a planned query carries for a metric reference, or undefined. */
export function optionFor(query: PlannedQuery, refText: string): AggregateOption | true | undefined {
  const parsed = parseMetricRef(refText);
  if (!parsed.ok) throw new Error(parsed.message);
  const info = METRICS.get(parsed.ref.metric)!;
  return query[info.family][info.request];
}

/**
 * Every source of every measure points at a query that asks for its metric the way the reference
 * wants it (Sum for timelines): the invariant that makes a plan executable.
 */
export function sourceProblems(plan: Plan): string[] {
  const byId = new Map(plan.queries.map((q) => [q.id, q]));
  const problems: string[] = [];
  for (const [key, tilePlan] of plan.tiles) {
    for (const measure of tilePlan.measures) {
      for (const source of [...measure.sources, ...(measure.yesterdaySources ?? [])]) {
        const query = byId.get(source.queryId);
        const parsed = parseMetricRef(source.ref);
        if (!query || !parsed.ok) {
          problems.push(`${key}/${measure.measureId}: ${source.ref} has no query`);
          continue;
        }
        const option = optionFor(query, source.ref);
        const want =
          query.endpoint === 'timeline'
            ? true
            : {
                aggregationType: parsed.ref.aggregation,
                ...(parsed.ref.interval ? { aggregationInterval: parsed.ref.interval } : {}),
              };
        if (JSON.stringify(option) !== JSON.stringify(want)) {
          problems.push(`${key}/${measure.measureId}: ${formatMetricRef(parsed.ref)} not in ${query.id}`);
        }
        if (!query.tileIds.includes(key)) problems.push(`${query.id} does not list ${key}`);
      }
    }
  }
  return problems;
}
