import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { CallStore } from '../../../emulator/data/call-store';
import { demoDirectory } from '../../../emulator/data/demo-directory';
import { Directory } from '../../../emulator/data/directory';
import { SyntheticCallCenter } from '../../../emulator/data/synthetic';

const directory = new Directory(demoDirectory());
const tuesday = DateTime.fromISO('2026-11-24T00:00:00', { zone: 'Europe/London' });

describe('synthetic call centre', () => {
  it('produces the same calls for the same seed and day, different ones for another seed', () => {
    const a = new SyntheticCallCenter(directory, { seed: 7, historyDays: 0, volume: 1 }).simulateDay(tuesday);
    const b = new SyntheticCallCenter(directory, { seed: 7, historyDays: 0, volume: 1 }).simulateDay(tuesday);
    const c = new SyntheticCallCenter(directory, { seed: 8, historyDays: 0, volume: 1 }).simulateDay(tuesday);
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThan(300);
    expect(c.map((call) => call.start)).not.toEqual(a.map((call) => call.start));
  });

  it('looks like a contact centre: mostly answered inbound queue calls, some abandons, voicemail after hours', () => {
    const calls = new SyntheticCallCenter(directory, { seed: 42, historyDays: 0, volume: 1 }).simulateDay(
      tuesday,
    );
    const inbound = calls.filter((call) => call.company.direction === 0);
    const answered = inbound.filter((call) => call.company.response === 0).length / inbound.length;
    expect(answered).toBeGreaterThan(0.7);
    expect(answered).toBeLessThan(0.99);
    const results = new Set(inbound.map((call) => call.company.result));
    expect(results).toContain(1); // Abandoned
    expect(results).toContain(2); // Voicemail
    expect(calls.some((call) => call.companyHours === 1)).toBe(true);
    expect(calls.some((call) => call.origin === 0)).toBe(true); // internal
    const hours = calls.map((call) => DateTime.fromMillis(call.start, { zone: 'Europe/London' }).hour);
    const peak = hours.filter((h) => h >= 9 && h < 17).length;
    expect(peak / calls.length).toBeGreaterThan(0.6);
  });

  it('makes calls visible only once they have ended', () => {
    const center = new SyntheticCallCenter(directory, { seed: 42, historyDays: 1, volume: 1 });
    const store = new CallStore();
    const noon = tuesday.plus({ hours: 12 }).toMillis();
    center.advanceTo(noon, store);
    const { calls, begin, end } = store.range(0, Number.MAX_SAFE_INTEGER);
    const visible = calls.slice(begin, end);
    expect(visible.length).toBeGreaterThan(100);
    expect(visible.every((call) => call.start + call.duration * 1000 <= noon)).toBe(true);
    const before = store.size;
    center.advanceTo(noon + 3_600_000, store);
    expect(store.size).toBeGreaterThan(before);
  });
});
