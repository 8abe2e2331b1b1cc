// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, describe, expect, it } from 'vitest';
import BoardHeader from '../../../../renderer/src/board/BoardHeader.vue';
import { useSnapshotStore } from '../../../../renderer/src/stores/snapshot';
import { board, snapshot } from '../fixtures';

/** The DEMO badge says where the demo's call centre works when it is not at home, and why. */

const NOTE = 'Demo call centre on São Paulo time (America/Sao_Paulo) so that it is open now';
const mounted: Array<{ unmount(): void }> = [];

afterEach(() => {
  for (const wrapper of mounted.splice(0)) wrapper.unmount();
});

function header(demo: boolean, demoNote: string | null) {
  const pinia = createPinia();
  setActivePinia(pinia);
  useSnapshotStore().accept(snapshot({ demo, demoNote }), null);
  const wrapper = mount(BoardHeader, {
    props: {
      board: board(),
      position: 0,
      count: 1,
      paused: false,
      rotating: true,
      light: 'live',
      message: null,
      demo,
      fullscreen: false,
    },
    global: { plugins: [pinia] },
  });
  mounted.push(wrapper);
  return wrapper;
}

describe('the DEMO badge', () => {
  it('names the city whose time the demo runs on, with the whole note for screen readers and on hover', () => {
    const badge = header(true, NOTE).get('[data-demo="true"]');
    expect(badge.text()).toBe(`DEMO · São Paulo time. ${NOTE}`);
    expect(badge.get('.sr-only').text()).toBe(`. ${NOTE}`);
    expect(badge.attributes('title')).toBe(`Synthetic numbers from the embedded demo. ${NOTE}`);
  });

  it('says just DEMO in the demo’s home zone', () => {
    const badge = header(true, null).get('[data-demo="true"]');
    expect(badge.text()).toBe('DEMO');
    expect(badge.find('.sr-only').exists()).toBe(false);
    expect(badge.attributes('title')).toBe('Synthetic numbers from the embedded demo');
  });

  it('is absent off the demo', () => {
    expect(header(false, null).find('[data-demo]').exists()).toBe(false);
  });
});
