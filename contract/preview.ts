import { z } from 'zod';
import { BoardViewSchema } from './snapshot';

/**
 * The settings window's live preview: the board being edited, drawn with real numbers from the
 * current account before anything is saved. The core plans the draft, reuses every answer the board
 * screens already fetch, and fetches the rest inside the same rate budget, so a preview can be slow
 * but never costs more than the budget allows.
 */

export const PreviewRequestSchema = z.object({
  /** The whole draft (validated by the core with the settings schema; errors name the field). */
  settings: z.unknown(),
  /** The board to preview: a board's id, or the pinned strip's. */
  boardId: z.string().min(1).max(64),
});

export const PreviewReportSchema = z.discriminatedUnion('valid', [
  z.object({
    valid: z.literal(true),
    board: BoardViewSchema,
    /** Whether numbers can come at all (false while signed out or signing in). */
    connected: z.boolean(),
    /** Queries of this board the screens do not fetch already: the preview fetches them itself. */
    extraQueries: z.number().int().nonnegative(),
    /** Of those, how many have no answer yet. */
    pendingQueries: z.number().int().nonnegative(),
    /** When the rate budget lets the next request go (ISO), or null when it can go now. */
    budgetWaitUntil: z.string().nullable(),
  }),
  z.object({
    valid: z.literal(false),
    /** Why this draft cannot be previewed, in words (the first problem, or a missing board). */
    problem: z.string(),
  }),
]);
export type PreviewReport = z.infer<typeof PreviewReportSchema>;
