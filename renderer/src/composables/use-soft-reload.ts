import { inject, watch, type InjectionKey, type Ref } from 'vue';
import { useClockStore } from '../stores/clock';

/**
 * Scheduled soft reload: a page that runs for weeks sheds whatever a browser accumulates by reloading
 * every N hours. The last snapshot is in storage, so the board comes back with its values at once.
 */

/** Provided as true where the host reloads the page itself (the desktop app, at a quiet hour). */
export const HOST_RELOADS_KEY: InjectionKey<boolean> = Symbol('host-reloads');

export function reloadDue(startedAt: number, now: number, hours: number): boolean {
  return hours > 0 && now - startedAt >= hours * 3_600_000;
}

export function useSoftReload(hours: Ref<number>, reload: () => void = () => location.reload()): void {
  // One schedule per screen: the desktop app reloads its boards at 04:00 instead (docs/desktop.md).
  if (inject(HOST_RELOADS_KEY, false)) return;
  const clock = useClockStore();
  const startedAt = clock.now;
  let done = false;
  watch(
    () => clock.now,
    (now) => {
      if (done || !reloadDue(startedAt, now, hours.value)) return;
      done = true;
      reload();
    },
  );
}
