import { describe, expect, it } from 'vitest';
import type { Board } from '../../../../contract/board';
import {
  duplicateBoard,
  firstFreeSpot,
  fits,
  layoutProblems,
  newBoard,
  shifted,
  uniqueId,
} from '../../../../renderer/src/settings/board-drafts';

/** The layout rules the editor keeps whatever the user does: inside the grid, no overlaps, unique ids. */

function board(tiles: Array<{ id: string; x: number; y: number; w: number; h: number }>): Board {
  return {
    id: 'b',
    name: 'Board',
    timeZone: 'Europe/London',
    dayReset: '00:00',
    rotationSeconds: 30,
    businessHours: null,
    grid: { columns: 4, rows: 3 },
    tiles: tiles.map(
      ({ id, ...layout }) =>
        ({ id, title: id.toUpperCase(), type: 'clock', layout }) as Board['tiles'][number],
    ),
  };
}

describe('ids', () => {
  it('are cleaned to the contract’s characters and never clash', () => {
    expect(uniqueId('Queue Overview!', [])).toBe('queue-overview');
    expect(uniqueId('clock', ['clock', 'clock-2'])).toBe('clock-3');
    expect(uniqueId('***', [])).toBe('item');
  });

  it('of new and duplicated boards are free', () => {
    const first = newBoard([], 'Europe/London');
    const second = newBoard([first], 'Europe/London');
    expect(second.id).not.toBe(first.id);
    const copy = duplicateBoard(first, [first, second]);
    expect(copy.id).toBe('board-copy');
    expect(copy.name).toBe(`${first.name} (copy)`);
    expect(copy.tiles).not.toBe(first.tiles);
  });
});

describe('layout', () => {
  const two = board([
    { id: 'a', x: 0, y: 0, w: 2, h: 2 },
    { id: 'b', x: 2, y: 0, w: 2, h: 1 },
  ]);

  it('refuses a place that overlaps another tile or leaves the grid', () => {
    expect(fits(two, 'a', { x: 1, y: 0, w: 2, h: 2 })).toBe(false);
    expect(fits(two, 'a', { x: 3, y: 2, w: 2, h: 1 })).toBe(false);
    expect(fits(two, 'a', { x: 0, y: 1, w: 2, h: 2 })).toBe(true);
  });

  it('moves and resizes by whole cells only where there is room', () => {
    expect(shifted(two, 'b', { dy: 1 })).toEqual({ x: 2, y: 1, w: 2, h: 1 });
    expect(shifted(two, 'b', { dx: -1 })).toBeNull();
    expect(shifted(two, 'a', { dh: 1 })).toEqual({ x: 0, y: 0, w: 2, h: 3 });
    expect(shifted(two, 'a', { dw: 1 })).toBeNull();
    expect(shifted(two, 'a', { dw: -2 })).toBeNull();
  });

  it('finds the first free spot, smaller when the asked size does not fit anywhere', () => {
    expect(firstFreeSpot(two, 2, 1)).toEqual({ x: 2, y: 1, w: 2, h: 1 });
    expect(firstFreeSpot(two, 4, 3)).toEqual({ x: 2, y: 1, w: 2, h: 1 });
    const full = board([{ id: 'all', x: 0, y: 0, w: 4, h: 3 }]);
    expect(firstFreeSpot(full, 1, 1)).toBeNull();
  });

  it('names overlaps and tiles outside the grid', () => {
    const bad = board([
      { id: 'a', x: 0, y: 0, w: 2, h: 2 },
      { id: 'b', x: 1, y: 1, w: 4, h: 1 },
    ]);
    expect(layoutProblems(bad)).toEqual(['“A” overlaps “B”', '“B” lies outside the grid']);
    expect(layoutProblems(two)).toEqual([]);
  });
});
