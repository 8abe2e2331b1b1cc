// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectBoard } from '../../../../renderer/src/bridge/connect-board';
import { createHubBridge } from '../../../../renderer/src/bridge/hub-bridge';
import { LOST_HUB_MESSAGE, useSnapshotStore } from '../../../../renderer/src/stores/snapshot';
import { snapshot } from '../fixtures';
import { fakeFetch, FakeEventSource, json } from './fake-hub';

describe('connectBoard over the hub', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    setActivePinia(createPinia());
    localStorage.clear();
  });
  afterEach(() => vi.useRealTimers());

  it('loads the current snapshot, follows pushes, and shows Offline when the hub goes silent and stops answering', async () => {
    let hubUp = true;
    const http = fakeFetch((url) => {
      if (!hubUp) return Promise.reject(new TypeError('Failed to fetch'));
      if (url.includes('/api/invoke/')) return json(200, { ok: true, value: snapshot({ sequence: 1 }) });
      return json(200, snapshot({ sequence: 2 }));
    });
    let source: FakeEventSource | null = null;
    const hub = createHubBridge({
      fetch: http.fetch,
      createEventSource: (url) => (source = new FakeEventSource(url)),
    });
    const store = useSnapshotStore();
    const disconnect = connectBoard(hub, hub, store);
    await vi.advanceTimersByTimeAsync(0);
    expect(store.snapshot?.sequence).toBe(1);

    source!.emit('open');
    source!.emit('snapshot', JSON.stringify(snapshot({ sequence: 5 })));
    expect(store.snapshot?.sequence).toBe(5);
    expect(store.status.light).toBe('live');

    hubUp = false;
    source!.fail(false);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(store.status.light).toBe('live');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(store.status).toEqual({ light: 'offline', message: LOST_HUB_MESSAGE });
    expect(store.snapshot?.sequence).toBe(5);

    hubUp = true;
    source!.emit('open');
    expect(store.status.light).toBe('live');
    disconnect();
  });
});
