import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { INVOKE_CHANNEL_NAMES, IPC_INVOKE, IPC_ROTATION_PAUSED, IPC_SNAPSHOT } from '../contract/channels';

/**
 * The preload half of the Bridge (contract/bridge.ts) for Electron windows: `invoke` forwards a
 * channel name and payload to the main process, which checks the sender and validates both;
 * `onSnapshot` delivers pushed snapshots and `onRotationPaused` the tray's pause. Each is a plain
 * function over one fixed IPC name: the page never gets ipcRenderer, an event object, Node or any
 * other Electron API, and no secret ever comes back. The main process re-checks everything, so this
 * is a convenience, not the boundary.
 */

const channels = new Set<string>(INVOKE_CHANNEL_NAMES);

/** Subscribes to one push name, handing the page only the data (never the IpcRendererEvent). */
function subscribe(name: string, listener: (value: unknown) => void): () => void {
  const forward = (_event: IpcRendererEvent, value: unknown) => {
    listener(value);
  };
  ipcRenderer.on(name, forward);
  return () => ipcRenderer.removeListener(name, forward);
}

export const bridge = Object.freeze({
  invoke(channel: string, request: unknown): Promise<unknown> {
    if (!channels.has(channel)) return Promise.resolve({ ok: false, error: `Unknown channel "${channel}"` });
    return ipcRenderer.invoke(IPC_INVOKE, channel, request);
  },
  onSnapshot(listener: (snapshot: unknown) => void): () => void {
    return subscribe(IPC_SNAPSHOT, listener);
  },
  onRotationPaused(listener: (paused: boolean) => void): () => void {
    return subscribe(IPC_ROTATION_PAUSED, (paused) => {
      if (typeof paused === 'boolean') listener(paused);
    });
  },
});

contextBridge.exposeInMainWorld('callboard', bridge);
