// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import BoardView from '../../../../renderer/src/board/BoardView.vue';
import { board, tile } from '../fixtures';
import { enableAutoUnmount, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { ref } from 'vue';
import { chartsPlugin } from '../../../../renderer/src/charts/echarts';
import { installDomStubs } from '../mount-tile';
import { TILE_TYPES } from '../../../../contract/board';

const TYPES = TILE_TYPES;

enableAutoUnmount(afterEach);

describe('BoardView', () => {
  it('places every tile type on the board grid by its layout', () => {
    installDomStubs();
    const tiles = TYPES.map((type, i) =>
      tile({ type, id: `t-${i}`, layout: { x: i % 3, y: Math.floor(i / 3), w: 1, h: 1 } }),
    );
    tiles[0] = tile({ type: 'bigNumber', id: 't-0', layout: { x: 0, y: 0, w: 2, h: 3 } });
    const wrapper = mount(BoardView, {
      props: { board: board({ grid: { columns: 3, rows: 3 }, tiles }) },
      global: {
        plugins: [
          createPinia(),
          chartsPlugin({ renderer: 'svg', theme: ref('dark'), size: { width: 300, height: 200 } }),
        ],
      },
    });
    const root = wrapper.get('[data-board-id="queues"]').element as HTMLElement;
    expect(root.style.gridTemplateColumns).toBe('repeat(3, minmax(0, 1fr))');
    expect(root.style.gridTemplateRows).toBe('repeat(3, minmax(0, 1fr))');
    expect(wrapper.findAll('[data-tile-type]').map((t) => t.attributes('data-tile-type'))).toEqual([
      ...TYPES,
    ]);
    const first = wrapper.get('[data-tile-id="t-0"]').element as HTMLElement;
    expect(first.style.gridColumn).toBe('1 / span 2');
    expect(first.style.gridRow).toBe('1 / span 3');
  });
});
