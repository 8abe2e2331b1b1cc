import { z } from 'zod';
import { BoardSchema, reportDuplicateIds } from './board';
import { ServerUrlSchema } from './connection';

/**
 * A fleet from one place: screens (desktop app or hub) can follow a boards file at a URL. They re-read
 * it periodically, apply it only when it is valid, keep the last good boards otherwise, and say where
 * their boards come from. The file is what "Export all boards" writes (or a single board's file).
 */

export const BoardSourceSchema = z.object({
  /** Where the boards file is served: an http(s) URL without a user name or password. */
  url: ServerUrlSchema,
  /** How often it is read again, in minutes. */
  everyMinutes: z.number().int().min(1).max(1440).default(5),
});
export type BoardSource = z.infer<typeof BoardSourceSchema>;

/** Every board of an install (and its pinned strip) in one file, to host for a fleet of screens. */
export const BOARDS_FILE_FORMAT = 'callboard-boards';
export const BoardsFileSchema = z
  .object({
    format: z.literal(BOARDS_FILE_FORMAT, {
      error: `is not a Callboard boards file (format must be "${BOARDS_FILE_FORMAT}")`,
    }),
    version: z.literal(1, { error: 'is a boards file version this Callboard cannot read' }),
    boards: z.array(BoardSchema).min(1, { error: 'needs at least one board' }).max(20),
    /** The pinned strip; absent keeps each screen's own, null removes it. */
    pinned: BoardSchema.nullable().optional(),
  })
  .superRefine((file, ctx) => reportDuplicateIds(file.boards, 'boards', 'board', ctx));
export type BoardsFile = z.infer<typeof BoardsFileSchema>;

/** What a screen says about where its boards come from (never the URL's query, which may hold a token). */
export const BoardSourceStatusSchema = z.object({
  /** The URL as shown: scheme, host and path. */
  shownUrl: z.string(),
  /** The last time the file was read (ISO), whatever came back; null before the first read. */
  readAt: z.string().nullable(),
  /** When its boards were last taken on (ISO); null when none were taken from it yet. */
  appliedAt: z.string().nullable(),
  /** Why the latest read was not applied (the last good boards stay), or null. */
  problem: z.string().nullable(),
});
export type BoardSourceStatus = z.infer<typeof BoardSourceStatusSchema>;

export const BoardSourceTestSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), boards: z.array(z.string()), pinned: z.string().nullable() }),
  z.object({ ok: z.literal(false), problem: z.string() }),
]);
export type BoardSourceTest = z.infer<typeof BoardSourceTestSchema>;

/** Scheme, host and path of a URL: what screens and logs show of a boards file's address. */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return '(not a URL)';
  }
}
