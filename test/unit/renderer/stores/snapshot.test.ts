// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { isNewer, LOST_HUB_MESSAGE, useSnapshotStore } from '../../../../renderer/src/stores/snapshot';
import { STORAGE_KEY } from '../../../../renderer/src/stores/snapshot-storage';
import { snapshot } from '../fixtures';

describe('useSnapshotStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    localStorage.clear();
  });

  it('starts with no snapshot and a starting light', () => {
    const store = useSnapshotStore();
    expect(store.snapshot).toBeNull();
    expect(store.status.light).toBe('starting');
  });

  it('keeps the newest snapshot and ignores one that arrives late', () => {
    const store = useSnapshotStore();
    expect(store.accept(snapshot({ sequence: 5, generatedAt: '2026-11-23T14:05:05Z' }))).toBe(true);
    expect(store.accept(snapshot({ sequence: 4, generatedAt: '2026-11-23T14:05:04Z' }))).toBe(false);
    expect(store.snapshot?.sequence).toBe(5);
    expect(store.accept(snapshot({ sequence: 6, generatedAt: '2026-11-23T14:05:06Z' }))).toBe(true);
    expect(store.snapshot?.sequence).toBe(6);
  });

  it('accepts a lower sequence generated later: the core restarted and counts from 0', () => {
    const before = snapshot({ sequence: 900, generatedAt: '2026-11-23T14:00:00Z' });
    const restarted = snapshot({ sequence: 1, generatedAt: '2026-11-23T14:01:00Z' });
    expect(isNewer(restarted, before)).toBe(true);
    expect(isNewer(before, restarted)).toBe(true);
    expect(isNewer(snapshot({ sequence: 1, generatedAt: '2026-11-23T13:59:00Z' }), before)).toBe(false);
  });

  it('passes the core’s status light through, and overrides it when the hub is lost', () => {
    const store = useSnapshotStore();
    store.accept(snapshot({ status: { light: 'delayed', message: 'RingCentral is slow', resumesAt: null } }));
    expect(store.status).toEqual({ light: 'delayed', message: 'RingCentral is slow' });
    store.setHubLost(true);
    expect(store.status).toEqual({ light: 'offline', message: LOST_HUB_MESSAGE });
    expect(store.snapshot).not.toBeNull();
    store.setHubLost(false);
    expect(store.status.light).toBe('delayed');
  });

  it('persists accepted snapshots and restores them after a reload, marked as not yet confirmed', () => {
    const first = useSnapshotStore();
    first.accept(snapshot({ sequence: 42 }));
    expect(localStorage.getItem(STORAGE_KEY)).toContain('"sequence":42');

    setActivePinia(createPinia());
    const reloaded = useSnapshotStore();
    expect(reloaded.restore()).toBe(true);
    expect(reloaded.snapshot?.sequence).toBe(42);
    expect(reloaded.restored).toBe(true);
    expect(reloaded.status.light).toBe('delayed');
    // The live source wins even with a lower sequence (a restarted hub).
    expect(reloaded.accept(snapshot({ sequence: 3, generatedAt: '2026-11-23T14:00:00Z' }))).toBe(true);
    expect(reloaded.restored).toBe(false);
    expect(reloaded.status.light).toBe('live');
  });

  it('discards a stored snapshot that no longer matches the contract', () => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ sequence: 'x' }));
    const store = useSnapshotStore();
    expect(store.restore()).toBe(false);
    expect(store.snapshot).toBeNull();
    expect(localStorage.getItem(STORAGE_KEY)).toBeNull();
  });
});
