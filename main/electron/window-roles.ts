import type { BrowserWindow, WebContents } from 'electron';
import type { AppPage } from './app-pages';

/**
 * Which of our windows is which. The IPC guard asks it whether a sender is one of our windows at all
 * and which page it must be showing; only the settings window may use the channels that change
 * settings or the account. A window leaves the registry when it closes.
 */

export type WindowRole = Extract<AppPage, 'board' | 'settings'>;

export class WindowRoles {
  private readonly roles = new Map<number, { role: WindowRole; window: BrowserWindow }>();

  add(window: BrowserWindow, role: WindowRole): void {
    const id = window.webContents.id;
    this.roles.set(id, { role, window });
    window.once('closed', () => this.roles.delete(id));
  }

  roleOf(contents: WebContents): WindowRole | null {
    return this.roles.get(contents.id)?.role ?? null;
  }

  windows(role: WindowRole): BrowserWindow[] {
    return [...this.roles.values()]
      .filter((entry) => entry.role === role && !entry.window.isDestroyed())
      .map((entry) => entry.window);
  }
}
