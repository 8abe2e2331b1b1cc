import { createHash } from 'node:crypto';
import type { CostReport, DirectoryKind, DirectoryList, SettingsRevision } from '../../contract/editor';
import { SettingsSchema, type Settings } from '../../contract/settings';
import type { Grouping } from '../../contract/api-request';
import { GROUP_BY_MEMBERS, type GroupByMembers } from '../../contract/api-vocabulary';
import type { NameDirectory } from './directory/name-directory';
import { stableStringify } from './planner/call-filters';
import { planBoards, tileKey } from './planner/plan-boards';
import type { BudgetFigures } from './poller/rate-budget';
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
  return createHash('sha256').update(stableStringify(settings)).digest('hex').slice(0, 20);
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
    const boards = settings.pinned ? [...settings.boards, settings.pinned] : settings.boards;
    const plan = planBoards(boards, {
      defaultRefreshSeconds: settings.polling.defaultRefreshSeconds,
      keyCount: this.deps.names()?.keyCount,
    });
    const perTile = new Map<string, number>();
    let requestsPerMinute = 0;
    for (const query of plan.queries) {
      const perMinute = (query.expectedPages * MINUTE_MS) / query.refreshMs;
      requestsPerMinute += perMinute;
      for (const key of query.tileIds) {
        perTile.set(key, (perTile.get(key) ?? 0) + perMinute / query.tileIds.length);
      }
    }
    const figures = this.deps.budget();
    const limitPerMinute = Math.round((figures.limit * MINUTE_MS) / figures.windowMs);
    const budgetPerMinute = Math.max(1, Math.floor(limitPerMinute * settings.polling.budgetShare));
    const titles = new Map<string, string>();
    for (const board of boards)
      for (const tile of board.tiles) titles.set(tileKey(board.id, tile.id), tile.title);
    const costliest = [...perTile.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, COSTLIEST)
      .map(([key, perMinute]) => {
        const [boardId = '', tileId = ''] = key.split('/');
        return { boardId, tileId, title: titles.get(key) ?? tileId, requestsPerMinute: round(perMinute) };
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
