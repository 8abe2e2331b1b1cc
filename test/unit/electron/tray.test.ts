import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { describeDisplays } from '../../../main/electron/display-plan';
import {
  applicationTemplate,
  trayTemplate,
  type MenuActions,
  type MenuState,
} from '../../../main/electron/menu-template';
import { AppMenus } from '../../../main/electron/tray';
import { BrowserWindowMock, Menu, Tray, resetElectronMock } from './electron-mock';
import { display } from './displays';

vi.mock('electron', () => import('./electron-mock'));

/** Each tray and menu item does what it says; kiosk boards carry no menu. */

let actions: { [K in keyof MenuActions]: Mock<MenuActions[K]> };
const state: MenuState = {
  displays: describeDisplays([display(1, 'Built-in', 0), display(2, 'Hall TV', 1920)], 1),
  choiceOf: (shown) => (shown.label === 'Hall TV' ? 'kiosk' : null),
  rotationPaused: false,
  openAtLogin: true,
  developer: false,
  platform: 'linux',
};

beforeEach(() => {
  resetElectronMock();
  actions = {
    showBoard: vi.fn(),
    openSettings: vi.fn(),
    reloadBoards: vi.fn(),
    setRotationPaused: vi.fn(),
    chooseDisplay: vi.fn(),
    setOpenAtLogin: vi.fn(),
    quit: vi.fn(),
  };
});

function item(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items.find((candidate) => candidate.label === label);
  if (!found) throw new Error(`no menu item "${label}"`);
  return found;
}

const click = (entry: MenuItemConstructorOptions, checked?: boolean) =>
  (entry.click as (item: { checked: boolean }) => void)({ checked: checked ?? false });

describe('the tray menu', () => {
  const items = () => trayTemplate(state, actions);

  it('shows the board, opens settings (Ctrl/Cmd+,), reloads and quits', () => {
    click(item(items(), 'Show board'));
    click(item(items(), 'Settings…'));
    click(item(items(), 'Reload board'));
    click(item(items(), 'Quit Callboard'));
    expect(actions.showBoard).toHaveBeenCalledOnce();
    expect(actions.openSettings).toHaveBeenCalledOnce();
    expect(item(items(), 'Settings…').accelerator).toBe('CmdOrCtrl+,');
    expect(actions.reloadBoards).toHaveBeenCalledOnce();
    expect(actions.quit).toHaveBeenCalledOnce();
  });

  it('pauses and resumes rotation, and toggles open at login, from their checkboxes', () => {
    const pause = item(items(), 'Pause rotation');
    expect(pause).toMatchObject({ type: 'checkbox', checked: false });
    click(pause, true);
    expect(actions.setRotationPaused).toHaveBeenCalledWith(true);
    const login = item(items(), 'Open at login');
    expect(login.checked).toBe(true);
    click(login, false);
    expect(actions.setOpenAtLogin).toHaveBeenCalledWith(false);
  });

  it('lists each display with its board mode, and opens settings on a chosen one', () => {
    const displays = item(items(), 'Displays').submenu as MenuItemConstructorOptions[];
    expect(displays.map((entry) => entry.label)).toEqual([
      'Built-in (1920×1080), main',
      'Hall TV (1920×1080)',
    ]);
    const tv = displays[1]!.submenu as MenuItemConstructorOptions[];
    expect(tv.find((entry) => entry.checked)?.label).toBe('Board in kiosk mode (locked fullscreen)');
    const laptop = displays[0]!.submenu as MenuItemConstructorOptions[];
    expect(laptop.find((entry) => entry.checked)?.label).toBe('No board');
    click(item(laptop, 'Board fullscreen'));
    expect(actions.chooseDisplay).toHaveBeenCalledWith('Built-in 1920x1080', 'fullscreen');
    click(item(tv, 'Open settings on this display'));
    expect(actions.openSettings).toHaveBeenCalledWith('Hall TV 1920x1080');
  });

  it('offers DevTools only in development builds, and the Edit roles always', () => {
    expect(JSON.stringify(applicationTemplate(state, actions))).not.toContain('toggleDevTools');
    expect(JSON.stringify(applicationTemplate({ ...state, developer: true }, actions))).toContain(
      'toggleDevTools',
    );
    expect(applicationTemplate(state, actions)).toContainEqual({ role: 'editMenu' });
  });
});

describe('AppMenus', () => {
  function menus(boards: { window: BrowserWindowMock; mode: 'windowed' | 'kiosk' }[] = []) {
    return new AppMenus({
      state: () => state,
      actions,
      boards: () => boards as never,
      iconPath: '/icons/32x32.png',
      log: vi.fn(),
    });
  }

  it('puts up a tray whose click shows the board, and sets the application menu', () => {
    const app = menus();
    app.start();
    expect(app.hasTray).toBe(true);
    const tray = Tray.instances[0]!;
    expect(tray.setContextMenu).toHaveBeenCalled();
    tray.emit('click');
    expect(actions.showBoard).toHaveBeenCalledOnce();
    expect(Menu.setApplicationMenu).toHaveBeenCalledOnce();
  });

  it('takes the menu off kiosk boards and gives it back to windowed ones', () => {
    const kiosk = new BrowserWindowMock();
    const windowed = new BrowserWindowMock();
    menus([
      { window: kiosk, mode: 'kiosk' },
      { window: windowed, mode: 'windowed' },
    ]).start();
    expect(kiosk.removeMenu).toHaveBeenCalled();
    expect(kiosk.setMenu).not.toHaveBeenCalled();
    expect(windowed.setMenu).toHaveBeenCalled();
  });

  it('goes on without a tray where the desktop has none, and says so', () => {
    Tray.failNext = true;
    const app = menus();
    app.start();
    expect(app.hasTray).toBe(false);
    expect(Menu.setApplicationMenu).toHaveBeenCalled();
  });
});
