import { describe, expect, it } from 'vitest';
import { pixelShift, SHIFT_MAX_PX, SHIFT_STEP_MS } from '../../../../renderer/src/board/pixel-shift';
import { reloadDue } from '../../../../renderer/src/composables/use-soft-reload';

describe('pixel shift', () => {
  it('moves a few pixels per step, stays within bounds, and visits several positions', () => {
    const positions = new Set<string>();
    for (let step = 0; step < 16; step += 1) {
      const { x, y } = pixelShift(step * SHIFT_STEP_MS, true);
      expect(Math.abs(x)).toBeLessThanOrEqual(SHIFT_MAX_PX);
      expect(Math.abs(y)).toBeLessThanOrEqual(SHIFT_MAX_PX);
      positions.add(`${x},${y}`);
    }
    expect(positions.size).toBeGreaterThan(4);
    expect(pixelShift(SHIFT_STEP_MS - 1, true)).toEqual(pixelShift(0, true));
  });

  it('stays put when disabled', () => {
    expect(pixelShift(5 * SHIFT_STEP_MS, false)).toEqual({ x: 0, y: 0 });
  });
});

describe('soft reload', () => {
  it('is due after the configured hours and never with 0', () => {
    expect(reloadDue(0, 24 * 3_600_000 - 1, 24)).toBe(false);
    expect(reloadDue(0, 24 * 3_600_000, 24)).toBe(true);
    expect(reloadDue(0, 1e12, 0)).toBe(false);
  });
});
