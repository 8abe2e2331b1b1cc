import { storeToRefs } from 'pinia';
import { computed, type ComputedRef } from 'vue';
import { useDisplayStore } from '../stores/display';

/** A screen taller than it is wide (a TV on its side): boards reflow for it (see portrait-layout). */
export function isPortrait(width: number, height: number): boolean {
  return height > width;
}

/** Whether the screen is portrait now, from the viewport the display store keeps in step. */
export function usePortrait(): ComputedRef<boolean> {
  const { viewport } = storeToRefs(useDisplayStore());
  return computed(() => isPortrait(viewport.value.width, viewport.value.height));
}
