import type { TileSnapshot } from '../../../../contract/snapshot';
import { formatShare, formatValue, type Unit } from '../../format/units';
import { seriesColour } from '../../theme/themes';
import { primaryRow, sumKnown, valueAt } from '../../tiles/tile-data';
import type { ChartOption } from '../echarts';
import type { ChartContext, LegendItem } from './chart-context';

/**
 * Breakdown donut: the slices are the tile's measures (a breakdown of one total, in one row the core
 * totalled over the keys), or, for a tile with one measure, its rows (the core sends a row per key:
 * calls per queue). Unknown slices are left out of the ring and show "—" in the legend.
 */

export interface DonutSlice {
  name: string;
  value: number | null;
  colour: string;
}

export interface DonutModel {
  slices: DonutSlice[];
  unit: Unit;
  total: number | null;
}

export function donutModel(tile: TileSnapshot, context: ChartContext): DonutModel {
  const unit = tile.measures[0]?.unit ?? 'count';
  const byRow = tile.measures.length === 1 && tile.rows.length > 1;
  const row = primaryRow(tile);
  const slices = byRow
    ? tile.rows.map((r, i) => ({
        name: r.name,
        value: valueAt(r, 0),
        colour: seriesColour(context.tokens, i),
      }))
    : tile.measures.map((measure, m) => ({
        name: measure.label,
        value: valueAt(row, m),
        colour: seriesColour(context.tokens, m),
      }));
  return { slices, unit, total: sumKnown(slices.map((slice) => slice.value)) };
}

export function donutLegend(model: DonutModel): LegendItem[] {
  return model.slices.map((slice) => ({
    name: slice.name,
    colour: slice.colour,
    value: formatValue(slice.value, model.unit),
    share: formatShare(slice.value, model.total),
  }));
}

export function donutOption(model: DonutModel, context: ChartContext): ChartOption {
  return {
    animation: false,
    series: [
      {
        type: 'pie',
        radius: ['52%', '92%'],
        center: ['50%', '50%'],
        label: { show: false },
        labelLine: { show: false },
        silent: true,
        itemStyle: { borderColor: context.tokens.surface, borderWidth: 2 },
        data: model.slices.flatMap((slice) =>
          slice.value !== null && slice.value > 0
            ? [{ name: slice.name, value: slice.value, itemStyle: { color: slice.colour } }]
            : [],
        ),
      },
    ],
  };
}
