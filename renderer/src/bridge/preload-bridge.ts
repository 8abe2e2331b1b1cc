import type { Bridge, InvokeChannel, InvokeRequest, InvokeResult } from '../../../contract/bridge';
import type { BoardSnapshot } from '../../../contract/snapshot';
import { parseInvokeResult, parseSnapshot } from './validate';

/**
 * The Bridge over Electron IPC: `window.callboard` is exposed by the preload through contextBridge.
 * The preload forwards raw data; everything is validated here, on the renderer's side of the wall.
 */

export function createPreloadBridge(api: CallboardPreloadApi): Bridge {
  return {
    async invoke<C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): Promise<InvokeResult<C>> {
      try {
        return parseInvokeResult(channel, await api.invoke(channel, request));
      } catch (error) {
        return { ok: false, error: `Callboard could not reach its core: ${(error as Error).message}` };
      }
    },
    onSnapshot(listener: (snapshot: BoardSnapshot) => void): () => void {
      return api.onSnapshot((data) => {
        const snapshot = parseSnapshot(data, 'the Electron core');
        if (snapshot) listener(snapshot);
      });
    },
    onRotationPaused(listener: (paused: boolean) => void): () => void {
      // An older preload has no tray pause: nothing to listen to.
      return (
        api.onRotationPaused?.((paused) => {
          if (typeof paused === 'boolean') listener(paused);
        }) ?? (() => {})
      );
    },
  };
}
