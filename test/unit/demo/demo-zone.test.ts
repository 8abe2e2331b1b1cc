import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  DEMO_CITIES,
  DEMO_DAYTIME,
  DEMO_TARGET_MINUTE,
  minuteOfDay,
  pickDemoZone,
} from '../../../main/demo/demo-zone';

/** The demo's call centre must be open whenever someone looks: every instant, every season. */

const HOME = 'Europe/London';
const QUARTER_HOUR = 15 * 60_000;

/** Instants every 15 minutes (so every whole hour among them) over `hours` from `start`. */
function instants(start: string, hours: number): number[] {
  const from = Date.parse(start);
  return Array.from({ length: (hours * 60) / 15 }, (_, i) => from + i * QUARTER_HOUR);
}

function expectDaytime(instant: number): void {
  const choice = pickDemoZone(instant, HOME);
  const minute = minuteOfDay(instant, choice.timeZone);
  const at = new Date(instant).toISOString();
  expect(minute, `${at} → ${choice.timeZone}`).not.toBeNull();
  expect(minute!, `${at} → ${choice.timeZone}`).toBeGreaterThanOrEqual(DEMO_DAYTIME[0]);
  expect(minute!, `${at} → ${choice.timeZone}`).toBeLessThan(DEMO_DAYTIME[1]);
  if (choice.timeZone !== HOME) {
    // Away from home the rule aims for early afternoon, and some city is always within an hour of it.
    expect(Math.abs(minute! - DEMO_TARGET_MINUTE), `${at} → ${choice.timeZone}`).toBeLessThanOrEqual(60);
  }
}

describe('pickDemoZone', () => {
  it.each([
    ['January', '2026-01-05T00:00:00Z'],
    ['July', '2026-07-06T00:00:00Z'],
  ])('finds daytime at every hour of a whole week in %s', (_, monday) => {
    for (const instant of instants(monday, 7 * 24)) expectDaytime(instant);
  });

  it.each([
    ['US spring forward', '2026-03-07T00:00:00Z'],
    ['EU spring forward', '2026-03-28T00:00:00Z'],
    ['Australia and New Zealand fall back', '2026-04-04T00:00:00Z'],
    ['New Zealand spring forward', '2026-09-26T00:00:00Z'],
    ['Australia spring forward', '2026-10-03T00:00:00Z'],
    ['EU fall back', '2026-10-24T00:00:00Z'],
    ['US fall back', '2026-10-31T00:00:00Z'],
  ])('finds daytime across a daylight-saving change (%s)', (_, from) => {
    for (const instant of instants(from, 72)) expectDaytime(instant);
  });

  it('keeps the home zone whenever it is daytime there, and says nothing then', () => {
    expect(pickDemoZone(Date.parse('2026-07-15T12:00:00Z'), HOME)).toEqual({ timeZone: HOME, note: null });
    expect(pickDemoZone(Date.parse('2026-01-15T10:00:00Z'), HOME)).toEqual({ timeZone: HOME, note: null });
    // 16:59 in London is still daytime; 17:00 is not.
    expect(pickDemoZone(Date.parse('2026-01-15T16:59:00Z'), HOME).timeZone).toBe(HOME);
    expect(pickDemoZone(Date.parse('2026-01-15T17:00:00Z'), HOME).timeZone).not.toBe(HOME);
    for (const instant of instants('2026-01-05T00:00:00Z', 7 * 24)) {
      const london = minuteOfDay(instant, HOME)!;
      const daytime = london >= DEMO_DAYTIME[0] && london < DEMO_DAYTIME[1];
      expect(pickDemoZone(instant, HOME).timeZone === HOME).toBe(daytime);
    }
  });

  it('moves to a city where it is early afternoon at night, and says why', () => {
    // 04:30 UTC in January: 04:30 in London, 13:30 in Tokyo.
    expect(pickDemoZone(Date.parse('2026-01-15T04:30:00Z'), HOME)).toEqual({
      timeZone: 'Asia/Tokyo',
      note: 'Demo call centre on Tokyo time (Asia/Tokyo) so that it is open now',
    });
    // 19:30 UTC in July: 20:30 in London, 13:30 in Mexico City (no summer time) and 14:30 in Chicago.
    expect(pickDemoZone(Date.parse('2026-07-15T19:30:00Z'), HOME).timeZone).toBe('America/Mexico_City');
  });

  it('depends on the instant alone', () => {
    const instant = Date.parse('2026-02-01T02:10:00Z');
    expect(pickDemoZone(instant, HOME)).toEqual(pickDemoZone(instant, HOME));
    // Another home zone that is in daytime at that instant is kept.
    expect(pickDemoZone(instant, 'Asia/Tokyo')).toEqual({ timeZone: 'Asia/Tokyo', note: null });
  });

  it('lists real zones covering every whole-hour offset from −10 to +13 (but −9 and −2 in July)', () => {
    for (const { zone } of DEMO_CITIES) expect(DateTime.now().setZone(zone).isValid, zone).toBe(true);
    expect(new Set(DEMO_CITIES.map((c) => c.zone)).size).toBe(DEMO_CITIES.length);
    const offsets = (at: string) =>
      new Set(DEMO_CITIES.map(({ zone }) => DateTime.fromISO(at).setZone(zone).offset / 60));
    const missing = (at: string) =>
      Array.from({ length: 24 }, (_, i) => i - 10).filter((offset) => !offsets(at).has(offset));
    expect(missing('2026-01-15T12:00:00Z')).toEqual([]);
    expect(missing('2026-07-15T12:00:00Z')).toEqual([-9, -2]);
  });
});
