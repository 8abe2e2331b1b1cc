import { describe, expect, it } from 'vitest';
import { clockTime, describeWait } from '../../../main/core/wait-words';

/** Waits in words for the status line. */

describe('describeWait', () => {
  it('says a wait as a person would', () => {
    expect(describeWait(0)).toBe('0 s');
    expect(describeWait(1.2)).toBe('2 s');
    expect(describeWait(90)).toBe('90 s');
    expect(describeWait(150)).toBe('2 min 30 s');
    expect(describeWait(3_600)).toBe('60 min');
    expect(describeWait(3_601)).toBe('60 min 1 s');
    expect(describeWait(9_000)).toBe('2 h 30 min');
    expect(describeWait(10_799)).toBe('2 h 59 min');
    expect(describeWait(365 * 86_400)).toBe('365 days');
    expect(describeWait(2.5 * 86_400)).toBe('about 3 days');
  });
});

describe('clockTime', () => {
  const NOW = Date.parse('2026-07-01T12:00:00Z');
  it('tells the time in the zone given, to the second when it is near', () => {
    expect(clockTime(NOW + 65_400, NOW, 'Europe/London')).toBe('13:01:05');
    expect(clockTime(NOW + 3_601_000, NOW, 'Europe/London')).toBe('14:00');
    expect(clockTime(NOW + 3_601_000, NOW, 'America/New_York')).toBe('09:00');
  });

  it('falls back to UTC for a zone it does not know', () => {
    expect(clockTime(NOW + 3_601_000, NOW, 'Mars/Olympus')).toBe('13:00');
  });
});
