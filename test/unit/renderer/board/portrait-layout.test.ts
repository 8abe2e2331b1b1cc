import { describe, expect, it } from 'vitest';
import {
  arrangeBoard,
  landscapeArrangement,
  portraitArrangement,
  portraitColumns,
  type TileLayout,
} from '../../../../renderer/src/board/portrait-layout';

const at = (x: number, y: number, w = 1, h = 1): { layout: TileLayout } => ({ layout: { x, y, w, h } });

/** The demo's queue board: six headlines, grid and timeline, then four tiles along the bottom. */
const QUEUE_BOARD = [
  at(0, 0),
  at(1, 0),
  at(2, 0),
  at(3, 0),
  at(4, 0),
  at(5, 0),
  at(0, 3),
  at(0, 1, 3, 2),
  at(3, 1, 3, 2),
  at(1, 3, 2, 1),
  at(3, 3),
  at(4, 3, 2, 1),
];

/** The demo's team board: a tall leaderboard beside nine numbers (the last a clock), a ticker below. */
const TEAM_BOARD = [
  at(0, 0, 3, 3),
  ...[0, 1, 2].flatMap((y) => [3, 4, 5].map((x) => at(x, y))),
  at(0, 3, 6, 1),
];

function cells(layouts: TileLayout[]): string[] {
  return layouts.flatMap((l) =>
    Array.from({ length: l.w * l.h }, (_, i) => `${l.x + (i % l.w)},${l.y + Math.floor(i / l.w)}`),
  );
}

/** No two tiles share a cell and every tile lies inside the grid. */
function expectValid(arrangement: ReturnType<typeof portraitArrangement>, count: number): void {
  const { grid, layouts } = arrangement;
  expect(layouts).toHaveLength(count);
  for (const layout of layouts) {
    expect(layout.x).toBeGreaterThanOrEqual(0);
    expect(layout.x + layout.w).toBeLessThanOrEqual(grid.columns);
    expect(layout.y + layout.h).toBeLessThanOrEqual(grid.rows);
  }
  const taken = cells(layouts);
  expect(new Set(taken).size).toBe(taken.length);
}

describe('portraitArrangement', () => {
  it('halves the columns, rounding up, and never goes below one', () => {
    expect([6, 5, 4, 2, 1].map(portraitColumns)).toEqual([3, 3, 2, 1, 1]);
  });

  it('reflows the queue board onto 3 columns in reading order, each tile keeping its size', () => {
    const { grid, layouts } = portraitArrangement({ columns: 6, rows: 4 }, QUEUE_BOARD);
    expect(grid).toEqual({ columns: 3, rows: 8 });
    expect(layouts).toEqual([
      { x: 0, y: 0, w: 1, h: 1 },
      { x: 1, y: 0, w: 1, h: 1 },
      { x: 2, y: 0, w: 1, h: 1 },
      { x: 0, y: 1, w: 1, h: 1 },
      { x: 1, y: 1, w: 1, h: 1 },
      { x: 2, y: 1, w: 1, h: 1 },
      // Avg handle time (bottom left in landscape) comes after the grid and the timeline.
      { x: 0, y: 6, w: 1, h: 1 },
      { x: 0, y: 2, w: 3, h: 2 },
      { x: 0, y: 4, w: 3, h: 2 },
      { x: 1, y: 6, w: 2, h: 1 },
      { x: 0, y: 7, w: 1, h: 1 },
      { x: 1, y: 7, w: 2, h: 1 },
    ]);
    expectValid({ grid, layouts }, QUEUE_BOARD.length);
  });

  it('puts the team board’s leaderboard first, its numbers after, and narrows the ticker to the screen', () => {
    const { grid, layouts } = portraitArrangement({ columns: 6, rows: 4 }, TEAM_BOARD);
    expect(grid).toEqual({ columns: 3, rows: 7 });
    expect(layouts[0]).toEqual({ x: 0, y: 0, w: 3, h: 3 });
    expect(layouts.slice(1, 10).map((l) => [l.x, l.y])).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
      [0, 4],
      [1, 4],
      [2, 4],
      [0, 5],
      [1, 5],
      [2, 5],
    ]);
    expect(layouts[10]).toEqual({ x: 0, y: 6, w: 3, h: 1 });
    expectValid({ grid, layouts }, TEAM_BOARD.length);
  });

  it('keeps reading order: a tile that does not fit the rest of a row starts the next one', () => {
    const { grid, layouts } = portraitArrangement({ columns: 4, rows: 2 }, [
      at(0, 0),
      at(1, 0, 2, 1),
      at(3, 0),
      at(0, 1, 4, 1),
    ]);
    // The later 1×1 does not jump back into the hole beside the first tile: order beats density.
    expect(grid).toEqual({ columns: 2, rows: 4 });
    expect(layouts).toEqual([
      { x: 0, y: 0, w: 1, h: 1 },
      { x: 0, y: 1, w: 2, h: 1 },
      { x: 0, y: 2, w: 1, h: 1 },
      { x: 0, y: 3, w: 2, h: 1 },
    ]);
  });

  it('places every tile without overlap even when the landscape layouts overlap or leave the grid', () => {
    const tiles = [at(0, 0, 2, 2), at(1, 1, 2, 2), at(5, 5, 9, 1), at(0, 0, 0, 0), at(2, 0)];
    const arrangement = portraitArrangement({ columns: 3, rows: 3 }, tiles);
    expectValid(arrangement, tiles.length);
    expect(arrangement.grid.columns).toBe(2);
    // Zero-sized layouts still get a cell, as the landscape grid draws them.
    expect(arrangement.layouts[3]).toMatchObject({ w: 1, h: 1 });
  });

  it('gives tiles in the same place the board’s order', () => {
    const { grid, layouts } = portraitArrangement({ columns: 2, rows: 1 }, [at(0, 0), at(0, 0)]);
    expect(layouts).toEqual([
      { x: 0, y: 0, w: 1, h: 1 },
      { x: 0, y: 1, w: 1, h: 1 },
    ]);
    expect(grid).toEqual({ columns: 1, rows: 2 });
  });

  it('keeps at least the board’s own rows, so a sparse board is not stretched tall', () => {
    const top = [0, 1, 2, 3].map((x) => at(x, 0));
    expect(portraitArrangement({ columns: 4, rows: 4 }, top).grid).toEqual({ columns: 2, rows: 4 });
    expect(portraitArrangement({ columns: 6, rows: 4 }, [])).toEqual({
      grid: { columns: 3, rows: 4 },
      layouts: [],
    });
  });
});

describe('arrangeBoard', () => {
  it('leaves a landscape board exactly as designed', () => {
    const grid = { columns: 6, rows: 4 };
    expect(arrangeBoard({ grid, tiles: [] }, false)).toEqual({ grid, layouts: [] });
    const arrangement = landscapeArrangement(grid, QUEUE_BOARD);
    expect(arrangement.grid).toBe(grid);
    expect(arrangement.layouts).toEqual(QUEUE_BOARD.map((tile) => tile.layout));
  });
});
