import { storeToRefs } from 'pinia';
import { computed, type ComputedRef } from 'vue';
import { useDisplayStore } from '../stores/display';
import { THEMES } from '../theme/themes';
import type { ChartContext } from './options/chart-context';

/** The chart context for a tile: the display's theme tokens and font size, the board's zone. */
export function useChartContext(timeZone: () => string): ComputedRef<ChartContext> {
  const { theme, fontPx } = storeToRefs(useDisplayStore());
  return computed(() => ({
    tokens: THEMES[theme.value],
    fontPx: Math.max(14, Math.round(fontPx.value * 0.85)),
    timeZone: timeZone(),
  }));
}
