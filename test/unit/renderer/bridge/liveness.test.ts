import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LivenessMonitor, type LinkEvent, type LinkSource } from '../../../../renderer/src/bridge/liveness';

class FakeLink implements LinkSource {
  listener: ((event: LinkEvent) => void) | null = null;
  answers = true;
  probes = 0;
  onLink(listener: (event: LinkEvent) => void) {
    this.listener = listener;
    return () => (this.listener = null);
  }
  async probe() {
    this.probes += 1;
    return this.answers;
  }
  send(event: LinkEvent) {
    this.listener?.(event);
  }
}

describe('LivenessMonitor', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup() {
    const link = new FakeLink();
    const changes: boolean[] = [];
    const monitor = new LivenessMonitor(link, { timeoutMs: 30_000, onChange: (lost) => changes.push(lost) });
    monitor.start();
    return { link, changes, monitor };
  }

  it('stays quiet while messages keep coming', async () => {
    const { link, changes } = setup();
    for (let i = 0; i < 10; i += 1) {
      await vi.advanceTimersByTimeAsync(15_000);
      link.send('message');
    }
    expect(link.probes).toBe(0);
    expect(changes).toEqual([]);
  });

  it('probes after 2× the heartbeat of silence and counts the hub lost only if the probe fails', async () => {
    const { link, changes, monitor } = setup();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(link.probes).toBe(1);
    expect(changes).toEqual([]);
    link.answers = false;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(changes).toEqual([true]);
    expect(monitor.isLost).toBe(true);
  });

  it('recovers on the next sign of life, or on a probe that answers again', async () => {
    const { link, changes } = setup();
    link.answers = false;
    await vi.advanceTimersByTimeAsync(30_000);
    link.send('open');
    expect(changes).toEqual([true, false]);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(changes).toEqual([true, false, true]);
    link.answers = true;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(changes).toEqual([true, false, true, false]);
  });

  it('does not count an error event as a sign of life', async () => {
    const { link, changes } = setup();
    link.answers = false;
    await vi.advanceTimersByTimeAsync(20_000);
    link.send('error');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(changes).toEqual([true]);
  });

  it('stops its timer and listener when stopped', () => {
    const { link, monitor } = setup();
    monitor.stop();
    expect(link.listener).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });
});
