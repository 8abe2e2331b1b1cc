import { z } from 'zod';
import { BoardSourceStatusSchema } from './board-source';
import { ConnectionStatusSchema } from './connection';
import { DisplaySchema } from './display';
import {
  BIG_NUMBER,
  CLOCK,
  DONUT,
  GAUGE,
  LEADERBOARD,
  QUEUE_GRID,
  RESULT_BAR,
  TEXT,
  TIMELINE,
  type TileDescriptor,
} from './tile-types';

/**
 * BoardSnapshot: everything a screen needs to draw every board, as plain immutable data. The core
 * builds a new one whenever a value, a state or the connection changes and pushes it whole; the
 * renderer never asks the API for anything. Unknown values are null (shown as "—"), never 0.
 */

export const LevelSchema = z.enum(['ok', 'warn', 'critical', 'none']);
export type Level = z.infer<typeof LevelSchema>;

/** A tile's `data-state`: its worst threshold level, or why it cannot be trusted. */
export const TileStateSchema = z.enum(['ok', 'warn', 'critical', 'stale', 'unknown']);
export type TileState = z.infer<typeof TileStateSchema>;

const value = z.number().nullable();

export const MeasureInfoSchema = z.object({
  id: z.string(),
  label: z.string(),
  /** The label for narrow places; the same as `label` when no shorter one exists. */
  shortLabel: z.string(),
  unit: z.enum(['count', 'percent', 'seconds']),
  target: z.number().nullable(),
  thresholds: z
    .object({ direction: z.enum(['above', 'below']), warn: z.number(), critical: z.number() })
    .nullable(),
});
export type MeasureInfo = z.infer<typeof MeasureInfoSchema>;

export const PointSchema = z.object({ time: z.string(), values: z.array(value) });
export type Point = z.infer<typeof PointSchema>;

export const RowSchema = z.object({
  key: z.string(),
  name: z.string(),
  extensionNumber: z.string().nullable(),
  /** One value per measure, in the tile's measure order. */
  values: z.array(value),
  levels: z.array(LevelSchema),
  /** Timeline tiles: one point per interval bucket, values per measure. */
  points: z.array(PointSchema).nullable(),
});
export type Row = z.infer<typeof RowSchema>;

const tileSnapshotBase = {
  id: z.string(),
  title: z.string(),
  layout: z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() }),
  state: TileStateSchema,
  /** When the data shown was fetched (ISO), null before the first good answer. */
  asOf: z.string().nullable(),
  stale: z.boolean(),
  /** What went wrong with the latest refresh, in the user's terms; the values shown are the last good ones. */
  error: z.string().nullable(),
  /** The data window in words, e.g. "Today since 00:00, Europe/London". */
  windowLabel: z.string(),
  measures: z.array(MeasureInfoSchema),
  /** In the order to draw them: ranked and cut for a leaderboard, totalled where the type says. */
  rows: z.array(RowSchema),
  /** Each measure's total over the rows (tile types that show one: result bar, donut), else null. */
  totals: z.array(value).nullable(),
  /** Same measures for the same time yesterday (bigNumber delta), or yesterday's points (timeline overlay). */
  yesterday: z.object({ values: z.array(value), points: z.array(PointSchema).nullable() }).nullable(),
};

/** A tile of one type: the common parts and, as `options`, that type's own options (tile-types.ts). */
function snapshotOf<Type extends string, Shape extends z.ZodRawShape>(
  descriptor: TileDescriptor<Type, Shape>,
) {
  return z.object({
    ...tileSnapshotBase,
    type: z.literal(descriptor.type),
    options: z.object(descriptor.options),
  });
}

export const TileSnapshotSchema = z.discriminatedUnion('type', [
  snapshotOf(BIG_NUMBER),
  snapshotOf(GAUGE),
  snapshotOf(RESULT_BAR),
  snapshotOf(TIMELINE),
  snapshotOf(QUEUE_GRID),
  snapshotOf(LEADERBOARD),
  snapshotOf(DONUT),
  snapshotOf(CLOCK),
  snapshotOf(TEXT),
]);
export type TileSnapshot = z.infer<typeof TileSnapshotSchema>;
/** The snapshot of a tile of one type, with that type's options. */
export type TileSnapshotOf<T extends TileSnapshot['type']> = Extract<TileSnapshot, { type: T }>;

export const BoardViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  timeZone: z.string(),
  dayReset: z.string(),
  grid: z.object({ columns: z.number(), rows: z.number() }),
  rotationSeconds: z.number(),
  /** Whether it is business hours on this board now (null when the board has no business hours set). */
  businessHoursNow: z.boolean().nullable(),
  tiles: z.array(TileSnapshotSchema),
});
export type BoardView = z.infer<typeof BoardViewSchema>;

export const StatusLightSchema = z.enum(['live', 'delayed', 'offline', 'signInNeeded', 'starting']);
export type StatusLight = z.infer<typeof StatusLightSchema>;

export const BoardSnapshotSchema = z.object({
  /** Increases with every snapshot, so screens can ignore one that arrives out of order. */
  sequence: z.number().int().nonnegative(),
  generatedAt: z.string(),
  demo: z.boolean(),
  /**
   * On the demo, why its call centre runs where it does, e.g. "Demo call centre on Tokyo time
   * (Asia/Tokyo) so that it is open now"; the DEMO badge shows its "Tokyo time". Null otherwise.
   * Defaults to null so a snapshot stored by an older screen still loads.
   */
  demoNote: z.string().nullable().default(null),
  display: DisplaySchema,
  status: z.object({
    light: StatusLightSchema,
    message: z.string().nullable(),
    /**
     * When polling resumes (ISO) while RingCentral's request to wait (a 429's Retry-After, at most an
     * hour) is waited out; the message says the same in words. Null otherwise, and for snapshots
     * stored by an older screen.
     */
    resumesAt: z.string().nullable().default(null),
  }),
  connection: ConnectionStatusSchema,
  /** Where the boards come from when this screen follows a boards file at a URL, else null. */
  boardSource: BoardSourceStatusSchema.nullable().default(null),
  boards: z.array(BoardViewSchema),
  pinned: BoardViewSchema.nullable(),
  polling: z.object({
    requestsPerRefresh: z.number().int().nonnegative(),
    requestsLastMinute: z.number().int().nonnegative(),
    budgetPerMinute: z.number().int().nonnegative(),
    paused: z.boolean(),
  }),
});
export type BoardSnapshot = z.infer<typeof BoardSnapshotSchema>;
