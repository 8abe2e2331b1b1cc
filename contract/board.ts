import { z } from 'zod';
import {
  CallFiltersSchema,
  DayOfWeekSchema,
  HoursRangeSchema,
  dateTime,
  hhmm,
  parseHhMm,
  timeZone,
} from './api-request';
import { GROUP_BY, GROUP_BY_MEMBERS, type Interval } from './api-vocabulary';
import { parseExpression } from './expression';
import { KPI_IDS } from './kpis';
import {
  BIG_NUMBER,
  CLOCK,
  DONUT,
  GAUGE,
  IdSchema,
  LEADERBOARD,
  QUEUE_GRID,
  RESULT_BAR,
  TEXT,
  TILE_DESCRIPTORS,
  TIMELINE,
  type DataFacts,
  type Ranking,
  type TileDescriptor,
  type YesterdayCopy,
} from './tile-types';

/**
 * Boards and tiles: what a board shows, in terms the analytics API can answer. A data tile has one
 * query (grouping, filters, time window) and one or more measures (named KPIs or metric expressions),
 * each with optional thresholds; the planner merges tiles' queries into as few requests as possible.
 */

const id = IdSchema;
const label = z.string().trim().min(1, { error: 'must not be empty' }).max(80);

export const TimeWindowSchema = z.discriminatedUnion('kind', [
  /** Since the board's day reset today, in the board's zone. */
  z.object({ kind: z.literal('today') }),
  /** The last N minutes up to now. */
  z.object({
    kind: z.literal('rolling'),
    minutes: z
      .number()
      .int()
      .min(5)
      .max(7 * 24 * 60),
  }),
  /** From yesterday's day reset up to now. */
  z.object({ kind: z.literal('yesterdayToNow') }),
  /** Since Monday's day reset this week. */
  z.object({ kind: z.literal('thisWeek') }),
  /** A fixed range; `to: null` means "up to now". */
  z.object({ kind: z.literal('custom'), from: dateTime, to: dateTime.nullable() }),
]);
export type TimeWindow = z.infer<typeof TimeWindowSchema>;

export const TileGroupingSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('groupBy'),
    groupBy: z.enum(GROUP_BY),
    keys: z.array(z.string().min(1)).max(1000).optional(),
  }),
  z.object({
    kind: z.literal('groupByMembers'),
    groupByMembers: z.enum(GROUP_BY_MEMBERS),
    keys: z.array(z.string().min(1)).min(1).max(1000),
  }),
]);
export type TileGrouping = z.infer<typeof TileGroupingSchema>;

export const TileQuerySchema = z.object({
  grouping: TileGroupingSchema,
  callFilters: CallFiltersSchema.optional(),
  window: TimeWindowSchema,
  includeDays: z.array(DayOfWeekSchema).min(1).optional(),
  includeHours: z.array(HoursRangeSchema).min(1).optional(),
  /** Only calls in the business hours configured in RingCentral (callFilters.companyHours). */
  businessHoursOnly: z.boolean().default(false),
});
export type TileQuery = z.infer<typeof TileQuerySchema>;

export const ThresholdsSchema = z
  .object({
    /** `above`: warn/critical when the value rises to the limits; `below`: when it falls to them. */
    direction: z.enum(['above', 'below']),
    warn: z.number(),
    critical: z.number(),
  })
  .refine((t) => (t.direction === 'above' ? t.critical >= t.warn : t.critical <= t.warn), {
    error: 'critical must be beyond warn in the threshold direction',
    path: ['critical'],
  });
export type Thresholds = z.infer<typeof ThresholdsSchema>;

const expressionText = z.string().superRefine((text, ctx) => {
  const parsed = parseExpression(text);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
});

export const MeasureSchema = z
  .object({
    id,
    label: label.optional(),
    /** Shown where the label does not fit (table headers, legends); defaults to the KPI's own. */
    shortLabel: z.string().trim().min(1, { error: 'must not be empty' }).max(12).optional(),
    kpi: z.enum(KPI_IDS).optional(),
    expression: expressionText.optional(),
    unit: z.enum(['count', 'percent', 'seconds']).optional(),
    thresholds: ThresholdsSchema.optional(),
    target: z.number().optional(),
  })
  .refine((m) => (m.kpi === undefined) !== (m.expression === undefined), {
    error: 'give exactly one of kpi or expression',
    path: ['kpi'],
  });
export type Measure = z.infer<typeof MeasureSchema>;

const LayoutSchema = z.object({
  x: z.number().int().min(0),
  y: z.number().int().min(0),
  w: z.number().int().min(1),
  h: z.number().int().min(1),
});

const tileBase = {
  id,
  title: label,
  layout: LayoutSchema,
};

const dataTileBase = {
  ...tileBase,
  query: TileQuerySchema,
  measures: z.array(MeasureSchema).min(1).max(12),
  /** Seconds between refreshes of this tile's data; defaults to the polling setting. */
  refreshSeconds: z.number().int().min(15).max(3600).optional(),
};

/** A tile of one type: the common parts (data tiles: query and measures too) and the type's own options. */
function tileOf<Type extends string, Shape extends z.ZodRawShape>(descriptor: TileDescriptor<Type, Shape>) {
  return z.object({ ...tileBase, type: z.literal(descriptor.type), ...descriptor.options });
}
function dataTileOf<Type extends string, Shape extends z.ZodRawShape>(
  descriptor: TileDescriptor<Type, Shape>,
) {
  return z.object({ ...dataTileBase, type: z.literal(descriptor.type), ...descriptor.options });
}

export const TileSchema = z.discriminatedUnion('type', [
  dataTileOf(BIG_NUMBER),
  dataTileOf(GAUGE),
  dataTileOf(RESULT_BAR),
  dataTileOf(TIMELINE),
  dataTileOf(QUEUE_GRID),
  dataTileOf(LEADERBOARD),
  dataTileOf(DONUT),
  tileOf(CLOCK),
  tileOf(TEXT),
]);
export type Tile = z.infer<typeof TileSchema>;
export type { TileType } from './tile-types';
export { DATA_TILE_TYPES, TILE_TYPES } from './tile-types';
export type DataTile = Extract<Tile, { query: unknown }>;

export function isDataTile(tile: Tile): tile is DataTile {
  return TILE_DESCRIPTORS[tile.type].data !== null;
}

/** A data tile's facts (contract/tile-types.ts) worked out for its options and measures. */
export interface TileDataFacts {
  readonly endpoint: DataFacts<unknown>['endpoint'];
  /** Timeline bucket size; null for aggregate tiles. */
  readonly interval: Interval | null;
  readonly sumsOnly: boolean;
  readonly rows: 'total' | 'perKey';
  readonly totals: boolean;
  readonly yesterday: YesterdayCopy | null;
  readonly ranking: Ranking | null;
  readonly maxLines: number | null;
}

export function dataFactsOf(tile: DataTile): TileDataFacts {
  // A parsed tile of a type carries exactly that type's options (inline), but TypeScript cannot
  // pair a union of tiles with the union of their descriptors' functions: the tile is the options.
  const facts = TILE_DESCRIPTORS[tile.type].data as DataFacts<DataTile>;
  return {
    endpoint: facts.endpoint,
    interval: facts.interval?.(tile) ?? null,
    sumsOnly: facts.sumsOnly,
    rows: facts.rows(tile, tile.measures.length),
    totals: facts.totals,
    yesterday: facts.yesterday(tile),
    ranking: facts.ranking?.(tile) ?? null,
    maxLines: facts.maxLines,
  };
}

export const BusinessHoursSchema = z.object({
  days: z.array(DayOfWeekSchema).min(1),
  from: hhmm,
  to: hhmm,
});
export type BusinessHours = z.infer<typeof BusinessHoursSchema>;

export const BoardSchema = z
  .object({
    id,
    name: label,
    timeZone,
    /** When "today" starts, in the board's zone (a night shift may want 06:00). */
    dayReset: hhmm.default('00:00'),
    /** Seconds this board stays on screen in rotation. */
    rotationSeconds: z.number().int().min(5).max(3600).default(30),
    /** For after-hours dimming and display only; data filtering uses RingCentral's own hours. */
    businessHours: BusinessHoursSchema.nullable().default(null),
    grid: z.object({ columns: z.number().int().min(1).max(24), rows: z.number().int().min(1).max(24) }),
    tiles: z.array(TileSchema).max(48),
  })
  .superRefine(checkBoardTiles);
export type Board = z.infer<typeof BoardSchema>;

/** Ids name tiles and boards in snapshots, exports and the DOM: each must be unique in its list. */
export function reportDuplicateIds(
  items: readonly { id: string }[],
  field: string,
  noun: string,
  ctx: z.RefinementCtx,
): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) {
      ctx.addIssue({
        code: 'custom',
        path: [field, index, 'id'],
        message: `duplicate ${noun} id "${item.id}"`,
      });
    }
    seen.add(item.id);
  });
}

function checkBoardTiles(
  board: { grid: { columns: number; rows: number }; tiles: Tile[] },
  ctx: z.RefinementCtx,
): void {
  reportDuplicateIds(board.tiles, 'tiles', 'tile', ctx);
  board.tiles.forEach((tile, index) => {
    const { x, y, w, h } = tile.layout;
    if (x + w > board.grid.columns || y + h > board.grid.rows) {
      ctx.addIssue({
        code: 'custom',
        path: ['tiles', index, 'layout'],
        message: `lies outside the ${board.grid.columns}×${board.grid.rows} grid`,
      });
    }
    if (tile.type === 'leaderboard' && tile.sortBy && !tile.measures.some((m) => m.id === tile.sortBy)) {
      ctx.addIssue({
        code: 'custom',
        path: ['tiles', index, 'sortBy'],
        message: `names no measure of this tile`,
      });
    }
  });
}

/** Minutes after local midnight of a board's day reset. */
export function dayResetMinutes(board: Pick<Board, 'dayReset'>): number {
  return parseHhMm(board.dayReset) ?? 0;
}
