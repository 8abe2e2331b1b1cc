import { join } from 'node:path';
import { app, screen, session } from 'electron';
import { errorText } from '../../contract/error-text';
import type { CallboardCore } from '../core/core';
import { iconFile, preloadScript, rendererRoot } from './app-files';
import { pageOrigin } from './app-pages';
import { setupAppProtocol } from './app-protocol';
import { createAutostart } from './autostart';
import { BoardScreens } from './board-screens';
import { openBoardWindow, type WindowContext } from './board-window';
import { DisplayMemoryStore, type DisplayChoice } from './display-memory';
import { choiceFor, chooseSettingsDisplay, describeDisplays, type DisplayInfo } from './display-plan';
import { setupIpc } from './ipc';
import type { MenuActions, MenuState } from './menu-template';
import { DisplaySleepGuard } from './power';
import { scheduleQuietHourReload } from './quiet-hour-reload';
import { RotationControl } from './rotation';
import { SettingsWindow } from './settings-window';
import { startCore } from './start-core';
import { AppMenus } from './tray';
import { setupWebSecurity } from './web-security';
import { WindowRoles } from './window-roles';

/**
 * The desktop app, put together in order once Electron is ready: security for every page before any
 * exists, the app protocol, the core, the IPC guard, the displays' memory, the board windows, the
 * settings window, tray and menus, then the display, lifecycle and quiet-hour watchers. Each piece
 * lives in its own module; this one only connects them.
 */

const log = (line: string) => console.error(`[callboard] ${line}`);
const failed = (what: string) => (error: unknown) => log(`${what} failed: ${errorText(error)}`);

export function connectedDisplays(): DisplayInfo[] {
  return describeDisplays(screen.getAllDisplays(), screen.getPrimaryDisplay().id);
}

export class DesktopApp {
  private readonly roles = new WindowRoles();
  private readonly origin = pageOrigin();
  private readonly developer = !app.isPackaged;
  private readonly rotation = new RotationControl(() => this.roles.windows('board'));
  private readonly power = new DisplaySleepGuard(() => this.roles.windows('board'));
  private readonly autostart = createAutostart();
  private memory: DisplayMemoryStore | null = null;
  private boards: BoardScreens | null = null;
  private settings: SettingsWindow | null = null;
  private menus: AppMenus | null = null;

  async start(): Promise<void> {
    setupWebSecurity(session.defaultSession, { origin: this.origin, log });
    setupAppProtocol(rendererRoot());
    const core = await startCore(log);
    setupIpc({ core, roles: this.roles, origin: this.origin, log });
    const memory = await DisplayMemoryStore.open(join(app.getPath('userData'), 'displays.json'), log);
    this.memory = memory;
    const context = this.windowContext(core);
    this.boards = new BoardScreens({
      memory,
      displays: connectedDisplays,
      open: (placement, remembered) => {
        const board = openBoardWindow(context, placement, remembered);
        this.power.watch(board.window);
        return board;
      },
      log,
      onChange: () => this.menus?.refresh(),
    });
    this.settings = new SettingsWindow(context);
    this.menus = new AppMenus({
      state: () => this.menuState(memory),
      actions: this.actions,
      boards: () => this.boards?.windowsWithModes() ?? [],
      iconPath: iconFile(32),
      log,
    });
    this.menus.start();
    this.boards.sync();
    this.watchDisplays();
    this.watchLifecycle(core);
    scheduleQuietHourReload({
      enabled: () => core.settings.current().display.softReloadHours > 0,
      reload: () => this.boards?.reloadAll(),
      log,
    });
  }

  /** A second launch: bring the first board forward, or the settings window when no board shows. */
  focus(): void {
    if (this.boards?.focusFirst()) return;
    this.actions.openSettings();
  }

  private windowContext(core: CallboardCore): WindowContext {
    const icon = iconFile(512);
    return {
      core,
      roles: this.roles,
      origin: this.origin,
      rotation: this.rotation,
      preload: preloadScript(),
      developer: this.developer,
      ...(icon ? { icon } : {}),
      log,
    };
  }

  private menuState(memory: DisplayMemoryStore): MenuState {
    return {
      displays: connectedDisplays(),
      choiceOf: (display) => choiceFor(display, memory.current()),
      rotationPaused: this.rotation.isPaused,
      openAtLogin: this.autostart.isEnabled(),
      developer: this.developer,
      platform: process.platform,
    };
  }

  private readonly actions: MenuActions = {
    showBoard: () => void this.boards?.showBoards().catch(failed('showing the board')),
    openSettings: (displayKey) => this.openSettings(displayKey),
    reloadBoards: () => this.boards?.reloadAll(),
    setRotationPaused: (paused) => {
      this.rotation.setRotationPaused(paused);
      this.menus?.refresh();
    },
    chooseDisplay: (key: string, choice: DisplayChoice) =>
      void this.boards?.choose(key, choice).catch(failed('changing the display')),
    setOpenAtLogin: (enabled) =>
      void this.autostart
        .setEnabled(enabled)
        .then(() => this.menus?.refresh(), failed('changing open at login')),
    quit: () => app.quit(),
  };

  /** On the display asked for (and remembered), else where display-plan.ts says it covers no TV. */
  private openSettings(displayKey?: string): void {
    const memory = this.memory;
    if (!memory) return;
    if (displayKey) void memory.update((current) => ({ ...current, settingsDisplay: displayKey }));
    const placements = this.boards?.placements() ?? [];
    this.settings?.open(chooseSettingsDisplay(connectedDisplays(), memory.current(), placements));
  }

  /** A display plugged in, unplugged or changed: boards follow the memory; the menu lists what is there. */
  private watchDisplays(): void {
    const follow = () => {
      this.boards?.sync();
      this.menus?.refresh();
    };
    screen.on('display-added', follow);
    screen.on('display-removed', follow);
    screen.on('display-metrics-changed', follow);
  }

  private watchLifecycle(core: CallboardCore): void {
    // With a tray the app lives on without windows (a closed board comes back from it); without one it quits.
    app.on('window-all-closed', () => {
      if (!this.menus?.hasTray && process.platform !== 'darwin') app.quit();
    });
    app.on('activate', () => this.actions.showBoard());
    app.on('before-quit', () => {
      this.menus?.destroy();
      void core.stop();
    });
  }
}
