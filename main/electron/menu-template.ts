import type { MenuItemConstructorOptions } from 'electron';
import type { DisplayChoice } from './display-memory';
import type { DisplayInfo } from './display-plan';

/**
 * The tray menu and the application menu, as plain templates built from the app's state, so what
 * each item does can be tested without a real menu. Both offer the same actions: show the board,
 * open settings (also Ctrl/Cmd+,), reload, pause rotation, where boards show, open at login, quit.
 */

export interface MenuState {
  displays: readonly DisplayInfo[];
  choiceOf: (display: DisplayInfo) => DisplayChoice | null;
  rotationPaused: boolean;
  openAtLogin: boolean;
  /** Development builds get the DevTools item; packaged builds have no DevTools at all. */
  developer: boolean;
  platform: NodeJS.Platform;
}

export interface MenuActions {
  showBoard(): void;
  openSettings(displayKey?: string): void;
  reloadBoards(): void;
  setRotationPaused(paused: boolean): void;
  chooseDisplay(key: string, choice: DisplayChoice): void;
  setOpenAtLogin(enabled: boolean): void;
  quit(): void;
}

const CHOICES: readonly { choice: DisplayChoice; label: string }[] = [
  { choice: 'off', label: 'No board' },
  { choice: 'windowed', label: 'Board in a window' },
  { choice: 'fullscreen', label: 'Board fullscreen' },
  { choice: 'kiosk', label: 'Board in kiosk mode (locked fullscreen)' },
];

export const SETTINGS_ACCELERATOR = 'CmdOrCtrl+,';

function displayItem(
  display: DisplayInfo,
  state: MenuState,
  actions: MenuActions,
): MenuItemConstructorOptions {
  const current = state.choiceOf(display) ?? 'off';
  return {
    label: `${display.label} (${display.bounds.width}×${display.bounds.height})${display.primary ? ', main' : ''}`,
    submenu: [
      ...CHOICES.map(({ choice, label }): MenuItemConstructorOptions => ({
        label,
        type: 'radio',
        checked: current === choice,
        click: () => actions.chooseDisplay(display.key, choice),
      })),
      { type: 'separator' },
      { label: 'Open settings on this display', click: () => actions.openSettings(display.key) },
    ],
  };
}

export function trayTemplate(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  return [
    { label: 'Show board', click: () => actions.showBoard() },
    { label: 'Settings…', accelerator: SETTINGS_ACCELERATOR, click: () => actions.openSettings() },
    { label: 'Reload board', accelerator: 'CmdOrCtrl+R', click: () => actions.reloadBoards() },
    {
      label: 'Pause rotation',
      type: 'checkbox',
      checked: state.rotationPaused,
      click: (item) => actions.setRotationPaused(item.checked),
    },
    { type: 'separator' },
    {
      label: 'Displays',
      submenu:
        state.displays.length > 0
          ? state.displays.map((display) => displayItem(display, state, actions))
          : [{ label: 'No display found', enabled: false }],
    },
    {
      label: 'Open at login',
      type: 'checkbox',
      checked: state.openAtLogin,
      click: (item) => actions.setOpenAtLogin(item.checked),
    },
    { type: 'separator' },
    { label: 'Quit Callboard', accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() },
  ];
}

export function applicationTemplate(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const menus: MenuItemConstructorOptions[] = [
    { label: 'Callboard', submenu: trayTemplate(state, actions) },
    // Copy and paste in the settings window's fields need the Edit roles (on macOS nothing else provides them).
    { role: 'editMenu' },
  ];
  if (state.developer)
    menus.push({ label: 'Develop', submenu: [{ role: 'toggleDevTools' }, { role: 'forceReload' }] });
  return menus;
}
