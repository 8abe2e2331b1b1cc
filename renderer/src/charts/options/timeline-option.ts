import { DateTime } from 'luxon';
import type { Point, TileSnapshotOf } from '../../../../contract/snapshot';
import { TIMELINE_MAX_LINES } from '../../../../contract/tile-types';
import { formatValue, LOCALE, type Unit } from '../../format/units';
import { seriesColour } from '../../theme/themes';
import type { ChartOption } from '../echarts';
import type { ChartContext, LegendItem } from './chart-context';

/**
 * Timeline tile: one line per measure (per row and measure when the tile has several rows; the core
 * has already summed rows into one Total row where a line each would not fit) over the interval
 * buckets, and yesterday's buckets dashed on the same time-of-day axis when asked for.
 */

/** The most lines one chart shows (the core sums rows of counts beyond it: contract/tile-types.ts). */
const MAX_SERIES = TIMELINE_MAX_LINES;

export interface TimelineSeries {
  name: string;
  colour: string;
  dashed: boolean;
  values: (number | null)[];
}

export interface TimelineModel {
  categories: string[];
  series: TimelineSeries[];
  unit: Unit;
}

const LABEL_FORMAT: Record<string, string> = {
  Hour: 'HH:mm',
  Day: 'ccc d',
  Week: 'd LLL',
  Month: 'LLL yyyy',
};

export function timelineModel(tile: TileSnapshotOf<'timeline'>, context: ChartContext): TimelineModel {
  const zone = context.timeZone;
  const unit = tile.measures[0]?.unit ?? 'count';
  const overlay = tile.options.overlayYesterday ? (tile.yesterday?.points ?? null) : null;
  const keys = new Set<number>();
  for (const row of tile.rows) for (const point of row.points ?? []) keys.add(bucketKey(point, zone, 0));
  for (const point of overlay ?? []) keys.add(bucketKey(point, zone, 1));
  const ordered = [...keys].filter((key) => !Number.isNaN(key)).sort((a, b) => a - b);
  const format = LABEL_FORMAT[tile.options.interval] ?? 'HH:mm';
  const categories = ordered.map((key) =>
    DateTime.fromMillis(key, { zone }).setLocale(LOCALE).toFormat(format),
  );
  const series = todaySeries(tile, ordered, zone, context);
  if (overlay) series.push(...yesterdaySeries(tile, overlay, ordered, zone, context));
  return { categories, series, unit };
}

function todaySeries(
  tile: TileSnapshotOf<'timeline'>,
  keys: number[],
  zone: string,
  context: ChartContext,
): TimelineSeries[] {
  const series: TimelineSeries[] = [];
  const manyRows = tile.rows.length > 1;
  for (const row of tile.rows) {
    tile.measures.forEach((measure, m) => {
      if (series.length >= MAX_SERIES) return;
      const byKey = pointValues(row.points ?? [], m, zone, 0);
      const name = manyRows
        ? tile.measures.length > 1
          ? `${row.name} · ${measure.label}`
          : row.name
        : measure.label;
      series.push({
        name,
        colour: seriesColour(context.tokens, series.length),
        dashed: false,
        values: keys.map((key) => byKey.get(key) ?? null),
      });
    });
  }
  return series;
}

function yesterdaySeries(
  tile: TileSnapshotOf<'timeline'>,
  points: Point[],
  keys: number[],
  zone: string,
  context: ChartContext,
): TimelineSeries[] {
  return tile.measures.slice(0, MAX_SERIES).map((measure, m) => {
    const byKey = pointValues(points, m, zone, 1);
    return {
      name: `${measure.label}, yesterday`,
      colour: seriesColour(context.tokens, m),
      dashed: true,
      values: keys.map((key) => byKey.get(key) ?? null),
    };
  });
}

/** Bucket start in ms, moved forward by whole days so yesterday's 09:00 lines up with today's. */
function bucketKey(point: Point, zone: string, daysLater: number): number {
  const time = DateTime.fromISO(point.time, { zone });
  return time.isValid ? time.plus({ days: daysLater }).toMillis() : Number.NaN;
}

function pointValues(
  points: Point[],
  measure: number,
  zone: string,
  daysLater: number,
): Map<number, number | null> {
  const values = new Map<number, number | null>();
  for (const point of points) values.set(bucketKey(point, zone, daysLater), point.values[measure] ?? null);
  return values;
}

export function timelineLegend(model: TimelineModel): LegendItem[] {
  return model.series.map((series) => ({ name: series.name, colour: series.colour, dashed: series.dashed }));
}

export function timelineOption(model: TimelineModel, context: ChartContext): ChartOption {
  const font = context.fontPx;
  return {
    animation: false,
    grid: {
      left: font * 0.5,
      right: font,
      top: font,
      bottom: font * 0.25,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    xAxis: {
      type: 'category',
      data: model.categories,
      axisLabel: { fontSize: font, hideOverlap: true, color: context.tokens.textMuted },
    },
    yAxis: {
      type: 'value',
      minInterval: model.unit === 'count' ? 1 : 0,
      axisLabel: {
        fontSize: font,
        color: context.tokens.textMuted,
        formatter: (value: number) => formatValue(value, model.unit),
      },
      splitLine: { lineStyle: { color: context.tokens.axis } },
    },
    series: model.series.map((series) => ({
      type: 'line',
      name: series.name,
      data: series.values,
      showSymbol: false,
      connectNulls: false,
      lineStyle: {
        width: Math.max(2, font / 6),
        color: series.colour,
        type: series.dashed ? 'dashed' : 'solid',
      },
      itemStyle: { color: series.colour },
    })),
  };
}
