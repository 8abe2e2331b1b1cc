// @vitest-environment happy-dom
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import VChart from 'vue-echarts';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChartOption } from '../../../../renderer/src/charts/echarts';
import ResultBarTile from '../../../../renderer/src/tiles/ResultBarTile.vue';
import { measure, row, tile } from '../fixtures';
import { mountTile } from '../mount-tile';

const RESULTS = ['completed', 'abandoned', 'voicemail', 'missed'];

/** A result bar as the core sends it: rows, and each measure's total over them (tile-snapshot.ts). */
function resultTile(rows: ReturnType<typeof row>[], totals: (number | null)[]) {
  return tile({
    type: 'resultBar',
    id: 'call-results',
    title: 'Call results',
    measures: RESULTS.map((key) => measure(key, key[0]!.toUpperCase() + key.slice(1), 'count')),
    rows,
    totals,
  });
}

type BarSeries = { type: string; name: string; stack: string; data: (number | null)[] };

enableAutoUnmount(afterEach);

describe('ResultBarTile', () => {
  it('stacks one bar of the measures and lists counts with shares', async () => {
    const { wrapper } = mountTile(
      ResultBarTile,
      resultTile([row('total', 'All queues', [1200, 150, 40, 10])], [1200, 150, 40, 10]),
    );
    await flushPromises();
    expect(wrapper.findAll('svg path').length).toBeGreaterThan(0);
    const option = wrapper.getComponent(VChart).props('option') as ChartOption;
    const series = option.series as BarSeries[];
    expect(series.map((s) => s.name)).toEqual(['Completed', 'Abandoned', 'Voicemail', 'Missed']);
    expect(series.every((s) => s.type === 'bar' && s.stack === 'total')).toBe(true);
    expect(series.map((s) => s.data)).toEqual([[1200], [150], [40], [10]]);
    const legend = wrapper.findAll('[data-testid="legend-item"]').map((item) => item.text());
    expect(legend[0]).toContain('1,200');
    expect(legend[0]).toContain('85.7%');
    expect(legend[3]).toContain('0.7%');
    expect(wrapper.get('[data-tile-type="resultBar"]').attributes('data-state')).toBe('ok');
  });

  it('draws a bar per row and the core’s totals in the legend, unknowns as a dash', () => {
    const { wrapper } = mountTile(
      ResultBarTile,
      resultTile(
        [row('q1', 'Sales', [100, 10, null, 0]), row('q2', 'Support', [50, 5, null, 5])],
        [150, 15, null, 5],
      ),
    );
    const option = wrapper.getComponent(VChart).props('option') as ChartOption;
    expect((option.series as BarSeries[])[0]!.data).toEqual([100, 50]);
    expect((option.yAxis as { data: string[] }).data).toEqual(['Sales', 'Support']);
    const values = wrapper.findAll('[data-testid="legend-value"]').map((v) => v.text());
    expect(values).toEqual(['150', '15', '—', '5']);
  });
});
