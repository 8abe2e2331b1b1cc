// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { nextTick, ref } from 'vue';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BoardSnapshot } from '../../../../contract/snapshot';
import WallboardScreen from '../../../../renderer/src/board/WallboardScreen.vue';
import { SHIFT_STEP_MS } from '../../../../renderer/src/board/pixel-shift';
import { chartsPlugin } from '../../../../renderer/src/charts/echarts';
import { useDisplayStore } from '../../../../renderer/src/stores/display';
import { useSnapshotStore } from '../../../../renderer/src/stores/snapshot';
import { THEMES } from '../../../../renderer/src/theme/themes';
import { bigNumberTile, board, snapshot, tile } from '../fixtures';
import { installDomStubs } from '../mount-tile';

const START = Date.parse('2026-11-23T14:00:00Z');

function twoBoards(overrides: Partial<BoardSnapshot> = {}): BoardSnapshot {
  return snapshot({
    boards: [
      board({ id: 'queues', name: 'Queues — today' }),
      board({
        id: 'team',
        name: 'Team — today',
        tiles: [bigNumberTile({ id: 'team-answered', title: 'Team answered' })],
      }),
    ],
    pinned: board({
      id: 'strip',
      name: 'Pinned',
      grid: { columns: 2, rows: 1 },
      tiles: [tile({ type: 'clock', id: 'pinned-clock', title: 'Time' })],
    }),
    ...overrides,
  });
}

const mounted: { unmount(): void }[] = [];

function mountBoard(initial: BoardSnapshot | null) {
  installDomStubs();
  const pinia = createPinia();
  setActivePinia(pinia);
  const store = useSnapshotStore();
  if (initial) store.accept(initial, null);
  const wrapper = mount(WallboardScreen, {
    attachTo: document.body,
    global: {
      plugins: [
        pinia,
        chartsPlugin({ renderer: 'svg', theme: ref('dark'), size: { width: 400, height: 300 } }),
      ],
    },
  });
  mounted.push(wrapper);
  return { wrapper, store };
}

const key = async (name: string) => {
  window.dispatchEvent(new KeyboardEvent('keydown', { key: name }));
  await nextTick();
};

describe('WallboardScreen', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
    localStorage.clear();
  });
  afterEach(() => {
    // Unmounting removes each board's window key listener and stops its clock.
    mounted.splice(0).forEach((wrapper) => wrapper.unmount());
    document.body.innerHTML = '';
    vi.useRealTimers();
  });

  it('shows a calm connecting screen before the first snapshot, never zeros', () => {
    const { wrapper } = mountBoard(null);
    const status = wrapper.get('[data-status]');
    expect(status.attributes('data-status')).toBe('starting');
    expect(wrapper.text()).toContain('Connecting to Callboard…');
    expect(wrapper.text()).not.toMatch(/\d/);
    expect(wrapper.find('[data-tile-id]').exists()).toBe(false);
  });

  it('draws the header, the current board and the pinned strip', () => {
    const { wrapper } = mountBoard(twoBoards());
    expect(wrapper.get('h1').text()).toBe('Queues — today');
    expect(wrapper.get('[data-status]').attributes('data-status')).toBe('live');
    expect(wrapper.find('[data-demo]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="board-window"]').text()).toBe('Today since 00:00, Europe/London');
    expect(wrapper.get('main [data-board-id]').attributes('data-board-id')).toBe('queues');
    expect(wrapper.get('main [data-tile-id="service-level"]').attributes('data-state')).toBe('ok');
    const pinned = wrapper.get('aside[data-pinned]');
    expect(pinned.get('[data-board-id]').attributes('data-board-id')).toBe('strip');
    expect(pinned.find('[data-tile-id="pinned-clock"]').exists()).toBe(true);
  });

  it('labels demo data and passes on the core’s status with its reason', () => {
    const { wrapper } = mountBoard(
      twoBoards({
        demo: true,
        status: { light: 'signInNeeded', message: 'Sign in to RingCentral', resumesAt: null },
      }),
    );
    expect(wrapper.get('[data-demo]').text()).toBe('DEMO');
    const status = wrapper.get('[data-status]');
    expect(status.attributes('data-status')).toBe('signInNeeded');
    expect(status.text()).toContain('Sign-in needed');
    expect(status.text()).toContain('Sign in to RingCentral');
  });

  it('shows Offline and keeps the values when the hub is lost', async () => {
    const { wrapper, store } = mountBoard(twoBoards());
    store.setHubLost(true);
    await nextTick();
    expect(wrapper.get('[data-status]').attributes('data-status')).toBe('offline');
    expect(wrapper.get('[data-testid="status-message"]').text()).toBe('Lost connection to the hub');
    expect(wrapper.get('[data-testid="tile-value"]').attributes('data-value')).toBe('83.25');
  });

  it('rotates, and pauses with Space or a click, steps with the arrow keys', async () => {
    const { wrapper } = mountBoard(twoBoards());
    const current = () => wrapper.get('main [data-board-id]').attributes('data-board-id');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(current()).toBe('team');
    await key(' ');
    expect(wrapper.find('[data-testid="paused"]').exists()).toBe(true);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(current()).toBe('team');
    await key('ArrowRight');
    expect(current()).toBe('queues');
    await key('ArrowLeft');
    expect(current()).toBe('team');
    await wrapper.get('main').trigger('click');
    expect(wrapper.find('[data-testid="paused"]').exists()).toBe(false);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(current()).toBe('queues');
  });

  it('toggles fullscreen from the F key and the button', async () => {
    const request = vi.fn(async () => undefined);
    document.documentElement.requestFullscreen = request;
    const { wrapper } = mountBoard(twoBoards());
    await key('f');
    await wrapper.get('button[aria-label="Enter fullscreen"]').trigger('click');
    expect(request).toHaveBeenCalledTimes(2);
  });

  it('applies the theme as custom properties and shifts the board slowly against burn-in', async () => {
    const { wrapper } = mountBoard(twoBoards({ display: { ...snapshot().display, theme: 'light' } }));
    const root = wrapper.get('.wallboard');
    expect(root.attributes('data-theme')).toBe('light');
    expect(root.attributes('style')).toContain(`--cb-surface: ${THEMES.light.surface}`);
    const transform = () => (wrapper.get('.wallboard__shift').element as HTMLElement).style.transform;
    const before = transform();
    await vi.advanceTimersByTimeAsync(SHIFT_STEP_MS);
    expect(transform()).not.toBe(before);
    expect(transform()).toMatch(/translate\(\d+px, \d+px\)/);
  });

  it('dims after hours when the board is outside business hours and the setting is on', () => {
    const closed = twoBoards({
      boards: [board({ id: 'queues', businessHoursNow: false })],
    });
    expect(mountBoard(closed).wrapper.get('main').attributes('data-dimmed')).toBe('true');
    const off = twoBoards({
      boards: [board({ id: 'queues', businessHoursNow: false })],
      display: { ...snapshot().display, afterHoursDim: false },
    });
    expect(mountBoard(off).wrapper.get('main').attributes('data-dimmed')).toBe('false');
  });

  it('shares the height with the pinned strip by the rows each shows, reflowed on a portrait screen', async () => {
    const strip = board({
      id: 'strip',
      name: 'Pinned',
      grid: { columns: 2, rows: 1 },
      tiles: [
        tile({ type: 'clock', id: 'pinned-clock', title: 'Time', layout: { x: 0, y: 0, w: 1, h: 1 } }),
        tile({ type: 'text', id: 'pinned-note', title: 'Notice', layout: { x: 1, y: 0, w: 1, h: 1 } }),
      ],
    });
    const { wrapper } = mountBoard(twoBoards({ pinned: strip }));
    const rows = () => (wrapper.get('.wallboard__shift').element as HTMLElement).style.gridTemplateRows;
    useDisplayStore().setViewport(1920, 1080);
    await nextTick();
    expect(rows()).toBe('auto minmax(0, 4fr) minmax(0, 1fr)');
    // On its side the strip's two tiles stack (one column, two rows); the board keeps its four rows.
    useDisplayStore().setViewport(1080, 1920);
    await nextTick();
    expect(rows()).toBe('auto minmax(0, 4fr) minmax(0, 2fr)');
    expect(wrapper.get('aside [data-board-id]').attributes('data-orientation')).toBe('portrait');
  });
});
