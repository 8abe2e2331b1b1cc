import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import type { BoardView } from '../../../contract/snapshot';
import { useClockStore } from './clock';
import { useSnapshotStore } from './snapshot';

/**
 * Which board is on screen. Boards rotate every board's own rotationSeconds when the display setting
 * allows it and there is more than one; a viewer can pause, resume and step. The current board is
 * remembered by id so it survives boards being added or removed in a new snapshot.
 */

export const useRotationStore = defineStore('rotation', () => {
  const snapshots = useSnapshotStore();
  const clock = useClockStore();

  const currentId = ref<string | null>(null);
  const paused = ref(false);
  /** When the current board came on screen (ms). */
  const shownSince = ref(clock.now);

  const boards = computed<BoardView[]>(() => snapshots.snapshot?.boards ?? []);
  const index = computed(() => {
    const found = boards.value.findIndex((board) => board.id === currentId.value);
    return found < 0 ? 0 : found;
  });
  const current = computed<BoardView | null>(() => boards.value[index.value] ?? null);
  const durationMs = computed(() => Math.max(5, current.value?.rotationSeconds ?? 30) * 1000);
  const enabled = computed(() => (snapshots.snapshot?.display.rotate ?? false) && boards.value.length > 1);
  /** When the next board comes on, or null when not rotating. */
  const nextAt = computed(() =>
    enabled.value && !paused.value ? shownSince.value + durationMs.value : null,
  );

  function show(position: number): void {
    const count = boards.value.length;
    if (count === 0) return;
    const wrapped = ((position % count) + count) % count;
    currentId.value = boards.value[wrapped]?.id ?? null;
    shownSince.value = clock.now;
  }

  const next = () => show(index.value + 1);
  const previous = () => show(index.value - 1);

  function setPaused(pause: boolean): void {
    if (paused.value === pause) return;
    paused.value = pause;
    // Resuming gives the board a full turn rather than flipping away at once.
    if (!pause) shownSince.value = clock.now;
  }

  function togglePause(): void {
    setPaused(!paused.value);
  }

  function tick(now: number): void {
    if (nextAt.value !== null && now >= nextAt.value) show(index.value + 1);
  }

  watch(() => clock.now, tick);

  return {
    currentId,
    paused,
    setPaused,
    shownSince,
    boards,
    index,
    current,
    durationMs,
    enabled,
    nextAt,
    show,
    next,
    previous,
    togglePause,
    tick,
  };
});
