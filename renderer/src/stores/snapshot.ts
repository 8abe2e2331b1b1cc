import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { BoardSnapshot, StatusLight } from '../../../contract/snapshot';
import { defaultStorage, loadSnapshot, saveSnapshot } from './snapshot-storage';

/**
 * The latest BoardSnapshot and whether the screen still hears its source. The status light combines
 * both: what the core says about the API, overridden by what this screen knows about its own link
 * (a lost hub, or values restored from storage and not yet confirmed).
 */

export const LOST_HUB_MESSAGE = 'Lost connection to the hub';
export const RESTORED_MESSAGE = 'Showing the last values received; reconnecting…';

/**
 * Whether `next` should replace `current`: a higher sequence wins; a lower one is a late arrival and is
 * ignored, unless it was generated later (the core restarted and counts from 0 again).
 */
export function isNewer(next: BoardSnapshot, current: BoardSnapshot | null): boolean {
  if (current === null) return true;
  if (next.sequence > current.sequence) return true;
  return Date.parse(next.generatedAt) > Date.parse(current.generatedAt);
}

export const useSnapshotStore = defineStore('snapshot', () => {
  // Snapshots are immutable and replaced whole: no deep reactivity needed over thousands of values.
  const snapshot = shallowRef<BoardSnapshot | null>(null);
  /** True while the snapshot shown came from storage and the source has not confirmed anything yet. */
  const restored = ref(false);
  /** True when the hub has been silent for too long (see bridge/liveness.ts). */
  const hubLost = ref(false);
  const receivedAt = ref<number | null>(null);

  const status = computed<{ light: StatusLight; message: string | null }>(() => {
    const current = snapshot.value;
    if (current === null)
      return {
        light: hubLost.value ? 'offline' : 'starting',
        message: hubLost.value ? LOST_HUB_MESSAGE : null,
      };
    if (hubLost.value) return { light: 'offline', message: LOST_HUB_MESSAGE };
    if (restored.value) return { light: 'delayed', message: RESTORED_MESSAGE };
    return { light: current.status.light, message: current.status.message };
  });

  /** Takes a validated snapshot; returns false when it is older than the one shown. */
  function accept(next: BoardSnapshot, storage: Storage | null = defaultStorage()): boolean {
    const fresh = restored.value || isNewer(next, snapshot.value);
    if (!fresh) return false;
    snapshot.value = next;
    restored.value = false;
    receivedAt.value = Date.now();
    saveSnapshot(storage, next);
    return true;
  }

  /** Shows the stored snapshot, if any, until the source speaks. */
  function restore(storage: Storage | null = defaultStorage()): boolean {
    const stored = loadSnapshot(storage);
    if (stored === null || snapshot.value !== null) return false;
    snapshot.value = stored;
    restored.value = true;
    return true;
  }

  function setHubLost(lost: boolean): void {
    hubLost.value = lost;
  }

  return { snapshot, restored, hubLost, receivedAt, status, accept, restore, setHubLost };
});
