import { describe, expect, it } from 'vitest';
import { BoardViewSchema } from '../../../../contract/snapshot';
import { buildBoardView, businessHoursNow, freezeDeep } from '../../../../main/core/kpi/board-snapshot';
import { buildTileSnapshot } from '../../../../main/core/kpi/tile-snapshot';
import { board, names } from './kpi-fixtures';

/** Board views: business hours in the board's zone, and deep freezing. */

const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] as const;
const nineToFive = { days: [...weekdays], from: '09:00', to: '17:00' };
const at = (iso: string) => Date.parse(iso);

describe('businessHoursNow', () => {
  it('is null for a board without business hours', () => {
    expect(businessHoursNow(null, 'Europe/London', Date.now())).toBeNull();
  });

  it('reads the hours in the board’s zone, from included, to excluded', () => {
    const zone = 'America/New_York'; // UTC−5 in November
    expect(businessHoursNow(nineToFive, zone, at('2026-11-25T13:59:59Z'))).toBe(false); // 08:59:59
    expect(businessHoursNow(nineToFive, zone, at('2026-11-25T14:00:00Z'))).toBe(true); // 09:00
    expect(businessHoursNow(nineToFive, zone, at('2026-11-25T21:59:00Z'))).toBe(true); // 16:59
    expect(businessHoursNow(nineToFive, zone, at('2026-11-25T22:00:00Z'))).toBe(false); // 17:00
    // 10:00 UTC is business hours in London but not yet in New York.
    expect(businessHoursNow(nineToFive, 'Europe/London', at('2026-11-25T10:00:00Z'))).toBe(true);
    expect(businessHoursNow(nineToFive, zone, at('2026-11-25T10:00:00Z'))).toBe(false);
  });

  it('uses the local weekday, which can differ from UTC’s', () => {
    // Friday 23:30 in New York is Saturday 04:30 UTC.
    const lateShift = { days: ['Friday' as const], from: '20:00', to: '23:59' };
    expect(businessHoursNow(lateShift, 'America/New_York', at('2026-11-28T04:30:00Z'))).toBe(true);
    expect(businessHoursNow(nineToFive, 'America/New_York', at('2026-11-28T15:00:00Z'))).toBe(false); // Sat
  });

  it('runs overnight hours into the next morning of a listed day', () => {
    const night = { days: ['Friday' as const], from: '22:00', to: '06:00' };
    const zone = 'Europe/London';
    expect(businessHoursNow(night, zone, at('2026-11-27T23:00:00Z'))).toBe(true); // Fri 23:00
    expect(businessHoursNow(night, zone, at('2026-11-28T05:59:00Z'))).toBe(true); // Sat 05:59
    expect(businessHoursNow(night, zone, at('2026-11-28T06:00:00Z'))).toBe(false); // Sat 06:00
    expect(businessHoursNow(night, zone, at('2026-11-27T05:00:00Z'))).toBe(false); // Fri 05:00 (Thu night)
    expect(businessHoursNow(night, zone, at('2026-11-28T23:00:00Z'))).toBe(false); // Sat 23:00
  });

  it('treats equal ends as the whole day', () => {
    const allDay = { days: ['Sunday' as const], from: '00:00', to: '00:00' };
    expect(businessHoursNow(allDay, 'Europe/London', at('2026-11-29T23:59:00Z'))).toBe(true);
    expect(businessHoursNow(allDay, 'Europe/London', at('2026-11-30T00:00:00Z'))).toBe(false);
  });
});

describe('buildBoardView', () => {
  it('carries the board’s screen settings and its tiles, frozen and schema-valid', () => {
    const b = board([{ id: 'clk', type: 'clock', title: 'Time', layout: { x: 0, y: 0, w: 1, h: 1 } }], {
      businessHours: nineToFive,
      dayReset: '06:00',
      rotationSeconds: 45,
    });
    const now = at('2026-11-25T12:00:00Z'); // Wednesday noon in London
    const tiles = b.tiles.map((tile) =>
      buildTileSnapshot({
        tile,
        board: b,
        plan: undefined,
        queries: new Map(),
        names,
        now,
        staleAfterMisses: 3,
        windowLabel: b.timeZone,
      }),
    );
    const view = buildBoardView({ board: b, now, tiles });
    expect(BoardViewSchema.parse(view)).toEqual(view);
    expect(view).toMatchObject({
      id: 'b',
      name: 'Board',
      timeZone: 'Europe/London',
      dayReset: '06:00',
      rotationSeconds: 45,
      grid: { columns: 24, rows: 24 },
      businessHoursNow: true,
    });
    expect(view.tiles.map((t) => t.id)).toEqual(['clk']);
    expect(Object.isFrozen(view.grid)).toBe(true);
    expect(() => (view.tiles as unknown[]).pop()).toThrow(TypeError);
    expect(
      buildBoardView({ board: { ...b, businessHours: null }, now, tiles: [] }).businessHoursNow,
    ).toBeNull();
  });
});

describe('freezeDeep', () => {
  it('freezes nested objects and arrays, even under an already frozen parent, and survives cycles', () => {
    const inner = { list: [{ n: 1 }] };
    const outer = Object.freeze({ inner });
    const cyclic: { self?: unknown; data: number[] } = { data: [1] };
    cyclic.self = cyclic;
    freezeDeep(outer);
    freezeDeep(cyclic);
    expect(Object.isFrozen(inner.list[0])).toBe(true);
    expect(() => inner.list.push({ n: 2 })).toThrow(TypeError);
    expect(() => cyclic.data.push(2)).toThrow(TypeError);
    expect(freezeDeep(5)).toBe(5);
    expect(freezeDeep(null)).toBeNull();
  });
});
