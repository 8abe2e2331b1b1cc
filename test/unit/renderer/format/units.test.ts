import { describe, expect, it } from 'vitest';
import {
  formatDelta,
  formatDuration,
  formatShare,
  formatValue,
  UNKNOWN,
} from '../../../../renderer/src/format/units';

describe('formatValue', () => {
  it('shows unknown as "—" for every unit, never 0', () => {
    for (const unit of ['count', 'percent', 'seconds'] as const) {
      expect(formatValue(null, unit)).toBe(UNKNOWN);
      expect(formatValue(Number.NaN, unit)).toBe(UNKNOWN);
    }
    expect(formatValue(0, 'count')).toBe('0');
  });

  it('formats counts as integers with thousands separators', () => {
    expect(formatValue(1234567, 'count')).toBe('1,234,567');
    expect(formatValue(41.6, 'count')).toBe('42');
  });

  it('formats percentages with one decimal', () => {
    expect(formatValue(87.349, 'percent')).toBe('87.3%');
    expect(formatValue(100, 'percent')).toBe('100.0%');
  });

  it('formats seconds as m:ss under an hour and h:mm:ss from an hour', () => {
    expect(formatValue(5, 'seconds')).toBe('0:05');
    expect(formatValue(75.4, 'seconds')).toBe('1:15');
    expect(formatValue(3599.6, 'seconds')).toBe('1:00:00');
    expect(formatValue(3725, 'seconds')).toBe('1:02:05');
    expect(formatDuration(-75)).toBe('−1:15');
  });
});

describe('formatDelta', () => {
  it('signs and words the change per unit', () => {
    expect(formatDelta(120, 100, 'count')).toEqual({ amount: 20, direction: 'up', text: '+20' });
    expect(formatDelta(80.04, 82.1, 'percent')).toEqual({
      amount: -2.1,
      direction: 'down',
      text: '−2.1 pts',
    });
    expect(formatDelta(95, 50, 'seconds')?.text).toBe('+0:45');
    expect(formatDelta(10.2, 10.4, 'count')).toEqual({ amount: 0, direction: 'same', text: '±0' });
  });

  it('is unknown when either side is unknown', () => {
    expect(formatDelta(null, 10, 'count')).toBeNull();
    expect(formatDelta(10, null, 'count')).toBeNull();
  });
});

describe('formatShare', () => {
  it('is a percentage of the whole, unknown for an unknown part or an empty whole', () => {
    expect(formatShare(1, 3)).toBe('33.3%');
    expect(formatShare(null, 3)).toBe(UNKNOWN);
    expect(formatShare(0, 0)).toBe(UNKNOWN);
  });
});
