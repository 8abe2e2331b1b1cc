import { inject, type InjectionKey } from 'vue';
import type { Bridge } from '../../../contract/bridge';

/** The Bridge the settings pages talk through, and which host is on the other end. */
export interface SettingsBridge {
  bridge: Bridge;
  /** hub: the admin pages in a browser (screens can be paired there); preload: the desktop app. */
  kind: 'preload' | 'hub';
}

export const BRIDGE_KEY: InjectionKey<SettingsBridge> = Symbol('settings-bridge');

export function useBridge(): SettingsBridge {
  const provided = inject(BRIDGE_KEY);
  if (!provided) throw new Error('The settings pages need a Bridge (provide BRIDGE_KEY)');
  return provided;
}
