import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { INVOKE_CHANNEL_NAMES, IPC_INVOKE, IPC_SNAPSHOT } from '../contract/channels';

/**
 * The preload half of the Bridge (contract/bridge.ts) for Electron windows: `invoke` forwards a
 * channel name and payload to the main process, which validates both; `onSnapshot` delivers pushed
 * snapshots. Nothing else of Electron or Node reaches the page, and no secret ever comes back.
 */

const channels = new Set<string>(INVOKE_CHANNEL_NAMES);

const bridge = {
  invoke(channel: string, request: unknown): Promise<unknown> {
    if (!channels.has(channel)) return Promise.resolve({ ok: false, error: `Unknown channel "${channel}"` });
    return ipcRenderer.invoke(IPC_INVOKE, channel, request);
  },
  onSnapshot(listener: (snapshot: unknown) => void): () => void {
    const forward = (_event: IpcRendererEvent, snapshot: unknown) => listener(snapshot);
    ipcRenderer.on(IPC_SNAPSHOT, forward);
    return () => ipcRenderer.removeListener(IPC_SNAPSHOT, forward);
  },
};

contextBridge.exposeInMainWorld('callboard', Object.freeze(bridge));
