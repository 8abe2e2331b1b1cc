import type { TileSnapshot } from '../../../../contract/snapshot';
import { formatShare, formatValue } from '../../format/units';
import { seriesColour } from '../../theme/themes';
import { sumKnown, valueAt } from '../../tiles/tile-data';
import type { ChartOption } from '../echarts';
import type { ChartContext, LegendItem } from './chart-context';

/**
 * Stacked result bar: one horizontal bar per row (one for the tile's totals, or one per queue), each
 * split into the tile's measures (e.g. completed / abandoned / voicemail / missed).
 */

export function resultBarLegend(tile: TileSnapshot, context: ChartContext): LegendItem[] {
  // Each measure's total over the rows comes from the core (a rate is rebuilt there, never added up).
  const totals = tile.measures.map((_, m) => tile.totals?.[m] ?? null);
  const whole = sumKnown(totals);
  return tile.measures.map((measure, m) => ({
    name: measure.label,
    colour: seriesColour(context.tokens, m),
    value: formatValue(totals[m] ?? null, measure.unit),
    share: formatShare(totals[m] ?? null, whole),
  }));
}

export function resultBarOption(tile: TileSnapshot, context: ChartContext): ChartOption {
  const font = context.fontPx;
  const manyRows = tile.rows.length > 1;
  return {
    animation: false,
    grid: {
      left: font * 0.5,
      right: font * 0.5,
      top: font * 0.25,
      bottom: font * 0.25,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    xAxis: { type: 'value', show: false },
    yAxis: {
      type: 'category',
      inverse: true,
      show: manyRows,
      data: tile.rows.map((row) => row.name),
      axisLabel: { fontSize: font, color: context.tokens.textMuted },
      axisLine: { show: false },
      axisTick: { show: false },
    },
    series: tile.measures.map((measure, m) => ({
      type: 'bar',
      name: measure.label,
      stack: 'total',
      barMaxWidth: font * 3,
      itemStyle: { color: seriesColour(context.tokens, m) },
      data: tile.rows.map((row) => valueAt(row, m)),
    })),
  };
}
