import { describe, expect, it } from 'vitest';
import { firstOverlap, firstOverlapIn, overlapsOf } from '../../../contract/layout';
import { defaultSettings } from '../../../main/core/settings/default-boards';
import { demoSettings } from '../../support/demo';

/** Overlapping tiles: found in pairs and named in words, and none on any default board. */

const tile = (title: string, x: number, y: number, w = 1, h = 1) => ({ title, layout: { x, y, w, h } });

describe('overlapping tiles', () => {
  it('are found in pairs, each named, touching edges are not an overlap', () => {
    const board = { tiles: [tile('A', 0, 0, 2, 2), tile('B', 2, 0), tile('C', 1, 1), tile('D', 1, 1)] };
    expect(
      overlapsOf(board as never).map((overlap) => [overlap.first, overlap.second, overlap.message]),
    ).toEqual([
      [0, 2, '“A” overlaps “C”'],
      [0, 3, '“A” overlaps “D”'],
      [2, 3, '“C” overlaps “D”'],
    ]);
    expect(firstOverlap([{ tiles: [tile('A', 0, 0)] }, board] as never)).toBe(
      'boards[1].tiles[2].layout: “A” overlaps “C”',
    );
    expect(firstOverlap([{ tiles: [tile('A', 0, 0), tile('B', 1, 0)] }] as never)).toBeNull();
  });

  it('are looked for in the pinned strip too', () => {
    const clean = { tiles: [tile('A', 0, 0)] };
    const strip = { tiles: [tile('P', 0, 0, 2), tile('Q', 1, 0)] };
    expect(firstOverlapIn({ boards: [clean] as never, pinned: strip as never })).toBe(
      'pinned.tiles[1].layout: “P” overlaps “Q”',
    );
    expect(firstOverlapIn({ boards: [clean] as never, pinned: null })).toBeNull();
  });

  it('never occur on the default boards, on the demo or on an account', () => {
    for (const settings of [demoSettings(), defaultSettings({ kind: 'account', timeZone: 'UTC' })]) {
      expect(firstOverlap(settings.boards)).toBeNull();
    }
  });
});
