import type { CostReport, DirectoryKind, DirectoryList, SettingsRevision } from '../../contract/editor';
import { firstOverlapIn } from '../../contract/layout';
import { allBoards, SettingsSchema, type Settings } from '../../contract/settings';
import type { Grouping } from '../../contract/api-request';
import { GROUP_BY_MEMBERS, type GroupByMembers } from '../../contract/api-vocabulary';
import type { NameDirectory } from './directory/name-directory';
import { stableStringify } from './planner/call-filters';
import { shortHash } from './planner/query-identity';
import { planSettings, tileKey } from './planner/plan-boards';
import { budgetOf, perMinute, type BudgetFigures } from './poller/rate-budget';
import { SettingsError } from './settings/settings-error';
import type { SettingsService } from './settings/settings-store';

/**
 * What the settings window needs from the core besides load and save: revisions (a save based on
 * settings that have changed since is refused, and the draft stays with its author), what a draft
 * would cost before it is saved (the same planner the poller runs), and the account's names for
 * analytics keys from the cached directory (no request is spent on them).
 */

export interface EditorDeps {
  settings: SettingsService;
  budget: () => BudgetFigures;
  names: () => NameDirectory | null;
}

const MINUTE_MS = 60_000;
const COSTLIEST = 5;

export function revisionOf(settings: Settings): string {
  return shortHash(stableStringify(settings));
}

/** A save whose tiles overlap is refused (files on disk with overlaps still load: contract/layout.ts). */
export function assertNoOverlaps(draft: unknown): void {
  const parsed = SettingsSchema.safeParse(draft);
  const overlap = parsed.success ? firstOverlapIn(parsed.data) : null;
  if (overlap) throw new SettingsError(`Not saved: ${overlap}. Move or resize one of them.`);
}

export class EditorService {
  constructor(private readonly deps: EditorDeps) {}

  current(): SettingsRevision {
    const settings = this.deps.settings.current();
    return { settings, revision: revisionOf(settings) };
  }

  /** Saves `draft` only if the settings are still those of `basedOn`. */
  async update(basedOn: string, draft: unknown): Promise<SettingsRevision> {
    // Checked inside the write queue: two saves based on the same revision cannot both pass.
    assertNoOverlaps(draft);
    const saved = await this.deps.settings.save(draft, (current) => {
      if (revisionOf(current) !== basedOn) {
        throw new SettingsError(
          'Not saved: someone else saved the settings after you opened them. Your changes are still here: reload to see theirs, then make yours again.',
        );
      }
    });
    return { settings: saved, revision: revisionOf(saved) };
  }

  /** What a draft would cost: requests per refresh and a minute against the budget, and which tiles cost most. */
  cost(draft: unknown): CostReport {
    const parsed = SettingsSchema.safeParse(draft);
    if (!parsed.success) {
      return {
        valid: false,
        problems: parsed.error.issues.map((issue) => ({
          path: issue.path.map((part) => (typeof part === 'number' ? part : String(part))),
          message: issue.message,
        })),
      };
    }
    const settings = parsed.data;
    const plan = planSettings(settings, this.deps.names()?.keyCount);
    const perTile = new Map<string, number>();
    let requestsPerMinute = 0;
    for (const query of plan.queries) {
      const queryPerMinute = (query.expectedPages * MINUTE_MS) / query.refreshMs;
      requestsPerMinute += queryPerMinute;
      for (const key of query.tileIds) {
        perTile.set(key, (perTile.get(key) ?? 0) + queryPerMinute / query.tileIds.length);
      }
    }
    const figures = this.deps.budget();
    // The same figures the board's readout shows, for the draft's share.
    const limitPerMinute = perMinute(figures.limit, figures.windowMs);
    const budgetPerMinute = perMinute(
      budgetOf(figures.limit, settings.polling.budgetShare),
      figures.windowMs,
    );
    const titles = new Map<string, string>();
    for (const board of allBoards(settings))
      for (const tile of board.tiles) titles.set(tileKey(board.id, tile.id), tile.title);
    const costliest = [...perTile.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, COSTLIEST)
      .map(([key, tilePerMinute]) => {
        const [boardId = '', tileId = ''] = key.split('/');
        return { boardId, tileId, title: titles.get(key) ?? tileId, requestsPerMinute: round(tilePerMinute) };
      });
    const tileProblems = [...plan.tiles.values()]
      .filter((tile) => tile.error !== null)
      .map((tile) => ({ boardId: tile.boardId, tileId: tile.tileId, message: tile.error ?? '' }));
    return {
      valid: true,
      requestsPerRefresh: plan.requestsPerRefresh,
      requestsPerMinute: round(requestsPerMinute),
      budgetPerMinute,
      limitPerMinute,
      overBudget: requestsPerMinute > budgetPerMinute,
      costliest,
      tileProblems,
    };
  }

  /** The account's keys of one kind with their names, from the cached extension list. */
  directory(kind: DirectoryKind): DirectoryList {
    const names = this.deps.names();
    const grouping: Grouping = isMemberKind(kind) ? { groupByMembers: kind } : { groupBy: kind };
    const entries = names?.entriesFor(grouping) ?? null;
    const loadedTime = names?.loadedTime ?? null;
    return {
      named: entries !== null,
      loadedAt: loadedTime === null ? null : new Date(loadedTime).toISOString(),
      entries: (entries ?? []).sort((a, b) => a.name.localeCompare(b.name)),
    };
  }
}

function isMemberKind(kind: DirectoryKind): kind is GroupByMembers {
  return (GROUP_BY_MEMBERS as readonly string[]).includes(kind);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
