import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import {
  DEFAULT_POLICY,
  RendererWatchdog,
  retryDelay,
  type WatchdogHooks,
} from '../../../main/electron/watchdog';
import { BrowserWindowMock, resetElectronMock } from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));

/** A crashed or hung board reloads at once; a crash loop backs off, says so, and tries again later. */

let window: BrowserWindowMock;
let hooks: {
  loadBoard: Mock<() => void>;
  showNotice: Mock<WatchdogHooks['showNotice']>;
  log: Mock<(line: string) => void>;
};
let watchdog: RendererWatchdog;

const BOARD = 'callboard://app/index.html';
const crash = (reason = 'crashed') =>
  window.webContents.emit('render-process-gone', {}, { reason, exitCode: 1 });
const boardLoaded = () => {
  window.webContents.mainFrame.url = BOARD;
  window.webContents.emit('did-finish-load');
};

beforeEach(() => {
  resetElectronMock();
  vi.useFakeTimers();
  window = new BrowserWindowMock();
  hooks = { loadBoard: vi.fn(), showNotice: vi.fn(), log: vi.fn() };
  watchdog = new RendererWatchdog(window as never, {
    ...hooks,
    isBoard: (url) => url === BOARD,
    now: Date.now,
  });
  boardLoaded();
});
afterEach(() => vi.useRealTimers());

describe('the watchdog', () => {
  it('reloads a crashed board at once', () => {
    crash();
    expect(hooks.loadBoard).toHaveBeenCalledOnce();
    expect(hooks.showNotice).not.toHaveBeenCalled();
    expect(hooks.log).toHaveBeenCalledWith(expect.stringContaining('the renderer is gone (crashed)'));
  });

  it('ignores a renderer that exited cleanly (a window closing)', () => {
    crash('clean-exit');
    expect(hooks.loadBoard).not.toHaveBeenCalled();
  });

  it('backs off in a crash loop, shows when it tries again, and reloads only then', async () => {
    crash();
    boardLoaded();
    crash();
    boardLoaded();
    expect(hooks.loadBoard).toHaveBeenCalledTimes(2);
    crash();
    expect(hooks.loadBoard).toHaveBeenCalledTimes(2);
    expect(hooks.showNotice).toHaveBeenCalledWith({ failures: 3, retryAt: Date.now() + 5_000 });
    expect(hooks.log).toHaveBeenLastCalledWith(
      expect.stringContaining('failed 3 times in a row, next try in 5 s'),
    );
    await vi.advanceTimersByTimeAsync(4_999);
    expect(hooks.loadBoard).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(hooks.loadBoard).toHaveBeenCalledTimes(3);
    boardLoaded();
    crash();
    expect(hooks.showNotice).toHaveBeenLastCalledWith({ failures: 4, retryAt: Date.now() + 10_000 });
    expect(watchdog.failuresInARow).toBe(4);
  });

  it('starts the count over once the board has stayed up for a while', async () => {
    crash();
    boardLoaded();
    crash();
    boardLoaded();
    await vi.advanceTimersByTimeAsync(DEFAULT_POLICY.stableMs + 1);
    crash();
    expect(watchdog.failuresInARow).toBe(1);
    expect(hooks.loadBoard).toHaveBeenCalledTimes(3);
  });

  it('lets "Reload board" try at once during a back-off', () => {
    for (let i = 0; i < 3; i++) {
      crash();
      if (i < 2) boardLoaded();
    }
    expect(hooks.showNotice).toHaveBeenCalledOnce();
    watchdog.retryNow();
    expect(hooks.loadBoard).toHaveBeenCalledTimes(3);
  });

  it('ends a renderer that stays unresponsive, and spares one that recovers', async () => {
    window.emit('unresponsive');
    await vi.advanceTimersByTimeAsync(DEFAULT_POLICY.hangGraceMs - 1);
    window.emit('responsive');
    await vi.advanceTimersByTimeAsync(DEFAULT_POLICY.hangGraceMs);
    expect(window.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    window.emit('unresponsive');
    await vi.advanceTimersByTimeAsync(DEFAULT_POLICY.hangGraceMs);
    expect(window.webContents.forcefullyCrashRenderer).toHaveBeenCalledOnce();
  });

  it('stops waiting when its window closes', async () => {
    for (let i = 0; i < 3; i++) {
      crash();
      if (i < 2) boardLoaded();
    }
    window.close();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(hooks.loadBoard).toHaveBeenCalledTimes(2);
  });
});

describe('retryDelay', () => {
  it('reloads twice at once, then doubles from 5 s up to ten minutes', () => {
    expect([1, 2, 3, 4, 5, 6].map((failures) => retryDelay(failures))).toEqual([
      0, 0, 5_000, 10_000, 20_000, 40_000,
    ]);
    expect(retryDelay(30)).toBe(600_000);
  });
});
