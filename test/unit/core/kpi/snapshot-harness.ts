import { expect } from 'vitest';
import type { Tile } from '../../../../contract/board';
import { TileSnapshotSchema, type TileSnapshot } from '../../../../contract/snapshot';
import { buildTileSnapshot } from '../../../../main/core/kpi/tile-snapshot';
import type { QueryState } from '../../../../main/core/poller/query-state';
import type { TilePlan } from '../../../../main/core/planner/plan';
import { NOW, board, names, parsedTile, planOf, record, statesOf } from './kpi-fixtures';

/** Builds one tile's snapshot the way the core does, and checks it against the renderer's schema. */

export type Json = Record<string, unknown>;

export interface Options {
  yesterday?: boolean;
  plan?: TilePlan | null;
  now?: number;
}

export function snap(input: Json, states: QueryState[], options: Options = {}): TileSnapshot {
  const t: Tile = parsedTile(input);
  const b = board([t]);
  const plan = options.plan === null ? undefined : (options.plan ?? planOf(b, t, options));
  const snapshot = buildTileSnapshot({
    tile: t,
    board: b,
    plan,
    queries: statesOf(...states),
    names,
    now: options.now ?? NOW,
    staleAfterMisses: 3,
    windowLabel: 'Today since 00:00, Europe/London',
  });
  // Every snapshot the engine makes must be one the renderer accepts.
  expect(TileSnapshotSchema.safeParse(snapshot).success).toBe(true);
  return snapshot;
}

export const inbound = (key: string, n: number, answered: number, name: string | null = null) =>
  record(
    key,
    {
      callsByDirection: { inbound: n, outbound: 0 },
      callsByResponse: { answered, notAnswered: n - answered, connected: 0, notConnected: 0 },
    },
    {},
    name,
  );

export const sla = { direction: 'below', warn: 80, critical: 60 };
