import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { demoDirectory } from '../../../emulator/data/demo-directory';
import { Directory } from '../../../emulator/data/directory';
import { SyntheticCallCenter, type SyntheticOptions } from '../../../emulator/data/synthetic';

/** openEveryDay: the embedded demo's centre works weekends like a weekday; off, nothing changes. */

const ZONE = 'Europe/London';
const directory = new Directory(demoDirectory());
const day = (iso: string) => DateTime.fromISO(`${iso}T00:00:00`, { zone: ZONE });
const tuesday = day('2026-11-24');
const saturday = day('2026-11-28');
const sunday = day('2026-11-29');

function calls(date: DateTime, options: Partial<SyntheticOptions> = {}) {
  return new SyntheticCallCenter(directory, { seed: 42, historyDays: 0, volume: 1, ...options }).simulateDay(
    date,
  );
}

const inbound = (list: ReturnType<typeof calls>) => list.filter((call) => call.company.direction === 0);
/** Share of inbound calls answered (response 0). */
const answeredShare = (list: ReturnType<typeof calls>) =>
  inbound(list).filter((call) => call.company.response === 0).length / inbound(list).length;
const openAt = (list: ReturnType<typeof calls>, hour: number) =>
  list.some(
    (call) => call.companyHours === 0 && DateTime.fromMillis(call.start, { zone: ZONE }).hour === hour,
  );

describe('synthetic call centre, openEveryDay', () => {
  it('is off by default: Sunday stays closed and Saturday half-open', () => {
    const closed = calls(sunday);
    expect(closed.every((call) => call.companyHours === 1)).toBe(true);
    expect(inbound(closed).length).toBeLessThan(40);
    expect(openAt(calls(saturday), 15)).toBe(false);
  });

  it('opens Saturday and Sunday 08:00–18:00 with a weekday’s calls', () => {
    const weekday = inbound(calls(tuesday)).length;
    for (const date of [saturday, sunday]) {
      const list = calls(date, { openEveryDay: true });
      const label = date.toISODate() ?? '';
      expect(inbound(list).length, label).toBeGreaterThan(weekday * 0.7);
      expect(answeredShare(list), label).toBeGreaterThan(0.7);
      expect(openAt(list, 8), label).toBe(true);
      expect(openAt(list, 17), label).toBe(true);
      expect(openAt(list, 18), label).toBe(false);
    }
  });

  it('leaves weekdays exactly as they were', () => {
    expect(calls(tuesday, { openEveryDay: true })).toEqual(calls(tuesday));
  });
});
