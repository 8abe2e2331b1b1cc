import { describe, expect, it } from 'vitest';
import { levelOf, tileStateOf, worstLevel } from '../../../../main/core/kpi/thresholds';

/** Threshold levels in both directions at their edges, and a tile's state from its levels. */

describe('levelOf', () => {
  const above = { direction: 'above', warn: 30, critical: 60 } as const; // e.g. longest wait, seconds
  const below = { direction: 'below', warn: 80, critical: 70 } as const; // e.g. service level, %

  it('is none without thresholds or without a value', () => {
    expect(levelOf(500, undefined)).toBe('none');
    expect(levelOf(500, null)).toBe('none');
    expect(levelOf(null, above)).toBe('none');
    expect(levelOf(null, below)).toBe('none');
  });

  it('rises with the value for direction above, each limit included', () => {
    expect(levelOf(0, above)).toBe('ok');
    expect(levelOf(29.99, above)).toBe('ok');
    expect(levelOf(30, above)).toBe('warn');
    expect(levelOf(59.99, above)).toBe('warn');
    expect(levelOf(60, above)).toBe('critical');
    expect(levelOf(1e6, above)).toBe('critical');
  });

  it('falls with the value for direction below, each limit included', () => {
    expect(levelOf(100, below)).toBe('ok');
    expect(levelOf(80.01, below)).toBe('ok');
    expect(levelOf(80, below)).toBe('warn');
    expect(levelOf(70.01, below)).toBe('warn');
    expect(levelOf(70, below)).toBe('critical');
    expect(levelOf(-5, below)).toBe('critical');
  });

  it('goes straight to critical when both limits are equal', () => {
    const same = { direction: 'above', warn: 10, critical: 10 } as const;
    expect(levelOf(9, same)).toBe('ok');
    expect(levelOf(10, same)).toBe('critical');
  });
});

describe('worstLevel and tileStateOf', () => {
  it('orders critical over warn over ok, and counts none as ok', () => {
    expect(worstLevel([])).toBe('ok');
    expect(worstLevel(['none', 'none'])).toBe('ok');
    expect(worstLevel(['ok', 'warn', 'none'])).toBe('warn');
    expect(worstLevel(['critical', 'warn', 'ok'])).toBe('critical');
    expect(worstLevel(['warn', 'critical'])).toBe('critical');
  });

  it('is unknown without data and stale before any level', () => {
    expect(tileStateOf({ hasData: false, stale: false, levels: ['critical'] })).toBe('unknown');
    expect(tileStateOf({ hasData: true, stale: true, levels: ['critical'] })).toBe('stale');
    expect(tileStateOf({ hasData: true, stale: false, levels: ['ok', 'warn'] })).toBe('warn');
    expect(tileStateOf({ hasData: true, stale: false, levels: ['none'] })).toBe('ok');
  });
});
