// @vitest-environment happy-dom
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import VChart from 'vue-echarts';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChartOption } from '../../../../renderer/src/charts/echarts';
import GaugeTile from '../../../../renderer/src/tiles/GaugeTile.vue';
import { THEMES } from '../../../../renderer/src/theme/themes';
import { measure, row, tile } from '../fixtures';
import { mountTile } from '../mount-tile';

function gaugeTile(value: number | null, level: 'ok' | 'warn' | 'critical' | 'none' = 'ok') {
  return tile({
    type: 'gauge',
    id: 'answer-rate',
    title: 'Answer rate',
    state: level === 'none' ? 'unknown' : level,
    options: { min: 50, max: 100 },
    measures: [
      measure('answer-rate', 'Answer rate', 'percent', {
        thresholds: { direction: 'below', warn: 90, critical: 80 },
      }),
    ],
    rows: [row('total', 'All', [value], [level])],
  });
}

type GaugeSeries = {
  type: string;
  min: number;
  max: number;
  data: { value: number }[];
  progress: { itemStyle: { color: string } };
  axisLine: { lineStyle: { color: [number, string][] } };
};

enableAutoUnmount(afterEach);

describe('GaugeTile', () => {
  it('draws an SVG gauge from min to max with threshold bands and the value in its level colour', async () => {
    const { wrapper } = mountTile(GaugeTile, gaugeTile(85.5, 'warn'));
    await flushPromises();
    expect(wrapper.findAll('svg path').length).toBeGreaterThan(0);
    const option = wrapper.getComponent(VChart).props('option') as ChartOption;
    const series = (option.series as GaugeSeries[])[0]!;
    expect(series.type).toBe('gauge');
    expect([series.min, series.max]).toEqual([50, 100]);
    expect(series.data).toEqual([{ value: 85.5 }]);
    expect(series.progress.itemStyle.color).toBe(THEMES.dark.warn);
    // below-direction bands: critical up to 80 (60% of 50–100), warn up to 90 (80%), ok above.
    expect(series.axisLine.lineStyle.color).toEqual([
      [0.6, THEMES.dark.cellCritical],
      [0.8, THEMES.dark.cellWarn],
      [1, THEMES.dark.cellOk],
    ]);
    expect(option.animation).toBe(false);
    const value = wrapper.get('[data-testid="tile-value"]');
    expect(value.text()).toContain('85.5%');
    expect(value.get('[data-level="warn"]').text()).toContain('▲');
    expect(wrapper.get('[data-tile-id="answer-rate"]').attributes('data-state')).toBe('warn');
    expect(wrapper.get('.chart-box .sr-only').text()).toBe(
      'Answer rate: 85.5% on a scale from 50.0% to 100.0%',
    );
  });

  it('clamps values outside the scale and shows no progress for an unknown value', async () => {
    const over = mountTile(GaugeTile, gaugeTile(120)).wrapper;
    const clamped = (over.getComponent(VChart).props('option') as ChartOption).series as GaugeSeries[];
    expect(clamped[0]!.data).toEqual([{ value: 100 }]);
    expect(over.get('[data-testid="tile-value"]').text()).toContain('120.0%');

    const unknown = mountTile(GaugeTile, gaugeTile(null, 'none')).wrapper;
    await flushPromises();
    const empty = (unknown.getComponent(VChart).props('option') as ChartOption).series as GaugeSeries[];
    expect(empty[0]!.data).toEqual([]);
    expect(unknown.get('[data-testid="tile-value"]').text()).toContain('—');
    expect(unknown.get('[data-testid="tile-value"]').attributes('data-value')).toBe('');
  });
});
