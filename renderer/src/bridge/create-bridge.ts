import type { Bridge } from '../../../contract/bridge';
import { createHubBridge } from './hub-bridge';
import type { LinkSource } from './liveness';
import { createPreloadBridge } from './preload-bridge';

/**
 * Picks the transport: inside Electron the preload has exposed `window.callboard`; anywhere else
 * (a TV's browser, a kiosk, tests through the hub) the page came from the hub and talks back to it.
 */

export interface ChosenBridge {
  bridge: Bridge;
  /** Only the hub transport can lose its source; IPC to the own main process cannot. */
  link: LinkSource | null;
  kind: 'preload' | 'hub';
}

export function createBridge(target: Pick<Window, 'callboard'> = window): ChosenBridge {
  if (target.callboard) return { bridge: createPreloadBridge(target.callboard), link: null, kind: 'preload' };
  const hub = createHubBridge();
  return { bridge: hub, link: hub, kind: 'hub' };
}
