import { describe, expect, it } from 'vitest';
import { formatAge, formatAsOf, formatClockTime } from '../../../../renderer/src/format/time';

const AS_OF = '2026-07-01T13:05:00Z';

describe('freshness text', () => {
  it('reads the time in the board’s zone', () => {
    expect(formatClockTime(AS_OF, 'Europe/London')).toBe('14:05');
    expect(formatClockTime(AS_OF, 'America/Chicago')).toBe('08:05');
    expect(formatClockTime('not a time', 'Europe/London')).toBeNull();
  });

  it('moves the age in whole minutes, then hours, then days', () => {
    expect(formatAge(59_999)).toBe('just now');
    expect(formatAge(60_000)).toBe('1 min ago');
    expect(formatAge(59 * 60_000 + 59_000)).toBe('59 min ago');
    expect(formatAge(2 * 3_600_000)).toBe('2 h ago');
    expect(formatAge(72 * 3_600_000)).toBe('3 days ago');
  });

  it('combines both, or says there is no data yet', () => {
    const now = Date.parse(AS_OF) + 150_000;
    expect(formatAsOf(AS_OF, now, 'Europe/London')).toBe('as of 14:05 · 2 min ago');
    expect(formatAsOf(null, now, 'Europe/London')).toBe('no data yet');
  });
});
