// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import BoardView from '../../../../renderer/src/board/BoardView.vue';
import { board, tile } from '../fixtures';
import { enableAutoUnmount, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { ref } from 'vue';
import { chartsPlugin } from '../../../../renderer/src/charts/echarts';
import { installDomStubs } from '../mount-tile';
import { TILE_TYPES } from '../../../../contract/board';
import { useDisplayStore } from '../../../../renderer/src/stores/display';

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

  it('reflows onto half the columns on a portrait screen, in reading order, and back when it turns', async () => {
    installDomStubs();
    const pinia = createPinia();
    setActivePinia(pinia);
    const tiles = [
      tile({ type: 'bigNumber', id: 'left', layout: { x: 0, y: 0, w: 1, h: 1 } }),
      tile({ type: 'bigNumber', id: 'right', layout: { x: 3, y: 0, w: 1, h: 1 } }),
      tile({ type: 'text', id: 'wide', layout: { x: 0, y: 1, w: 4, h: 1 } }),
    ];
    useDisplayStore().setViewport(1080, 1920);
    const wrapper = mount(BoardView, {
      props: { board: board({ grid: { columns: 4, rows: 2 }, tiles }) },
      global: { plugins: [pinia] },
    });
    const root = wrapper.get('[data-board-id="queues"]');
    const style = (id: string) => (wrapper.get(`[data-tile-id="${id}"]`).element as HTMLElement).style;
    expect(root.attributes('data-orientation')).toBe('portrait');
    expect((root.element as HTMLElement).style.gridTemplateColumns).toBe('repeat(2, minmax(0, 1fr))');
    expect((root.element as HTMLElement).style.gridTemplateRows).toBe('repeat(2, minmax(0, 1fr))');
    expect([style('left').gridColumn, style('right').gridColumn]).toEqual(['1 / span 1', '2 / span 1']);
    expect([style('wide').gridColumn, style('wide').gridRow]).toEqual(['1 / span 2', '2 / span 1']);

    useDisplayStore().setViewport(1920, 1080);
    await wrapper.vm.$nextTick();
    expect(root.attributes('data-orientation')).toBe('landscape');
    expect((root.element as HTMLElement).style.gridTemplateColumns).toBe('repeat(4, minmax(0, 1fr))');
    expect(style('right').gridColumn).toBe('4 / span 1');
  });
});
