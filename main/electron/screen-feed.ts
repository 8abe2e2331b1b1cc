import type { BrowserWindow } from 'electron';
import { IPC_SNAPSHOT } from '../../contract/channels';
import type { ScreenCore } from '../core/core-api';

/**
 * Pushes every snapshot to a window while it lives, and counts the window as a screen while it is
 * showing, so the core polls only while someone can see the numbers (as the hub does with streams).
 */
export function feedWindow(
  core: Pick<ScreenCore, 'onSnapshot' | 'screenVisible'>,
  window: BrowserWindow,
): void {
  const screenId = `window-${window.webContents.id}`;
  const unsubscribe = core.onSnapshot((snapshot) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_SNAPSHOT, snapshot);
  });
  const visible = (shown: boolean) => core.screenVisible(screenId, shown);
  window.on('show', () => visible(true));
  window.on('restore', () => visible(true));
  window.on('hide', () => visible(false));
  window.on('minimize', () => visible(false));
  window.on('closed', () => {
    unsubscribe();
    visible(false);
  });
  // A new window is about to show the board (ready-to-show): count it now so polling starts at once.
  visible(true);
}
