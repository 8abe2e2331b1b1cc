import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BoardScreens } from '../../../main/electron/board-screens';
import { DisplayMemoryStore } from '../../../main/electron/display-memory';
import { describeDisplays, type BoardPlacement } from '../../../main/electron/display-plan';
import { BrowserWindowMock, resetElectronMock } from './electron-mock';
import { display } from './displays';

vi.mock('electron', () => import('./electron-mock'));

/** Board windows follow the displays and the memory: TV unplugged and back, modes, closed by hand. */

const laptop = display(1, 'Built-in', 0, 1440, 900);
const tv = display(2, 'Hall TV', 1440);
let connected = [laptop, tv];
let memory: DisplayMemoryStore;
let screens: BoardScreens;
let opened: { placement: BoardPlacement; window: BrowserWindowMock; retryNow: ReturnType<typeof vi.fn> }[];

async function start(path: string) {
  memory = await DisplayMemoryStore.open(path, vi.fn());
  opened = [];
  screens = new BoardScreens({
    memory,
    displays: () => describeDisplays(connected, 1),
    open: (placement) => {
      const window = new BrowserWindowMock({ kiosk: placement.mode === 'kiosk' });
      const retryNow = vi.fn();
      opened.push({ placement, window, retryNow });
      return { window: window as never, watchdog: { retryNow } as never };
    },
    log: vi.fn(),
  });
}

let path: string;
beforeEach(async () => {
  resetElectronMock();
  connected = [laptop, tv];
  path = join(await mkdtemp(join(tmpdir(), 'callboard-screens-')), 'displays.json');
  await start(path);
});
afterEach(() => vi.useRealTimers());

const modes = () => screens.placements().map((placement) => `${placement.display.label}:${placement.mode}`);

describe('BoardScreens', () => {
  it('opens one windowed board on the primary display at the first start', () => {
    screens.sync();
    expect(modes()).toEqual(['Built-in:windowed']);
  });

  it('closes that first board once a remembered display shows one', async () => {
    screens.sync();
    await screens.choose('Hall TV 1920x1080', 'fullscreen');
    expect(modes()).toEqual(['Hall TV:fullscreen']);
    expect(opened[0]?.window.destroyed).toBe(true);
  });

  it('puts a kiosk board on the chosen TV, remembered across a restart', async () => {
    screens.sync();
    await screens.choose('Hall TV 1920x1080', 'kiosk');
    await screens.choose('Built-in 1440x900', 'off');
    expect(modes()).toEqual(['Hall TV:kiosk']);
    expect(opened[0]?.window.destroyed).toBe(true);
    await start(path);
    screens.sync();
    expect(modes()).toEqual(['Hall TV:kiosk']);
    expect(opened[0]?.window.options['kiosk']).toBe(true);
  });

  it('closes the TV’s board when it is unplugged and reopens it in kiosk mode when it comes back', async () => {
    await screens.choose('Hall TV 1920x1080', 'kiosk');
    await screens.choose('Built-in 1440x900', 'off');
    const first = opened.at(-1)!;
    connected = [laptop];
    screens.sync();
    expect(first.window.destroyed).toBe(true);
    expect(modes()).toEqual([]);
    connected = [laptop, { ...tv, id: 77 }];
    screens.sync();
    expect(modes()).toEqual(['Hall TV:kiosk']);
    expect(opened.at(-1)?.window).not.toBe(first.window);
  });

  it('switches a board’s mode in place, without a new window', async () => {
    screens.sync();
    const window = opened[0]!.window;
    await screens.choose('Built-in 1440x900', 'fullscreen');
    expect(window.setFullScreen).toHaveBeenLastCalledWith(true);
    await screens.choose('Built-in 1440x900', 'kiosk');
    expect(window.setKiosk).toHaveBeenLastCalledWith(true);
    expect(opened).toHaveLength(1);
  });

  it('keeps a board closed by hand closed until "Show board"', async () => {
    screens.sync();
    opened[0]!.window.close();
    screens.sync();
    expect(opened).toHaveLength(1);
    await screens.showBoards();
    expect(opened).toHaveLength(2);
    expect(opened[1]?.window.show).toHaveBeenCalled();
  });

  it('"Show board" turns the primary display back on when every display was off', async () => {
    await screens.choose('Built-in 1440x900', 'off');
    await screens.choose('Hall TV 1920x1080', 'off');
    expect(modes()).toEqual([]);
    await screens.showBoards();
    expect(modes()).toEqual(['Built-in:windowed']);
    expect(memory.current().displays['Built-in 1440x900']?.mode).toBe('windowed');
  });

  it('focuses the first board (a second launch), restoring it when minimised', () => {
    expect(screens.focusFirst()).toBe(false);
    screens.sync();
    const window = opened[0]!.window;
    window.minimize();
    expect(screens.focusFirst()).toBe(true);
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('reloads every board through its watchdog', async () => {
    await screens.choose('Built-in 1440x900', 'windowed');
    await screens.choose('Hall TV 1920x1080', 'fullscreen');
    screens.reloadAll();
    expect(modes()).toEqual(['Built-in:windowed', 'Hall TV:fullscreen']);
    expect(opened.map((board) => board.retryNow.mock.calls.length)).toEqual([1, 1]);
  });

  it('remembers where a windowed board was moved to on its display', async () => {
    await screens.choose('Built-in 1440x900', 'windowed');
    vi.useFakeTimers();
    const window = opened[0]!.window;
    window.bounds = { x: 10, y: 20, width: 1000, height: 700 };
    window.emit('moved');
    await vi.advanceTimersByTimeAsync(1_500);
    expect(memory.current().displays['Built-in 1440x900']?.bounds).toEqual({
      x: 10,
      y: 20,
      width: 1000,
      height: 700,
    });
  });
});
