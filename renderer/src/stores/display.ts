import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Display } from '../../../contract/display';
import type { ThemeName } from '../theme/themes';
import { useSnapshotStore } from './snapshot';

/**
 * How this screen draws the board: theme and viewing-distance scale (from the settings in each
 * snapshot, overridable per screen with `?theme=` and `?scale=` in the address, since one hub feeds a
 * desk monitor and a hall TV alike), whether it is fullscreen, and the viewport it has to fill.
 */

export type Scale = Display['scale'];

/** Multipliers of the base size per viewing distance. */
export const SCALE_FACTORS: Record<Scale, number> = { desk: 0.85, room: 1, hall: 1.25 };
/** No label on the board is smaller than this (px), whatever the screen. */
export const MIN_FONT_PX = 14;

/** The board's base font size: 16 px at 1280×720 (room), 48 px at 3840×2160; the CSS uses the same rule. */
export function basePx(width: number, height: number, scale: Scale): number {
  // The same unit as the board's --u (WallboardScreen.vue): the long side, capped at 16:9 of the
  // short one, so a TV turned on its side keeps its text size and charts match the HTML around them.
  const fit = Math.min(Math.max(width, height), (Math.min(width, height) * 16) / 9) / 80;
  return Math.max(MIN_FONT_PX, fit * SCALE_FACTORS[scale]);
}

export interface DisplayOverrides {
  theme?: ThemeName;
  scale?: Scale;
}

export function parseOverrides(search: string): DisplayOverrides {
  const params = new URLSearchParams(search);
  const overrides: DisplayOverrides = {};
  const theme = params.get('theme');
  const scale = params.get('scale');
  if (theme === 'dark' || theme === 'light') overrides.theme = theme;
  if (scale === 'desk' || scale === 'room' || scale === 'hall') overrides.scale = scale;
  return overrides;
}

export const useDisplayStore = defineStore('display', () => {
  const snapshots = useSnapshotStore();
  const overrides = ref<DisplayOverrides>(
    typeof location === 'undefined' ? {} : parseOverrides(location.search),
  );
  const fullscreen = ref(false);
  const viewport = ref({ width: 1280, height: 720 });

  const settings = computed(() => snapshots.snapshot?.display ?? null);
  const theme = computed<ThemeName>(() => overrides.value.theme ?? settings.value?.theme ?? 'dark');
  const scale = computed<Scale>(() => overrides.value.scale ?? settings.value?.scale ?? 'room');
  const fontPx = computed(() => basePx(viewport.value.width, viewport.value.height, scale.value));

  function setViewport(width: number, height: number): void {
    if (width > 0 && height > 0) viewport.value = { width, height };
  }

  function setFullscreen(on: boolean): void {
    fullscreen.value = on;
  }

  function setOverrides(next: DisplayOverrides): void {
    overrides.value = next;
  }

  return {
    overrides,
    fullscreen,
    viewport,
    settings,
    theme,
    scale,
    fontPx,
    setViewport,
    setFullscreen,
    setOverrides,
  };
});
