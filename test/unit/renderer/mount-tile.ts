import { mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { ref, type Component } from 'vue';
import { chartsPlugin } from '../../../renderer/src/charts/echarts';
import type { TileSnapshot } from '../../../contract/snapshot';
import { ZONE } from './fixtures';

/**
 * Mounts a tile the way the board does, with Pinia and the charts plugin on the SVG renderer
 * (happy-dom has no canvas). happy-dom lacks ResizeObserver, which vue-echarts' autoresize needs.
 */

class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

export function installDomStubs(): void {
  if (!('ResizeObserver' in globalThis)) {
    Object.defineProperty(globalThis, 'ResizeObserver', { value: NoopResizeObserver, configurable: true });
  }
}

export function mountTile(
  component: Component,
  tile: TileSnapshot,
  timeZone = ZONE,
): { wrapper: VueWrapper; pinia: Pinia } {
  installDomStubs();
  const pinia = createPinia();
  setActivePinia(pinia);
  const wrapper = mount(component, {
    props: { tile, timeZone },
    attachTo: document.body,
    global: {
      plugins: [
        pinia,
        chartsPlugin({ renderer: 'svg', theme: ref('dark'), size: { width: 480, height: 320 } }),
      ],
    },
  });
  return { wrapper, pinia };
}
