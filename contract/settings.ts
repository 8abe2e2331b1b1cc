import { z } from 'zod';
import { BoardSchema, reportDuplicateIds } from './board';
import { BoardSourceSchema } from './board-source';
import { ConnectionConfigSchema } from './connection';
import { DisplaySchema } from './display';

/**
 * The settings document (settings.json): connection without secrets, boards, display and polling.
 * Secrets never appear here; they live in the OS keychain. `version` is the document format,
 * migrated on load by the settings store.
 */

export const SETTINGS_VERSION = 1;

export const PollingSchema = z.object({
  /** Share of the account's Light-group budget (50 requests/min per user) Callboard may spend. */
  budgetShare: z.number().min(0.05).max(0.9).default(0.6),
  defaultRefreshSeconds: z.number().int().min(15).max(3600).default(60),
  /** Missed refreshes before a tile is styled stale. */
  staleAfterMisses: z.number().int().min(1).max(20).default(3),
  requestTimeoutSeconds: z.number().int().min(5).max(120).default(20),
});
export type Polling = z.infer<typeof PollingSchema>;

export const SettingsSchema = z
  .object({
    /** null: the embedded demo (emulator + synthetic call center). */
    connection: ConnectionConfigSchema.nullable().default(null),
    boards: z.array(BoardSchema).min(1, { error: 'needs at least one board' }).max(20),
    /** A board shown as a strip on every screen that never rotates away. */
    pinned: BoardSchema.nullable().default(null),
    display: DisplaySchema.prefault({}),
    polling: PollingSchema.prefault({}),
    /** A boards file at a URL this screen follows (its boards and pinned strip come from it), or null. */
    boardSource: BoardSourceSchema.nullable().default(null),
  })
  .superRefine((settings, ctx) => reportDuplicateIds(settings.boards, 'boards', 'board', ctx));
export type Settings = z.infer<typeof SettingsSchema>;
export type SettingsInput = z.input<typeof SettingsSchema>;

/** Every board the settings show: the rotation's, then the pinned strip if there is one. */
export function allBoards(settings: Pick<Settings, 'boards' | 'pinned'>): Settings['boards'] {
  return settings.pinned ? [...settings.boards, settings.pinned] : settings.boards;
}

/** A board exported to a file (or imported from one). */
export const BOARD_FILE_FORMAT = 'callboard-board';
export const BoardFileSchema = z.object({
  format: z.literal(BOARD_FILE_FORMAT, {
    error: `is not a Callboard board file (format must be "${BOARD_FILE_FORMAT}")`,
  }),
  version: z.literal(1, { error: 'is a board file version this Callboard cannot read' }),
  board: BoardSchema,
});
export type BoardFile = z.infer<typeof BoardFileSchema>;
