import { BrowserWindow } from 'electron';
import { pageUrl } from './app-pages';
import type { WindowContext } from './board-window';
import type { DisplayInfo } from './display-plan';
import { feedWindow } from './screen-feed';
import { settingsWindowOptions } from './window-options';

/**
 * The settings window: one at a time (asking again brings it to the front), on the display
 * display-plan.ts chooses, so it never covers a TV's board unless someone asked for it there. It is
 * the only window registered as "settings", so the only one the IPC guard lets change settings.
 */
export class SettingsWindow {
  private window: BrowserWindow | null = null;

  constructor(private readonly context: WindowContext) {}

  open(display: DisplayInfo | null): BrowserWindow {
    const existing = this.window;
    if (existing && !existing.isDestroyed()) {
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
      return existing;
    }
    const { context } = this;
    const area = display?.workArea ?? { x: 0, y: 0, width: 1440, height: 1000 };
    const window = new BrowserWindow(
      settingsWindowOptions(
        { workArea: area },
        {
          preload: context.preload,
          developer: context.developer,
          ...(context.icon ? { icon: context.icon } : {}),
        },
      ),
    );
    context.roles.add(window, 'settings');
    window.once('ready-to-show', () => {
      window.show();
      window.focus();
    });
    window.once('closed', () => {
      if (this.window === window) this.window = null;
    });
    feedWindow(context.core, window);
    void window.loadURL(pageUrl('settings', context.origin));
    this.window = window;
    return window;
  }

  get current(): BrowserWindow | null {
    return this.window && !this.window.isDestroyed() ? this.window : null;
  }
}
