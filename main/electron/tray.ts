import { Menu, Tray, nativeImage, type BrowserWindow } from 'electron';
import { errorText } from '../../contract/error-text';
import { applicationTemplate, trayTemplate, type MenuActions, type MenuState } from './menu-template';
import type { BoardMode } from './window-options';

/**
 * The tray icon and the application menu, rebuilt whenever what they show changes (displays, the
 * choices made, paused rotation, open at login). A kiosk board gets no menu at all, so a keyboard
 * at a corridor TV cannot reach settings, reload or quit through it; closing the kiosk window (the
 * system's close key) brings the desktop and the tray back.
 */

export interface MenuHost {
  state: () => MenuState;
  actions: MenuActions;
  /** Board windows with their modes, to take the menu off kiosk ones. */
  boards: () => { window: BrowserWindow; mode: BoardMode }[];
  /** The tray icon's image file (PNG); a missing file leaves the tray without a picture, never absent. */
  iconPath: string | null;
  log: (line: string) => void;
}

export class AppMenus {
  private tray: Tray | null = null;

  constructor(private readonly host: MenuHost) {}

  /** Creates the tray (where the desktop has one) and the application menu. */
  start(): void {
    try {
      const image = this.host.iconPath
        ? nativeImage.createFromPath(this.host.iconPath)
        : nativeImage.createEmpty();
      if (image.isEmpty())
        this.host.log('tray: no icon image found (npm run icons makes it); the tray has no picture');
      this.tray = new Tray(image);
      this.tray.setToolTip('Callboard');
      this.tray.on('click', () => this.host.actions.showBoard());
    } catch (error) {
      this.host.log(`tray: not available on this desktop (${errorText(error)}); use the application menu`);
      this.tray = null;
    }
    this.refresh();
  }

  /** Whether a tray icon is up: without one, closing the last window quits the app. */
  get hasTray(): boolean {
    return this.tray !== null;
  }

  refresh(): void {
    const state = this.host.state();
    const application = Menu.buildFromTemplate(applicationTemplate(state, this.host.actions));
    Menu.setApplicationMenu(application);
    this.tray?.setContextMenu(Menu.buildFromTemplate(trayTemplate(state, this.host.actions)));
    if (state.platform === 'darwin') return;
    for (const { window, mode } of this.host.boards()) {
      if (window.isDestroyed()) continue;
      if (mode === 'kiosk') window.removeMenu();
      else window.setMenu(application);
    }
  }

  destroy(): void {
    this.tray?.destroy();
    this.tray = null;
  }
}
