import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../contract/settings';
import { BoardPreviews, PREVIEW_TTL_MS } from '../../../main/core/board-preview';
import type { Plan } from '../../../main/core/planner/plan';
import { planSettings } from '../../../main/core/planner/plan-boards';
import type { QueryState } from '../../../main/core/poller/query-state';
import { demoSettings } from '../../support/demo';
import { VirtualClock } from '../../support/virtual-clock';

/**
 * The settings window's live preview: a draft board is planned like saved settings, reuses every
 * answer the screens already have, adds only its new queries to the poller, says when the budget
 * makes it wait, and drops its queries once nobody has asked for a while.
 */

const START = Date.parse('2026-11-24T09:00:00Z');

function harness(saved: Settings = demoSettings('Europe/London')) {
  const clock = new VirtualClock(START);
  const live: Plan = planSettings(saved, undefined);
  const states = new Map<string, QueryState>();
  let nextSlot = START;
  let changes = 0;
  const previews = new BoardPreviews({
    clock,
    livePlan: () => live,
    states: () => states,
    names: () => null,
    connected: () => true,
    nextSlot: () => nextSlot,
    onQueriesChange: () => changes++,
  });
  return {
    clock,
    live,
    states,
    previews,
    saved,
    changes: () => changes,
    waitUntil: (at: number) => (nextSlot = at),
  };
}

/** The saved settings with the first board's first tile looking at the last 30 minutes instead. */
function withRollingTile(saved: Settings): Settings {
  const draft = structuredClone(saved);
  const tile = draft.boards[0]!.tiles.find((candidate) => 'query' in candidate);
  if (!tile || !('query' in tile)) throw new Error('the demo board has no data tile');
  tile.query.window = { kind: 'rolling', minutes: 30 };
  return draft;
}

/** Moves the clock on by `ms`, firing the timers due on the way. */
function advance(clock: VirtualClock, ms: number): void {
  const end = clock.now() + ms;
  while (clock.fireNext(end));
}

function answered(queryId: string): QueryState {
  return {
    queryId,
    records: [],
    fetchedAt: START,
    error: null,
    errorKind: null,
    consecutiveFailures: 0,
    refreshMs: 60_000,
  };
}

describe('the live preview of a draft board', () => {
  it('needs no query of its own for a board the screens already fetch', () => {
    const h = harness();
    const report = h.previews.preview(h.saved, h.saved.boards[0]!.id);
    expect(report.valid).toBe(true);
    if (!report.valid) return;
    expect(report.extraQueries).toBe(0);
    expect(h.previews.queries()).toEqual([]);
    expect(report.board.id).toBe(h.saved.boards[0]!.id);
    expect(report.board.tiles.map((tile) => tile.id)).toEqual(h.saved.boards[0]!.tiles.map((t) => t.id));
  });

  it('adds only the new queries of the board being edited, and reads their answers once they come', () => {
    const h = harness();
    const draft = withRollingTile(h.saved);
    const boardId = draft.boards[0]!.id;
    const first = h.previews.preview(draft, boardId);
    if (!first.valid) throw new Error(first.problem);
    expect(first.extraQueries).toBeGreaterThan(0);
    expect(first.pendingQueries).toBe(first.extraQueries);
    const liveIds = new Set(h.live.queries.map((query) => query.id));
    for (const query of h.previews.queries()) {
      expect(liveIds.has(query.id)).toBe(false);
      expect(query.tileIds.every((tile) => tile.startsWith(`${boardId}/`))).toBe(true);
    }
    expect(h.changes()).toBe(1);

    for (const query of h.previews.queries()) h.states.set(query.id, answered(query.id));
    const second = h.previews.preview(draft, boardId);
    if (!second.valid) throw new Error(second.problem);
    expect(second.pendingQueries).toBe(0);
    // The same queries as before: the poller is not told again.
    expect(h.changes()).toBe(1);
  });

  it('says until when the rate budget makes it wait, only while answers are missing', () => {
    const h = harness();
    const draft = withRollingTile(h.saved);
    h.waitUntil(START + 12_000);
    const waiting = h.previews.preview(draft, draft.boards[0]!.id);
    if (!waiting.valid) throw new Error(waiting.problem);
    expect(waiting.budgetWaitUntil).toBe(new Date(START + 12_000).toISOString());
    for (const query of h.previews.queries()) h.states.set(query.id, answered(query.id));
    const done = h.previews.preview(draft, draft.boards[0]!.id);
    expect(done.valid && done.budgetWaitUntil).toBe(null);
  });

  it('drops its queries once nobody has asked for the preview for a while', () => {
    const h = harness();
    const draft = withRollingTile(h.saved);
    h.previews.preview(draft, draft.boards[0]!.id);
    expect(h.previews.active).toBe(true);
    advance(h.clock, PREVIEW_TTL_MS - 1_000);
    h.previews.preview(draft, draft.boards[0]!.id);
    advance(h.clock, PREVIEW_TTL_MS - 1_000);
    expect(h.previews.queries().length).toBeGreaterThan(0);
    advance(h.clock, 2_000);
    expect(h.previews.active).toBe(false);
    expect(h.previews.queries()).toEqual([]);
    expect(h.changes()).toBe(2);
  });

  it('names the field of an invalid draft and an unknown board, and fetches nothing for them', () => {
    const h = harness();
    const broken = structuredClone(h.saved) as unknown as { polling: { defaultRefreshSeconds: number } };
    broken.polling.defaultRefreshSeconds = -5;
    const invalid = h.previews.preview(broken, h.saved.boards[0]!.id);
    expect(invalid).toMatchObject({
      valid: false,
      problem: expect.stringContaining('polling.defaultRefreshSeconds'),
    });
    const missing = h.previews.preview(h.saved, 'no-such-board');
    expect(missing).toMatchObject({ valid: false, problem: expect.stringContaining('no-such-board') });
    expect(h.previews.active).toBe(false);
    expect(h.changes()).toBe(0);
  });
});
