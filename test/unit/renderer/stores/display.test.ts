// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  basePx,
  MIN_FONT_PX,
  parseOverrides,
  useDisplayStore,
} from '../../../../renderer/src/stores/display';
import { useSnapshotStore } from '../../../../renderer/src/stores/snapshot';
import { snapshot } from '../fixtures';

describe('useDisplayStore', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('sizes the board from the viewport: 1280×720 and 3840×2160 scale by three, portrait as landscape', () => {
    const hd = basePx(1280, 720, 'room');
    expect(basePx(3840, 2160, 'room')).toBeCloseTo(hd * 3);
    expect(basePx(1920, 1080, 'hall')).toBeGreaterThan(basePx(1920, 1080, 'room'));
    expect(basePx(1920, 1080, 'desk')).toBeLessThan(basePx(1920, 1080, 'room'));
    // A TV on its side draws at the size it does upright (the portrait board reflows instead).
    expect(basePx(1080, 1920, 'desk')).toBe(basePx(1920, 1080, 'desk'));
    expect(basePx(400, 700, 'desk')).toBe(MIN_FONT_PX);
    expect(basePx(1280, 720, 'desk')).toBeGreaterThanOrEqual(MIN_FONT_PX);
  });

  it('takes theme and scale from the snapshot, dark and room before one arrives', () => {
    const display = useDisplayStore();
    display.setOverrides({});
    expect([display.theme, display.scale]).toEqual(['dark', 'room']);
    useSnapshotStore().accept(
      snapshot({ display: { ...snapshot().display, theme: 'light', scale: 'hall' } }),
      null,
    );
    expect([display.theme, display.scale]).toEqual(['light', 'hall']);
  });

  it('lets the screen’s address override theme and scale, ignoring unknown values', () => {
    expect(parseOverrides('?key=abc&theme=light&scale=desk')).toEqual({ theme: 'light', scale: 'desk' });
    expect(parseOverrides('?theme=pink&scale=huge')).toEqual({});
    const display = useDisplayStore();
    useSnapshotStore().accept(snapshot(), null);
    display.setOverrides(parseOverrides('?theme=light'));
    expect(display.theme).toBe('light');
  });
});
