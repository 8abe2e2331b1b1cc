import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_INVOKE, IPC_SNAPSHOT } from '../../contract/channels';
import type { CallboardCore } from '../core/core';

/**
 * Electron's transport for the Bridge: one `ipcMain.handle` for every invoke and a push of each
 * snapshot to every board window. The sender is checked (only our own windows' top frames, loaded
 * from our own files or the dev server) before the core validates the payload itself.
 */

export function setupIpc(core: CallboardCore, isTrustedUrl: (url: string) => boolean): () => void {
  const handle = (event: IpcMainInvokeEvent, channel: unknown, request: unknown) => {
    const frame = event.senderFrame;
    if (!frame || frame !== event.sender.mainFrame || !isTrustedUrl(frame.url)) {
      return { ok: false, error: 'Refused: the request did not come from a Callboard window' };
    }
    return core.invoke(channel as never, request, { screenId: `window-${event.sender.id}` });
  };
  ipcMain.handle(IPC_INVOKE, handle);
  return () => ipcMain.removeHandler(IPC_INVOKE);
}

/** Push every snapshot to a window while it lives; the window counts as a screen while visible. */
export function attachWindow(core: CallboardCore, window: BrowserWindow): void {
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
