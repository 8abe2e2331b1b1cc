import type { Level, MeasureInfo } from '../../../../contract/snapshot';
import type { ThemeTokens } from '../../theme/themes';
import type { ChartOption } from '../echarts';
import type { ChartContext } from './chart-context';

/**
 * Gauge tile: an arc from min to max, banded by the measure's thresholds, filled to the value in the
 * colour of its level. The number itself is HTML below the arc (readable, testable, accessible).
 */

export interface GaugeModel {
  min: number;
  max: number;
  value: number | null;
  level: Level;
  measure: MeasureInfo | null;
}

export function levelColour(tokens: ThemeTokens, level: Level): string {
  if (level === 'warn') return tokens.warn;
  if (level === 'critical') return tokens.critical;
  if (level === 'ok') return tokens.ok;
  return tokens.series[0] ?? tokens.text;
}

/** ECharts axisLine colour stops: [fraction of the arc, colour] up to 1. */
export function gaugeBands(model: GaugeModel, tokens: ThemeTokens): [number, string][] {
  const thresholds = model.measure?.thresholds ?? null;
  if (thresholds === null || model.max <= model.min) return [[1, tokens.axis]];
  const at = (value: number) => Math.min(1, Math.max(0, (value - model.min) / (model.max - model.min)));
  if (thresholds.direction === 'above') {
    return [
      [at(thresholds.warn), tokens.cellOk],
      [at(thresholds.critical), tokens.cellWarn],
      [1, tokens.cellCritical],
    ];
  }
  return [
    [at(thresholds.critical), tokens.cellCritical],
    [at(thresholds.warn), tokens.cellWarn],
    [1, tokens.cellOk],
  ];
}

export function gaugeOption(model: GaugeModel, context: ChartContext): ChartOption {
  const width = Math.max(10, context.fontPx * 0.9);
  const clamped = model.value === null ? null : Math.min(model.max, Math.max(model.min, model.value));
  return {
    animation: false,
    series: [
      {
        type: 'gauge',
        min: model.min,
        max: model.max,
        startAngle: 200,
        endAngle: -20,
        radius: '95%',
        center: ['50%', '60%'],
        progress: {
          show: clamped !== null,
          width,
          itemStyle: { color: levelColour(context.tokens, model.level) },
        },
        axisLine: { lineStyle: { width, color: gaugeBands(model, context.tokens) } },
        pointer: { show: false },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { show: false },
        anchor: { show: false },
        title: { show: false },
        detail: { show: false },
        data: clamped === null ? [] : [{ value: clamped }],
      },
    ],
  };
}
