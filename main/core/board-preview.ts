import { describeIssue } from '../../contract/describe-issue';
import type { PreviewReport } from '../../contract/preview';
import { SettingsSchema } from '../../contract/settings';
import type { NameDirectory } from './directory/name-directory';
import type { Plan, PlannedQuery } from './planner/plan';
import { planSettings } from './planner/plan-boards';
import type { Clock } from './poller/clock';
import type { QueryState } from './poller/query-state';
import { assembleBoardView } from './snapshot-assembly';

/**
 * The settings window's live preview of a draft board. The draft is planned like saved settings;
 * every query the screens already fetch is read from their answers, and only the draft's new
 * queries are added to the poller, inside the same rate budget, for as long as someone keeps
 * looking (the window asks every few seconds). When nobody has asked for a while they are dropped,
 * so an abandoned preview costs nothing.
 */

export interface PreviewDeps {
  clock: Clock;
  livePlan: () => Plan;
  states: () => ReadonlyMap<string, QueryState>;
  names: () => Pick<NameDirectory, 'keyCount' | 'lookup'> | null;
  connected: () => boolean;
  /** When the rate budget lets the next request go. */
  nextSlot: (now: number) => number;
  /** The preview's own queries changed (or expired): the core merges them into the poller's plan. */
  onQueriesChange: () => void;
}

/** How long a preview's queries stay after the last time it was asked for. */
export const PREVIEW_TTL_MS = 30_000;

export class BoardPreviews {
  private extra: readonly PlannedQuery[] = [];
  private expiry: unknown = null;

  constructor(private readonly deps: PreviewDeps) {}

  /** Queries the poller fetches for the preview alone (none when nobody is looking). */
  queries(): readonly PlannedQuery[] {
    return this.extra;
  }

  /** Whether a preview is being looked at (then the poller runs even with no board screen open). */
  get active(): boolean {
    return this.expiry !== null;
  }

  preview(draft: unknown, boardId: string): PreviewReport {
    const parsed = SettingsSchema.safeParse(draft);
    if (!parsed.success) return { valid: false, problem: describeIssue(parsed.error) };
    const settings = parsed.data;
    const board =
      settings.boards.find((candidate) => candidate.id === boardId) ??
      (settings.pinned?.id === boardId ? settings.pinned : undefined);
    if (!board) return { valid: false, problem: `There is no board “${boardId}” in these settings.` };

    const names = this.deps.names();
    const plan = planSettings(settings, names?.keyCount);
    const prefix = `${board.id}/`;
    const liveIds = new Set(this.deps.livePlan().queries.map((query) => query.id));
    const extra = plan.queries.filter(
      (query) => !liveIds.has(query.id) && query.tileIds.some((tile) => tile.startsWith(prefix)),
    );
    this.keep(extra);

    const now = this.deps.clock.now();
    const states = this.deps.states();
    const view = assembleBoardView(
      { settings, plan, states, names: names?.lookup ?? (() => null), now },
      board,
    );
    const pending = extra.filter((query) => (states.get(query.id)?.fetchedAt ?? null) === null).length;
    const slot = this.deps.nextSlot(now);
    return {
      valid: true,
      board: view,
      connected: this.deps.connected(),
      extraQueries: extra.length,
      pendingQueries: pending,
      budgetWaitUntil: pending > 0 && slot > now ? new Date(slot).toISOString() : null,
    };
  }

  /** Drop the preview's queries now (signed out, core stopping). */
  clear(): void {
    if (this.expiry !== null) this.deps.clock.clearTimer(this.expiry);
    this.expiry = null;
    const had = this.extra.length > 0;
    this.extra = [];
    if (had) this.deps.onQueriesChange();
  }

  private keep(extra: readonly PlannedQuery[]): void {
    const wasActive = this.active;
    if (this.expiry !== null) this.deps.clock.clearTimer(this.expiry);
    this.expiry = this.deps.clock.setTimer(() => this.clear(), PREVIEW_TTL_MS);
    const changed =
      extra.length !== this.extra.length || extra.some((query, index) => query.id !== this.extra[index]?.id);
    this.extra = extra;
    if (changed || !wasActive) this.deps.onQueriesChange();
  }
}
