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

/** The first overlap on any of `boards`, as `boards[i].tiles[j].layout: “A” overlaps “B”`, or null. */
export function firstOverlap(boards: readonly Pick<Board, 'tiles'>[], field = 'boards'): string | null {
  for (const [index, board] of boards.entries()) {
    const [overlap] = overlapsOf(board);
    if (overlap) return `${field}[${index}].tiles[${overlap.second}].layout: ${overlap.message}`;
  }
  return null;
}

/** The first overlap anywhere in a settings document: its boards, then its pinned strip. */
export function firstOverlapIn(settings: {
  boards: readonly Pick<Board, 'tiles'>[];
  pinned?: Pick<Board, 'tiles'> | null;
}): string | null {
  const inPinned = settings.pinned ? firstOverlap([settings.pinned], 'pinned') : null;
  return firstOverlap(settings.boards) ?? inPinned?.replace(/^pinned\[0\]/, 'pinned') ?? null;
}
