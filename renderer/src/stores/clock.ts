import { defineStore } from 'pinia';
import { ref } from 'vue';

/**
 * One shared 1-second tick for everything that shows a time or an age (tile footers, clocks) or acts
 * on time (rotation, pixel shift, soft reload): one interval for the whole board, not one per tile.
 */

export const TICK_MS = 1000;

export const useClockStore = defineStore('clock', () => {
  const now = ref(Date.now());
  let timer: ReturnType<typeof setInterval> | null = null;

  function start(): void {
    if (timer !== null) return;
    now.value = Date.now();
    timer = setInterval(() => (now.value = Date.now()), TICK_MS);
  }

  function stop(): void {
    if (timer !== null) clearInterval(timer);
    timer = null;
  }

  return { now, start, stop };
});
