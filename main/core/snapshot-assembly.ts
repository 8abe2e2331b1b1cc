import type { Board, Tile } from '../../contract/board';
import { isDataTile } from '../../contract/board';
import type { BoardSourceStatus } from '../../contract/board-source';
import type { ConnectionStatus } from '../../contract/connection';
import type { BoardSnapshot, BoardView } from '../../contract/snapshot';
import { allBoards, type Settings } from '../../contract/settings';
import type { KeyName } from './directory/name-directory';
import { buildBoardView, freezeDeep } from './kpi/board-snapshot';
import { buildTileSnapshot } from './kpi/tile-snapshot';
import type { Plan } from './planner/plan';
import type { QueryState } from './poller/query-state';
import { describeWindow } from './analytics/time-range';
import { perMinute, type BudgetFigures } from './poller/rate-budget';
import { statusLight } from './status-light';

/**
 * Puts one BoardSnapshot together from everything the core knows right now: settings, the plan,
 * the poller's query states, the connection and the rate budget. Pure: same input, same snapshot.
 */

export interface AssemblyInput {
  settings: Settings;
  plan: Plan;
  states: ReadonlyMap<string, QueryState>;
  connection: ConnectionStatus;
  demo: boolean;
  /** Why the demo runs in its zone (DemoProfile.note), null when not on the demo. */
  demoNote: string | null;
  names: (key: string) => KeyName | null;
  now: number;
  sequence: number;
  budget: BudgetFigures;
  paused: boolean;
  /** A message about how settings were loaded (recovered, migrated), shown until settings change. */
  notice: string | null;
  /** Where the boards come from when they follow a boards file at a URL. */
  boardSource: BoardSourceStatus | null;
}

/** What drawing one board takes: the settings it belongs to, a plan of them and the answers so far. */
export type BoardInput = Pick<AssemblyInput, 'settings' | 'plan' | 'states' | 'names' | 'now'>;

/** One board as screens draw it (also the settings window's preview of a draft board). */
export function assembleBoardView(input: BoardInput, board: Board): BoardView {
  const tiles = board.tiles.map((tile) => tileSnapshot(input, board, tile));
  return buildBoardView({ board, now: input.now, tiles });
}

export function assembleSnapshot(input: AssemblyInput): BoardSnapshot {
  const { settings, now } = input;
  const view = (board: Board): BoardView => assembleBoardView(input, board);
  const status = statusLight({
    connection: input.connection,
    // The boards' own queries only: a preview's draft queries never colour the screens' light.
    states: input.plan.queries.flatMap((query) => input.states.get(query.id) ?? []),
    now,
    staleAfterMisses: settings.polling.staleAfterMisses,
    penalty: input.budget.penalty,
    ...statusZone(settings),
  });
  const snapshot: BoardSnapshot = {
    sequence: input.sequence,
    generatedAt: new Date(now).toISOString(),
    demo: input.demo,
    demoNote: input.demo ? input.demoNote : null,
    // Copies: the snapshot is frozen deep, and these objects belong to the settings and the session.
    display: structuredClone(settings.display),
    status: { light: status.light, message: status.message ?? input.notice, resumesAt: status.resumesAt },
    connection: structuredClone(input.connection),
    boardSource: input.boardSource ? { ...input.boardSource } : null,
    boards: settings.boards.map(view),
    pinned: settings.pinned ? view(settings.pinned) : null,
    polling: {
      requestsPerRefresh: input.plan.requestsPerRefresh,
      requestsLastMinute: input.budget.sentInWindow,
      budgetPerMinute: perMinute(input.budget.budget, input.budget.windowMs),
      paused: input.paused,
    },
  };
  return freezeDeep(snapshot);
}

/** The zone the status line tells time in: the boards' own, named when they do not share one. */
function statusZone(settings: Settings): { timeZone: string | undefined; nameZone: boolean } {
  const zones = new Set(allBoards(settings).map((b) => b.timeZone));
  return { timeZone: [...zones][0], nameZone: zones.size > 1 };
}

function tileSnapshot(input: BoardInput, board: Board, tile: Tile) {
  const plan = input.plan.tiles.get(`${board.id}/${tile.id}`);
  const windowLabel = isDataTile(tile)
    ? describeWindow(
        {
          window: tile.query.window,
          timeZone: board.timeZone,
          dayReset: board.dayReset,
          shift: 'none',
          includeDays: tile.query.includeDays,
          includeHours: tile.query.includeHours,
        },
        { businessHoursOnly: tile.query.businessHoursOnly },
      )
    : board.timeZone;
  return buildTileSnapshot({
    tile,
    board,
    plan,
    queries: input.states,
    names: input.names,
    now: input.now,
    staleAfterMisses: input.settings.polling.staleAfterMisses,
    windowLabel,
  });
}

/** Whether two snapshots show the same thing (ignoring when they were made). */
export function sameContent(a: BoardSnapshot, b: BoardSnapshot): boolean {
  const strip = (snapshot: BoardSnapshot) => JSON.stringify({ ...snapshot, sequence: 0, generatedAt: '' });
  return strip(a) === strip(b);
}
