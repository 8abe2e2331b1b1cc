import { watch, type Ref } from 'vue';
import { useClockStore } from '../stores/clock';

/**
 * Scheduled soft reload: a page that runs for weeks sheds whatever a browser accumulates by reloading
 * every N hours. The last snapshot is in storage, so the board comes back with its values at once.
 */

export function reloadDue(startedAt: number, now: number, hours: number): boolean {
  return hours > 0 && now - startedAt >= hours * 3_600_000;
}

export function useSoftReload(hours: Ref<number>, reload: () => void = () => location.reload()): void {
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
