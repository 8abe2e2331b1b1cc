import type { Bridge } from '../../../contract/bridge';
import type { useSnapshotStore } from '../stores/snapshot';
import { HUB_HEARTBEAT_MS, LivenessMonitor, type LinkSource } from './liveness';

/**
 * Wires a transport to the snapshot store: pushed snapshots, one initial fetch (a push may only come
 * at the next change), and for the hub the liveness watch. Returns a function that undoes it all.
 */

type SnapshotStore = Pick<ReturnType<typeof useSnapshotStore>, 'accept' | 'setHubLost'>;

export function connectBoard(bridge: Bridge, link: LinkSource | null, store: SnapshotStore): () => void {
  const unsubscribe = bridge.onSnapshot((snapshot) => store.accept(snapshot));
  const monitor = link
    ? new LivenessMonitor(link, {
        timeoutMs: 2 * HUB_HEARTBEAT_MS,
        onChange: (lost) => store.setHubLost(lost),
      })
    : null;
  monitor?.start();
  void bridge.invoke('snapshot:get', undefined).then((result) => {
    if (result.ok && result.value !== null) store.accept(result.value);
  });
  return () => {
    unsubscribe();
    monitor?.stop();
  };
}
