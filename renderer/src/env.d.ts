/// <reference types="vite/client" />

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}

/**
 * What the Electron preload exposes as `window.callboard` (preload/index.ts). Everything it hands over
 * is unchecked data: renderer/src/bridge/preload-bridge.ts validates it against the contract.
 */
interface CallboardPreloadApi {
  invoke(channel: string, request: unknown): Promise<unknown>;
  onSnapshot(listener: (snapshot: unknown) => void): () => void;
  /** The tray's "Pause rotation" (newer preloads only). */
  onRotationPaused?(listener: (paused: unknown) => void): () => void;
}

interface Window {
  callboard?: CallboardPreloadApi;
}
