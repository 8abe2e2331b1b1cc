import { z } from 'zod';
import { GROUP_BY, GROUP_BY_MEMBERS } from './api-vocabulary';
import { SettingsSchema } from './settings';

/**
 * What the settings window asks the core for, beyond the settings themselves: the revision a draft
 * is based on (so two admins cannot silently overwrite each other), what a draft would cost in API
 * requests before it is saved, and the account's names for analytics keys, so keys are picked by
 * name and never typed as ids.
 */

/** The settings in use and their revision: a digest of the document, the same across restarts. */
export const SettingsRevisionSchema = z.object({ settings: SettingsSchema, revision: z.string() });
export type SettingsRevision = z.infer<typeof SettingsRevisionSchema>;

export const SettingsUpdateSchema = z.object({
  /** The revision the draft was made from; a save is refused when the settings have moved on. */
  basedOn: z.string().max(100),
  /** Validated by the core with the settings schema (the errors name the field). */
  settings: z.unknown(),
});

export const CostRequestSchema = z.object({ settings: z.unknown() });

export const TileCostSchema = z.object({
  boardId: z.string(),
  tileId: z.string(),
  title: z.string(),
  /** Its share of the requests a minute (a request shared by tiles is split between them). */
  requestsPerMinute: z.number(),
});

export const CostReportSchema = z.discriminatedUnion('valid', [
  z.object({
    valid: z.literal(true),
    requestsPerRefresh: z.number().int(),
    requestsPerMinute: z.number(),
    /** What the budget share allows of the account's limit, a minute. */
    budgetPerMinute: z.number().int(),
    limitPerMinute: z.number().int(),
    overBudget: z.boolean(),
    /** The most expensive tiles first (at most 5). */
    costliest: z.array(TileCostSchema),
    /** Tiles the planner cannot serve, in words. */
    tileProblems: z.array(z.object({ boardId: z.string(), tileId: z.string(), message: z.string() })),
  }),
  z.object({
    valid: z.literal(false),
    /** Every problem, each naming its field. */
    problems: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() })),
  }),
]);
export type CostReport = z.infer<typeof CostReportSchema>;

export const DIRECTORY_KINDS = [...GROUP_BY, ...GROUP_BY_MEMBERS] as const;
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];
export const DirectoryRequestSchema = z.object({ kind: z.enum(DIRECTORY_KINDS) });

export const DirectoryEntrySchema = z.object({
  key: z.string(),
  name: z.string(),
  extensionNumber: z.string().nullable(),
});
export type DirectoryEntry = z.infer<typeof DirectoryEntrySchema>;

export const DirectoryListSchema = z.object({
  /** False when this kind of key has no names in the account's directory (then keys are shown as-is). */
  named: z.boolean(),
  /** When the names were loaded (ISO), null before the first load. */
  loadedAt: z.string().nullable(),
  entries: z.array(DirectoryEntrySchema),
});
export type DirectoryList = z.infer<typeof DirectoryListSchema>;
