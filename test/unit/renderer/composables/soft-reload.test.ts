// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { HOST_RELOADS_KEY, useSoftReload } from '../../../../renderer/src/composables/use-soft-reload';
import { useClockStore } from '../../../../renderer/src/stores/clock';

/** The page's own soft reload: after N hours on the hub's screens; left to the desktop app when it reloads. */

async function reloadsAfterTwoHours(hostReloads: boolean | null): Promise<number> {
  setActivePinia(createPinia());
  const clock = useClockStore();
  const reload = vi.fn();
  const Screen = defineComponent({
    setup() {
      useSoftReload(ref(1), reload);
      return () => h('div');
    },
  });
  mount(Screen, hostReloads === null ? {} : { global: { provide: { [HOST_RELOADS_KEY]: hostReloads } } });
  clock.now += 2 * 3_600_000;
  await Promise.resolve();
  return reload.mock.calls.length;
}

describe('the soft reload', () => {
  it('reloads the page once after the hours set, where no host reloads it', async () => {
    expect(await reloadsAfterTwoHours(null)).toBe(1);
    expect(await reloadsAfterTwoHours(false)).toBe(1);
  });

  it('leaves it to the desktop app, which reloads its boards at the quiet hour', async () => {
    expect(await reloadsAfterTwoHours(true)).toBe(0);
  });
});
