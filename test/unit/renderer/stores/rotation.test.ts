// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { nextTick } from 'vue';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useClockStore } from '../../../../renderer/src/stores/clock';
import { useRotationStore } from '../../../../renderer/src/stores/rotation';
import { useSnapshotStore } from '../../../../renderer/src/stores/snapshot';
import { board, snapshot } from '../fixtures';

const START = Date.parse('2026-11-23T14:00:00Z');

function setup(rotate = true) {
  const snapshots = useSnapshotStore();
  snapshots.accept(
    snapshot({
      display: { ...snapshot().display, rotate },
      boards: [
        board({ id: 'queues', rotationSeconds: 30 }),
        board({ id: 'team', rotationSeconds: 10 }),
        board({ id: 'sales', rotationSeconds: 20 }),
      ],
    }),
    null,
  );
  const clock = useClockStore();
  clock.start();
  return { snapshots, clock, rotation: useRotationStore() };
}

async function advance(ms: number) {
  vi.advanceTimersByTime(ms);
  await nextTick();
}

describe('useRotationStore', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
    setActivePinia(createPinia());
  });
  afterEach(() => {
    useClockStore().stop();
    vi.useRealTimers();
  });

  it('shows each board for its own duration, then the next, wrapping around', async () => {
    const { rotation } = setup();
    expect(rotation.current?.id).toBe('queues');
    expect(rotation.nextAt).toBe(START + 30_000);
    await advance(29_000);
    expect(rotation.current?.id).toBe('queues');
    await advance(1_000);
    expect(rotation.current?.id).toBe('team');
    await advance(10_000);
    expect(rotation.current?.id).toBe('sales');
    await advance(20_000);
    expect(rotation.current?.id).toBe('queues');
  });

  it('pauses and resumes, giving the board a full turn after resuming', async () => {
    const { rotation } = setup();
    rotation.togglePause();
    expect(rotation.paused).toBe(true);
    expect(rotation.nextAt).toBeNull();
    await advance(120_000);
    expect(rotation.current?.id).toBe('queues');
    rotation.togglePause();
    await advance(29_000);
    expect(rotation.current?.id).toBe('queues');
    await advance(1_000);
    expect(rotation.current?.id).toBe('team');
  });

  it('takes a pause from the tray as a setting, not a toggle: the same pause twice changes nothing', async () => {
    const { rotation } = setup();
    rotation.setPaused(true);
    rotation.setPaused(true);
    expect(rotation.paused).toBe(true);
    await advance(60_000);
    expect(rotation.current?.id).toBe('queues');
    rotation.setPaused(false);
    rotation.setPaused(false);
    await advance(30_000);
    expect(rotation.current?.id).toBe('team');
  });

  it('steps with next and previous, wrapping both ways', () => {
    const { rotation } = setup();
    rotation.previous();
    expect(rotation.current?.id).toBe('sales');
    rotation.next();
    rotation.next();
    expect(rotation.current?.id).toBe('team');
  });

  it('does not rotate when the display setting says so', async () => {
    const { rotation } = setup(false);
    expect(rotation.enabled).toBe(false);
    await advance(300_000);
    expect(rotation.current?.id).toBe('queues');
  });

  it('keeps the current board by id when boards change, and falls back to the first when it goes', () => {
    const { rotation, snapshots } = setup();
    rotation.show(2);
    const next = (boards: ReturnType<typeof board>[], sequence: number) =>
      snapshots.accept(
        snapshot({ sequence, generatedAt: new Date(START + sequence).toISOString(), boards }),
        null,
      );
    next([board({ id: 'new' }), board({ id: 'queues' }), board({ id: 'sales' })], 2);
    expect(rotation.current?.id).toBe('sales');
    expect(rotation.index).toBe(2);
    next([board({ id: 'queues' }), board({ id: 'team' })], 3);
    expect(rotation.current?.id).toBe('queues');
  });
});
