// @vitest-environment happy-dom
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import VChart from 'vue-echarts';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChartOption } from '../../../../renderer/src/charts/echarts';
import TimelineTile from '../../../../renderer/src/tiles/TimelineTile.vue';
import { hourlyPoints, measure, row, tile } from '../fixtures';
import { mountTile } from '../mount-tile';

type LineSeries = { type: string; name: string; data: (number | null)[]; lineStyle: { type: string } };

function timelineTile(overlay: boolean) {
  const today = row('total', 'All', [null, null]);
  today.points = hourlyPoints('2026-11-23', [
    [10, 9],
    [22, 20],
    [31, null],
  ]);
  return tile({
    type: 'timeline',
    id: 'inbound-by-hour',
    title: 'Inbound calls by hour',
    options: { interval: 'Hour', overlayYesterday: overlay },
    measures: [measure('offered', 'Offered', 'count'), measure('answered', 'Answered', 'count')],
    rows: [today],
    yesterday: {
      values: [],
      points: hourlyPoints('2026-11-22', [
        [8, 8],
        [18, 17],
        [25, 24],
        [30, 29],
      ]),
    },
  });
}

enableAutoUnmount(afterEach);

describe('TimelineTile', () => {
  it('draws a line per measure over the hours of the day in the board zone', async () => {
    const { wrapper } = mountTile(TimelineTile, timelineTile(false));
    await flushPromises();
    expect(wrapper.findAll('svg path').length).toBeGreaterThan(0);
    const option = wrapper.getComponent(VChart).props('option') as ChartOption;
    expect((option.xAxis as { data: string[] }).data).toEqual(['08:00', '09:00', '10:00']);
    const series = option.series as LineSeries[];
    expect(series.map((s) => s.name)).toEqual(['Offered', 'Answered']);
    expect(series[0]!.data).toEqual([10, 22, 31]);
    // An unknown bucket stays a gap, never a 0.
    expect(series[1]!.data).toEqual([9, 20, null]);
    expect(option.animation).toBe(false);
    expect(wrapper.findAll('[data-testid="legend-item"]').map((i) => i.text())).toEqual([
      'Offered',
      'Answered',
    ]);
  });

  it('overlays yesterday dashed on the same time-of-day axis, extending it to yesterday’s hours', () => {
    const { wrapper } = mountTile(TimelineTile, timelineTile(true));
    const option = wrapper.getComponent(VChart).props('option') as ChartOption;
    expect((option.xAxis as { data: string[] }).data).toEqual(['08:00', '09:00', '10:00', '11:00']);
    const series = option.series as LineSeries[];
    expect(series.map((s) => s.name)).toEqual([
      'Offered',
      'Answered',
      'Offered, yesterday',
      'Answered, yesterday',
    ]);
    expect(series[0]!.data).toEqual([10, 22, 31, null]);
    expect(series[2]!.data).toEqual([8, 18, 25, 30]);
    expect(series[2]!.lineStyle.type).toBe('dashed');
    expect(series[0]!.lineStyle.type).toBe('solid');
  });

  it('labels the buckets in the board’s zone, not UTC', () => {
    const { wrapper } = mountTile(TimelineTile, timelineTile(false), 'America/New_York');
    const option = wrapper.getComponent(VChart).props('option') as ChartOption;
    expect((option.xAxis as { data: string[] }).data).toEqual(['03:00', '04:00', '05:00']);
  });

  it('shows "—" instead of an empty chart before the first points', () => {
    const empty = tile({
      type: 'timeline',
      state: 'unknown',
      asOf: null,
      measures: [measure('offered', 'Offered', 'count')],
    });
    const { wrapper } = mountTile(TimelineTile, empty);
    expect(wrapper.findComponent(VChart).exists()).toBe(false);
    expect(wrapper.text()).toContain('—');
  });
});

describe('TimelineTile updates', () => {
  it('updates the same chart instance in place and drops series that are gone', async () => {
    const { wrapper } = mountTile(TimelineTile, timelineTile(true));
    await flushPromises();
    const chart = wrapper.getComponent(VChart);
    const instance = chart.vm.chart;
    expect(instance).toBeDefined();
    expect((instance!.getOption().series as unknown[]).length).toBe(4);

    const next = timelineTile(false);
    next.rows[0]!.points![2]!.values = [35, 33];
    await wrapper.setProps({ tile: next });
    await flushPromises();
    expect(chart.vm.chart).toBe(instance);
    const series = instance!.getOption().series as { data: (number | null)[] }[];
    expect(series).toHaveLength(2);
    expect(series[0]!.data).toEqual([10, 22, 35]);
  });
});

describe('TimelineTile with several queues', () => {
  const names = ['Sales', 'Support', 'Billing', 'Technical'];
  function queueRows() {
    return names.map((name, q) => {
      const queue = row(`q${q}`, name, [null, null]);
      queue.points = hourlyPoints('2026-11-23', [
        [q + 1, q],
        [10 * (q + 1), null],
      ]);
      return queue;
    });
  }
  /** The one Total row the core sends for counts when a line per queue would not fit (tile-snapshot.ts). */
  function totalRow() {
    const total = row('*', 'Total', [100, 6]);
    total.points = hourlyPoints('2026-11-23', [
      [10, 6],
      [100, null],
    ]);
    return total;
  }
  function timelineOf(rows: ReturnType<typeof row>[], overlay: boolean, unit: 'count' | 'percent' = 'count') {
    return tile({
      type: 'timeline',
      id: 'by-hour',
      title: 'By hour',
      options: { interval: 'Hour', overlayYesterday: overlay },
      measures: [measure('offered', 'Offered', unit), measure('answered', 'Answered', unit)],
      rows,
      yesterday: overlay ? { values: [], points: hourlyPoints('2026-11-22', [[5, 4]]) } : null,
    });
  }
  const seriesOf = (snapshot: ReturnType<typeof timelineOf>) => {
    const { wrapper } = mountTile(TimelineTile, snapshot);
    return (wrapper.getComponent(VChart).props('option') as ChartOption).series as LineSeries[];
  };

  it('draws the Total row the core sums when a line per queue would not fit', () => {
    const series = seriesOf(timelineOf([totalRow()], false));
    expect(series.map((s) => s.name)).toEqual(['Offered', 'Answered']);
    expect(series[0]!.data).toEqual([10, 100]);
    expect(series[1]!.data).toEqual([6, null]);
  });

  it('compares like with like against yesterday’s totals', () => {
    expect(seriesOf(timelineOf([totalRow()], true)).map((s) => s.name)).toEqual([
      'Offered',
      'Answered',
      'Offered, yesterday',
      'Answered, yesterday',
    ]);
  });

  it('draws a line per queue and measure it is sent (rates, which are never summed), up to six', () => {
    const series = seriesOf(timelineOf(queueRows(), false, 'percent'));
    expect(series[0]!.name).toBe('Sales · Offered');
    expect(series).toHaveLength(6);
  });
});
