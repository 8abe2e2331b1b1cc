import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_SNAPSHOT } from '../../../contract/channels';
import type { BoardSnapshot } from '../../../contract/snapshot';
import { APP_ORIGIN, pageOrigin } from '../../../main/electron/app-pages';
import { openBoardWindow, type WindowContext } from '../../../main/electron/board-window';
import { describeDisplays } from '../../../main/electron/display-plan';
import { RotationControl } from '../../../main/electron/rotation';
import { SettingsWindow } from '../../../main/electron/settings-window';
import { WindowRoles } from '../../../main/electron/window-roles';
import { BrowserWindowMock, resetElectronMock } from './electron-mock';
import { display } from './displays';

vi.mock('electron', () => import('./electron-mock'));

/** Board and settings windows: their page, their role, their feed, their place. */

let context: WindowContext;
let listeners: ((snapshot: BoardSnapshot) => void)[];
const core = {
  onSnapshot: vi.fn((listener: (snapshot: BoardSnapshot) => void) => {
    listeners.push(listener);
    return () => (listeners = listeners.filter((other) => other !== listener));
  }),
  screenVisible: vi.fn(),
};
const [laptop, tv] = describeDisplays([display(1, 'Built-in', 0), display(2, 'Hall TV', 1920)], 1);

beforeEach(() => {
  resetElectronMock();
  listeners = [];
  const roles = new WindowRoles();
  context = {
    core,
    roles,
    origin: pageOrigin({}),
    rotation: new RotationControl(() => roles.windows('board')),
    preload: '/out/preload/index.cjs',
    developer: false,
    log: vi.fn(),
  };
});

const last = () => BrowserWindowMock.instances.at(-1)!;

describe('a board window', () => {
  it('loads the board from the app scheme on its display, registered as a board', () => {
    openBoardWindow(context, { display: tv!, mode: 'kiosk', fallback: false });
    const window = last();
    expect(window.loadURL).toHaveBeenCalledWith(`${APP_ORIGIN}/index.html`);
    expect(window.options).toMatchObject({ kiosk: true, x: 1920 });
    expect(context.roles.roleOf(window.webContents as never)).toBe('board');
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
  });

  it('gets every snapshot while it lives and counts as a screen while it shows', () => {
    openBoardWindow(context, { display: laptop!, mode: 'windowed', fallback: true });
    const window = last();
    const screenId = `window-${window.webContents.id}`;
    expect(core.screenVisible).toHaveBeenLastCalledWith(screenId, true);
    listeners[0]!({ sequence: 3 } as BoardSnapshot);
    expect(window.webContents.send).toHaveBeenCalledWith(IPC_SNAPSHOT, { sequence: 3 });
    window.minimize();
    expect(core.screenVisible).toHaveBeenLastCalledWith(screenId, false);
    window.close();
    expect(listeners).toHaveLength(0);
  });

  it('shows the watchdog’s notice from the app scheme in a crash loop', () => {
    openBoardWindow(context, { display: laptop!, mode: 'windowed', fallback: true });
    const window = last();
    for (let i = 0; i < 3; i++) window.webContents.emit('render-process-gone', {}, { reason: 'oom' });
    expect(window.loadURL).toHaveBeenLastCalledWith(
      expect.stringMatching(/^callboard:\/\/app\/recovering\.html\?failures=3&retry=\d+$/),
    );
  });
});

describe('the settings window', () => {
  it('opens once, on the chosen display, as the only settings window', () => {
    const settings = new SettingsWindow(context);
    const window = settings.open(laptop!) as unknown as BrowserWindowMock;
    expect(window.loadURL).toHaveBeenCalledWith(`${APP_ORIGIN}/settings.html`);
    expect(Number(window.options['x'])).toBeLessThan(1920);
    expect(context.roles.roleOf(window.webContents as never)).toBe('settings');
    expect(settings.open(tv!)).toBe(window);
    expect(BrowserWindowMock.instances).toHaveLength(1);
    expect(window.focus).toHaveBeenCalled();
    window.close();
    expect(settings.current).toBeNull();
    expect(settings.open(tv!)).not.toBe(window);
    expect(Number(last().options['x'])).toBeGreaterThanOrEqual(1920);
  });
});
