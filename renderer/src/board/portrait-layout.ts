import type { BoardView } from '../../../contract/snapshot';

/**
 * Where a board's tiles go on screen. Landscape screens use the board's own grid and layouts as they
 * were designed. A portrait screen (a TV mounted on its side) would stretch that grid into towers of
 * narrow, tall tiles with a small number in empty space, so the board reflows instead: half the
 * columns (a portrait column is about as wide as a landscape one, so tiles keep their size on the
 * glass), tiles in reading order (top to bottom, then left to right) with their own widths and
 * heights, each at the first free place at or after the previous tile's, as CSS grid's auto-placement
 * does. Reading order is kept, nothing overlaps, and every tile is placed; rows grow as needed, but
 * are never fewer than the board's own, so a sparse board is not stretched into towers either.
 */

export type TileLayout = BoardView['tiles'][number]['layout'];

export interface GridSize {
  columns: number;
  rows: number;
}

export interface Arrangement {
  grid: GridSize;
  /** One layout per tile, in the order the tiles were given. */
  layouts: TileLayout[];
}

interface Placeable {
  layout: TileLayout;
}

export function portraitColumns(columns: number): number {
  return Math.max(1, Math.ceil(columns / 2));
}

export function landscapeArrangement(grid: GridSize, tiles: readonly Placeable[]): Arrangement {
  return { grid, layouts: tiles.map((tile) => tile.layout) };
}

export function portraitArrangement(grid: GridSize, tiles: readonly Placeable[]): Arrangement {
  const columns = portraitColumns(grid.columns);
  const occupied: boolean[][] = [];
  const free = (x: number, y: number, w: number, h: number): boolean => {
    for (let row = y; row < y + h; row++)
      for (let column = x; column < x + w; column++) if (occupied[row]?.[column] === true) return false;
    return true;
  };
  const layouts: TileLayout[] = new Array<TileLayout>(tiles.length);
  const cursor = { x: 0, y: 0 };
  for (const index of readingOrder(tiles)) {
    const { layout } = tiles[index]!;
    const w = Math.min(columns, span(layout.w));
    const h = span(layout.h);
    // Search row by row from the cursor; a fresh row always has room, so this ends.
    let { x, y } = cursor;
    while (x + w > columns || !free(x, y, w, h)) {
      x += 1;
      if (x + w > columns) [x, y] = [0, y + 1];
    }
    for (let row = y; row < y + h; row++) {
      const cells = (occupied[row] ??= []);
      for (let column = x; column < x + w; column++) cells[column] = true;
    }
    layouts[index] = { x, y, w, h };
    [cursor.x, cursor.y] = [x + w, y];
  }
  const rows = Math.max(1, grid.rows, ...layouts.map((layout) => layout.y + layout.h));
  return { grid: { columns, rows }, layouts };
}

/** Board and orientation to arrangement: the one place BoardView and the screen's rows agree on. */
export function arrangeBoard(board: Pick<BoardView, 'grid' | 'tiles'>, portrait: boolean): Arrangement {
  return portrait
    ? portraitArrangement(board.grid, board.tiles)
    : landscapeArrangement(board.grid, board.tiles);
}

/** Tile indices top to bottom, then left to right; ties keep the board's order. */
function readingOrder(tiles: readonly Placeable[]): number[] {
  return tiles
    .map((tile, index) => ({ index, x: tile.layout.x, y: tile.layout.y }))
    .sort((a, b) => a.y - b.y || a.x - b.x || a.index - b.index)
    .map((entry) => entry.index);
}

/** A span as the grid draws it: whole cells, at least one. */
function span(cells: number): number {
  return Math.max(1, Math.round(cells));
}
