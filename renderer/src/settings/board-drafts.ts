import type { Board, Tile } from '../../../contract/board';
import { overlaps, overlapsOf } from '../../../contract/layout';

/**
 * Pure edits of a board in the draft: new ids that do not clash, a new or duplicated board, and the
 * layout rules the editor keeps (every tile inside the grid, no two tiles on the same cell), whether a
 * tile is moved by drag or by keyboard.
 */

export type Layout = Tile['layout'];

/** `base`, or `base-2`, `base-3`… whichever is not taken; ids keep to the contract's characters. */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const clean =
    base
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'item';
  if (!used.has(clean)) return clean;
  for (let n = 2; ; n++) if (!used.has(`${clean}-${n}`)) return `${clean}-${n}`;
}

export function newBoard(boards: readonly Board[], timeZone: string): Board {
  const id = uniqueId(
    'board',
    boards.map((board) => board.id),
  );
  return {
    id,
    name: `New board ${boards.length + 1}`,
    timeZone,
    dayReset: '00:00',
    rotationSeconds: 30,
    businessHours: null,
    grid: { columns: 6, rows: 4 },
    tiles: [],
  };
}

export function duplicateBoard(board: Board, boards: readonly Board[]): Board {
  const copy = structuredClone(board);
  copy.id = uniqueId(
    `${board.id}-copy`,
    boards.map((b) => b.id),
  );
  copy.name = `${board.name} (copy)`.slice(0, 80);
  return copy;
}

export function insideGrid(layout: Layout, grid: Board['grid']): boolean {
  return (
    layout.x >= 0 && layout.y >= 0 && layout.x + layout.w <= grid.columns && layout.y + layout.h <= grid.rows
  );
}

/** Whether `layout` is a valid place for tile `tileId` on `board` (inside, overlapping no other tile). */
export function fits(board: Board, tileId: string | null, layout: Layout): boolean {
  if (!insideGrid(layout, board.grid) || layout.w < 1 || layout.h < 1) return false;
  return board.tiles.every((tile) => tile.id === tileId || !overlaps(tile.layout, layout));
}

/** The first free place for a w×h tile, left to right and top to bottom; smaller if nothing fits. */
export function firstFreeSpot(board: Board, w: number, h: number): Layout | null {
  for (let size = 0; size < Math.max(w, h); size++) {
    const width = Math.max(1, Math.min(w - size, board.grid.columns));
    const height = Math.max(1, Math.min(h - size, board.grid.rows));
    for (let y = 0; y + height <= board.grid.rows; y++) {
      for (let x = 0; x + width <= board.grid.columns; x++) {
        const layout = { x, y, w: width, h: height };
        if (fits(board, null, layout)) return layout;
      }
    }
  }
  return null;
}

/** The tile's layout moved (dx, dy) or grown (dw, dh) by whole cells, or null if that would not fit. */
export function shifted(
  board: Board,
  tileId: string,
  change: { dx?: number; dy?: number; dw?: number; dh?: number },
): Layout | null {
  const tile = board.tiles.find((candidate) => candidate.id === tileId);
  if (!tile) return null;
  const next = {
    x: tile.layout.x + (change.dx ?? 0),
    y: tile.layout.y + (change.dy ?? 0),
    w: tile.layout.w + (change.dw ?? 0),
    h: tile.layout.h + (change.dh ?? 0),
  };
  return fits(board, tileId, next) ? next : null;
}

/** Pairs of tiles that overlap, and tiles outside the grid: what the layout must never contain. */
export function layoutProblems(board: Board): string[] {
  const problems: string[] = [];
  board.tiles.forEach((tile) => {
    if (!insideGrid(tile.layout, board.grid)) problems.push(`“${tile.title}” lies outside the grid`);
  });
  return [...overlapsOf(board).map((overlap) => overlap.message), ...problems];
}
