// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useClockStore } from '../../../../renderer/src/stores/clock';

describe('useClockStore', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse('2026-11-23T14:00:00Z'));
    setActivePinia(createPinia());
  });
  afterEach(() => vi.useRealTimers());

  it('ticks every second with one interval however often it is started', () => {
    const clock = useClockStore();
    clock.start();
    clock.start();
    expect(vi.getTimerCount()).toBe(1);
    const before = clock.now;
    vi.advanceTimersByTime(3_000);
    expect(clock.now - before).toBe(3_000);
    clock.stop();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(5_000);
    expect(clock.now - before).toBe(3_000);
  });
});
