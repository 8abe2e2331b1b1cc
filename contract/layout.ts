import type { Board } from './board';

/**
 * Whether tiles overlap on their board's grid. The board schema does not refuse overlaps, so files
 * written before the settings window kept layouts valid still load (and show the overlap as a problem
 * to fix); every new layout (a save from the window, an import, a fleet's file) is refused with one.
 */

type Layout = Board['tiles'][number]['layout'];

export function overlaps(a: Layout, b: Layout): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

export interface Overlap {
  /** Indexes of the two tiles in the board's `tiles`. */
  first: number;
  second: number;
  message: string;
}

/** Every pair of overlapping tiles on `board`, in order, each in words. */
export function overlapsOf(board: Pick<Board, 'tiles'>): Overlap[] {
  const found: Overlap[] = [];
  board.tiles.forEach((tile, first) => {
    board.tiles.slice(first + 1).forEach((other, offset) => {
      if (overlaps(tile.layout, other.layout))
        found.push({
          first,
          second: first + 1 + offset,
          message: `“${tile.title}” overlaps “${other.title}”`,
        });
    });
  });
  return found;
}

/** The first overlap on `board`, as `<field>.tiles[j].layout: “A” overlaps “B”`, or null. */
export function boardOverlap(board: Pick<Board, 'tiles'>, field: string): string | null {
  const [overlap] = overlapsOf(board);
  return overlap ? `${field}.tiles[${overlap.second}].layout: ${overlap.message}` : null;
}

/** The first overlap on any of `boards`, as `boards[i].tiles[j].layout: “A” overlaps “B”`, or null. */
export function firstOverlap(boards: readonly Pick<Board, 'tiles'>[]): string | null {
  for (const [index, board] of boards.entries()) {
    const overlap = boardOverlap(board, `boards[${index}]`);
    if (overlap) return overlap;
  }
  return null;
}

/** The first overlap anywhere in a settings document: its boards, then its pinned strip. */
export function firstOverlapIn(settings: {
  boards: readonly Pick<Board, 'tiles'>[];
  pinned?: Pick<Board, 'tiles'> | null;
}): string | null {
  return firstOverlap(settings.boards) ?? (settings.pinned ? boardOverlap(settings.pinned, 'pinned') : null);
}
