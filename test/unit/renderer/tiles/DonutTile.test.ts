// @vitest-environment happy-dom
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import VChart from 'vue-echarts';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChartOption } from '../../../../renderer/src/charts/echarts';
import DonutTile from '../../../../renderer/src/tiles/DonutTile.vue';
import { THEMES } from '../../../../renderer/src/theme/themes';
import { measure, row, tile } from '../fixtures';
import { mountTile } from '../mount-tile';

type PieSeries = { type: string; data: { name: string; value: number; itemStyle: { color: string } }[] };

enableAutoUnmount(afterEach);

describe('DonutTile', () => {
  it('slices the measures of one row, with total, values and shares', async () => {
    const donut = tile({
      type: 'donut',
      id: 'answered-split',
      title: 'Answered or not',
      measures: [measure('answered', 'Answered', 'count'), measure('not-answered', 'Not answered', 'count')],
      rows: [row('total', 'All', [1800, 200])],
    });
    const { wrapper } = mountTile(DonutTile, donut);
    await flushPromises();
    expect(wrapper.findAll('svg path').length).toBeGreaterThan(0);
    const series = (wrapper.getComponent(VChart).props('option') as ChartOption).series as PieSeries[];
    expect(series[0]!.type).toBe('pie');
    expect(series[0]!.data.map((d) => [d.name, d.value])).toEqual([
      ['Answered', 1800],
      ['Not answered', 200],
    ]);
    expect(series[0]!.data[0]!.itemStyle.color).toBe(THEMES.dark.series[0]);
    expect(wrapper.get('[data-testid="tile-value"]').text()).toContain('2,000');
    const legend = wrapper.findAll('[data-testid="legend-item"]').map((i) => i.text());
    expect(legend[0]).toContain('90.0%');
    expect(legend[1]).toContain('10.0%');
  });

  it('slices rows for a one-measure tile and leaves unknown slices out of the ring', () => {
    const donut = tile({
      type: 'donut',
      measures: [measure('offered', 'Offered', 'count')],
      rows: [row('q1', 'Sales', [30]), row('q2', 'Support', [null]), row('q3', 'Billing', [10])],
    });
    const { wrapper } = mountTile(DonutTile, donut);
    const series = (wrapper.getComponent(VChart).props('option') as ChartOption).series as PieSeries[];
    expect(series[0]!.data.map((d) => d.name)).toEqual(['Sales', 'Billing']);
    const values = wrapper.findAll('[data-testid="legend-value"]').map((v) => v.text());
    expect(values).toEqual(['30', '—', '10']);
    expect(wrapper.get('[data-testid="tile-value"]').attributes('data-value')).toBe('40');
  });

  it('shows "—" for the total when nothing is known', () => {
    const donut = tile({ type: 'donut', state: 'unknown', measures: [measure('a', 'A', 'count')], rows: [] });
    const { wrapper } = mountTile(DonutTile, donut);
    expect(wrapper.get('[data-testid="tile-value"]').text()).toContain('—');
    expect(wrapper.get('[data-testid="tile-value"]').attributes('data-value')).toBe('');
  });
});
