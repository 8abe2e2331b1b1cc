import type { App } from 'vue';
import { BarChart, GaugeChart, LineChart, PieChart } from 'echarts/charts';
import type { BarSeriesOption, GaugeSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import { GridComponent, MarkLineComponent } from 'echarts/components';
import type { GridComponentOption, MarkLineComponentOption } from 'echarts/components';
import { registerTheme, use } from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { INIT_OPTIONS_KEY, THEME_KEY } from 'vue-echarts';
import { computed, type Ref } from 'vue';
import { THEMES, type ThemeName, type ThemeTokens } from '../theme/themes';

/**
 * The only place ECharts is configured: tree-shaken registration of exactly the charts and components
 * the tiles use, both renderers (canvas on screens; SVG where there is no canvas, e.g. component tests
 * under happy-dom), and one ECharts theme per board theme, registered once.
 */

use([
  BarChart,
  GaugeChart,
  LineChart,
  PieChart,
  GridComponent,
  MarkLineComponent,
  CanvasRenderer,
  SVGRenderer,
]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | GaugeSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | MarkLineComponentOption
>;

export type ChartRenderer = 'canvas' | 'svg';

/** Name of the registered ECharts theme for a board theme. */
export function chartThemeName(theme: ThemeName): string {
  return `callboard-${theme}`;
}

function chartTheme(tokens: ThemeTokens): object {
  const axis = {
    axisLine: { lineStyle: { color: tokens.axis } },
    axisTick: { lineStyle: { color: tokens.axis } },
    axisLabel: { color: tokens.textMuted },
    splitLine: { lineStyle: { color: tokens.axis } },
  };
  return {
    color: [...tokens.series],
    backgroundColor: 'transparent',
    textStyle: { color: tokens.text },
    categoryAxis: axis,
    valueAxis: axis,
    gauge: { axisLine: { lineStyle: { color: [[1, tokens.axis]] } } },
  };
}

let themesRegistered = false;

function registerThemes(): void {
  if (themesRegistered) return;
  for (const name of Object.keys(THEMES) as ThemeName[])
    registerTheme(chartThemeName(name), chartTheme(THEMES[name]));
  themesRegistered = true;
}

/**
 * Vue plugin: registers the themes and provides the renderer and the current theme to every
 * `<VChart>` below (vue-echarts' INIT_OPTIONS_KEY / THEME_KEY), so tiles never pick either themselves.
 */
export function chartsPlugin(options: {
  renderer: ChartRenderer;
  theme: Ref<ThemeName>;
  /** Fixed chart size, for environments without layout (component tests); screens size from the tile. */
  size?: { width: number; height: number };
}) {
  return {
    install(app: App): void {
      registerThemes();
      app.provide(INIT_OPTIONS_KEY, { renderer: options.renderer, ...options.size });
      app.provide(
        THEME_KEY,
        computed(() => chartThemeName(options.theme.value)),
      );
    },
  };
}
