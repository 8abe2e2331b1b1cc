import { z } from 'zod';
import { INTERVALS, type Interval } from './api-vocabulary';

/**
 * One declarative description per tile type: its own options (with defaults), what the settings
 * window calls it, and for data tiles what the planner and the KPI engine must do for it (which
 * endpoint answers it, whether its rows are totalled, which copy of yesterday it compares with,
 * whether it is ranked). The tile schema (board.ts), the snapshot schema (snapshot.ts), the planner,
 * the KPI engine, the renderer and the settings editor all read these. Adding a tile type: a
 * descriptor here (and in TILE_DESCRIPTORS), its name in the two schema lists that TypeScript needs
 * spelled out (TileSchema in board.ts, TileSnapshotSchema in snapshot.ts), and its component in
 * renderer/src/tiles/registry.ts; the planner and the KPI engine need nothing new unless the type
 * needs a data fact no other type has.
 */

/** Ids name tiles, boards and measures in settings, snapshots and the DOM. */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { error: 'use 1–63 lowercase letters, digits and dashes' });

export type YesterdayCopy =
  /** The same window one day earlier, ending at this time yesterday (a delta). */
  | 'sameTimeYesterday'
  /** The whole of yesterday's day (an overlay). */
  | 'wholeYesterday';

export interface Ranking {
  /** The measure ranked by (its id); the first measure when unset. */
  readonly sortBy: string | undefined;
  readonly order: 'asc' | 'desc';
  readonly limit: number;
}

/** What the planner and the KPI engine do for a data tile type. */
export interface DataFacts<Options> {
  /** The analytics endpoint that answers it. */
  readonly endpoint: 'aggregate' | 'timeline';
  /** The timeline's bucket size (timeline endpoint only). */
  readonly interval: ((options: Options) => Interval) | null;
  /** Only plain sums can be read (a timeline's points are sums per interval). */
  readonly sumsOnly: boolean;
  /** One row totalled over every key the query returns, or a row per key. */
  readonly rows: (options: Options, measureCount: number) => 'total' | 'perKey';
  /** The snapshot also carries each measure's total over the rows (a legend, a centre figure). */
  readonly totals: boolean;
  /** Which copy of yesterday the tile compares with, if any. */
  readonly yesterday: (options: Options) => YesterdayCopy | null;
  /** Rows ranked by a measure and cut to the top ones, or null. */
  readonly ranking: ((options: Options) => Ranking) | null;
  /**
   * The most lines one chart shows: when rows × measures would need more, or when yesterday's
   * total is overlaid, rows of counts are summed into one total row (every queue still counts).
   */
  readonly maxLines: number | null;
}

export interface TileDescriptor<Type extends string, Shape extends z.ZodRawShape> {
  readonly type: Type;
  /** What the settings window calls it. */
  readonly name: string;
  /** One sentence on what it shows, for the settings window. */
  readonly summary: string;
  /** The type's own options, as they appear in a tile beside its id, title, layout and query. */
  readonly options: Shape;
  /** Null for tiles that show no RingCentral data (clock, text). */
  readonly data: DataFacts<z.output<z.ZodObject<Shape>>> | null;
  /** Size of a new tile of this type, in grid cells. */
  readonly size: { readonly w: number; readonly h: number };
}

function describe<Type extends string, Shape extends z.ZodRawShape>(
  descriptor: TileDescriptor<Type, Shape>,
): TileDescriptor<Type, Shape> {
  return descriptor;
}

const aggregate = {
  endpoint: 'aggregate',
  interval: null,
  sumsOnly: false,
  totals: false,
  yesterday: () => null,
  ranking: null,
  maxLines: null,
} as const;

export const BIG_NUMBER = describe({
  type: 'bigNumber',
  name: 'Big number',
  summary: 'One number, large, with its target and the change since the same time yesterday.',
  options: {
    compareYesterday: z.boolean().default(false).meta({ title: 'Compare with the same time yesterday' }),
  },
  data: {
    ...aggregate,
    rows: () => 'total',
    yesterday: (options) => (options.compareYesterday ? 'sameTimeYesterday' : null),
  },
  size: { w: 1, h: 1 },
});

export const GAUGE = describe({
  type: 'gauge',
  name: 'Gauge',
  summary: 'One number on an arc from a minimum to a maximum, banded by its thresholds.',
  options: {
    min: z.number().default(0).meta({ title: 'Lowest value on the arc' }),
    max: z.number().default(100).meta({ title: 'Highest value on the arc' }),
  },
  data: { ...aggregate, rows: () => 'total' },
  size: { w: 1, h: 1 },
});

export const RESULT_BAR = describe({
  type: 'resultBar',
  name: 'Stacked result bar',
  summary: 'How calls ended (completed, abandoned, voicemail…), as a bar split by result, per row.',
  options: {},
  data: { ...aggregate, rows: () => 'perKey', totals: true },
  size: { w: 2, h: 1 },
});

/** The most lines a timeline draws; rows of counts beyond it are summed into one total row. */
export const TIMELINE_MAX_LINES = 6;

export const TIMELINE = describe({
  type: 'timeline',
  name: 'Timeline',
  summary: 'Counts per hour (or day, week, month) as lines, optionally over yesterday’s.',
  options: {
    interval: z.enum(INTERVALS).default('Hour').meta({ title: 'Bucket size' }),
    overlayYesterday: z.boolean().default(false).meta({ title: 'Show yesterday dashed' }),
  },
  data: {
    ...aggregate,
    endpoint: 'timeline',
    interval: (options) => options.interval,
    sumsOnly: true,
    rows: () => 'perKey',
    yesterday: (options) => (options.overlayYesterday ? 'wholeYesterday' : null),
    maxLines: TIMELINE_MAX_LINES,
  },
  size: { w: 3, h: 2 },
});

export const QUEUE_GRID = describe({
  type: 'queueGrid',
  name: 'Queue grid',
  summary: 'A row per queue and a column per measure, each cell coloured by its threshold.',
  options: {},
  data: { ...aggregate, rows: () => 'perKey' },
  size: { w: 3, h: 2 },
});

export const LEADERBOARD = describe({
  type: 'leaderboard',
  name: 'Agent leaderboard',
  summary: 'Agents ranked by a measure, top ones first.',
  options: {
    sortBy: IdSchema.optional().meta({ title: 'Rank by measure' }),
    order: z.enum(['desc', 'asc']).default('desc').meta({ title: 'Order' }),
    limit: z.number().int().min(1).max(50).default(10).meta({ title: 'Agents shown' }),
  },
  data: {
    ...aggregate,
    rows: () => 'perKey',
    ranking: (options) => ({ sortBy: options.sortBy, order: options.order, limit: options.limit }),
  },
  size: { w: 3, h: 3 },
});

export const DONUT = describe({
  type: 'donut',
  name: 'Breakdown donut',
  summary: 'Parts of a whole: the measures of one total, or one measure split by queue or agent.',
  options: {},
  data: {
    ...aggregate,
    // One measure: a slice per key (calls per queue); several: a slice per measure, over all keys.
    rows: (_options, measureCount) => (measureCount === 1 ? 'perKey' : 'total'),
    totals: true,
  },
  size: { w: 1, h: 1 },
});

export const CLOCK = describe({
  type: 'clock',
  name: 'Clock',
  summary: 'The time and date in the board’s zone.',
  options: { showSeconds: z.boolean().default(false).meta({ title: 'Show seconds' }) },
  data: null,
  size: { w: 1, h: 1 },
});

export const TEXT = describe({
  type: 'text',
  name: 'Text or ticker',
  summary: 'A message for the room, still or scrolling.',
  options: {
    text: z.string().max(2000).meta({ title: 'Text' }),
    ticker: z.boolean().default(false).meta({ title: 'Scroll as a ticker' }),
  },
  data: null,
  size: { w: 6, h: 1 },
});

/** Every tile type, in the order the settings window offers them. */
export const TILE_DESCRIPTORS = {
  bigNumber: BIG_NUMBER,
  gauge: GAUGE,
  resultBar: RESULT_BAR,
  timeline: TIMELINE,
  queueGrid: QUEUE_GRID,
  leaderboard: LEADERBOARD,
  donut: DONUT,
  clock: CLOCK,
  text: TEXT,
} as const;

export type TileType = keyof typeof TILE_DESCRIPTORS;
export const TILE_TYPES = Object.keys(TILE_DESCRIPTORS) as TileType[];

/** The data tile types: those whose descriptor has data facts. */
export type DataTileType = {
  [T in TileType]: (typeof TILE_DESCRIPTORS)[T]['data'] extends null ? never : T;
}[TileType];
export const DATA_TILE_TYPES = TILE_TYPES.filter(
  (type): type is DataTileType => TILE_DESCRIPTORS[type].data !== null,
);

/** A tile type's options as they are once parsed (defaults filled in). */
export type TileOptionsOf<T extends TileType> = z.output<
  z.ZodObject<(typeof TILE_DESCRIPTORS)[T]['options']>
>;
