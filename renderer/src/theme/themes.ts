/**
 * The two board themes as plain colour tokens: CSS custom properties on the board root and the
 * ECharts themes are both made from these, so HTML and charts always agree. Every text colour here
 * keeps WCAG AA contrast (≥ 4.5:1) on every background it is used on; a unit test proves it.
 */

export type ThemeName = 'dark' | 'light';

export interface ThemeTokens {
  /** Page and header background. */
  bg: string;
  /** Tile background. */
  surface: string;
  /** Whole-tile tint of a tile in critical state. */
  surfaceCritical: string;
  border: string;
  text: string;
  /** Labels, window labels, footers. */
  textMuted: string;
  ok: string;
  warn: string;
  critical: string;
  /** Queue grid cell backgrounds by level (text on them is `text`). */
  cellOk: string;
  cellWarn: string;
  cellCritical: string;
  /** Badges: DEMO, stale, paused (text on them is `bg`). */
  badge: string;
  /** Chart series, in order; distinguishable for common colour-vision deficiencies. */
  series: readonly string[];
  /** Chart axis lines and split lines. */
  axis: string;
}

export const THEMES: Record<ThemeName, ThemeTokens> = {
  dark: {
    bg: '#0b0f14',
    surface: '#151c25',
    surfaceCritical: '#3d1318',
    border: '#2c3745',
    text: '#f2f5f8',
    textMuted: '#b4c0ce',
    ok: '#4ade80',
    warn: '#fbbf24',
    critical: '#ff8a8a',
    cellOk: '#0f2e1c',
    cellWarn: '#3a2c07',
    cellCritical: '#4a151b',
    badge: '#e2e8f0',
    series: ['#7dd3fc', '#fbbf24', '#c4b5fd', '#f9a8d4', '#86efac', '#fdba74'],
    axis: '#3b4756',
  },
  light: {
    bg: '#eef1f5',
    surface: '#ffffff',
    surfaceCritical: '#fde4e4',
    border: '#c5ccd6',
    text: '#0f172a',
    textMuted: '#475569',
    ok: '#166534',
    warn: '#92400e',
    critical: '#b91c1c',
    cellOk: '#dcf3e3',
    cellWarn: '#fbefd2',
    cellCritical: '#fadada',
    badge: '#1e293b',
    series: ['#1d4ed8', '#b45309', '#6d28d9', '#be185d', '#15803d', '#0e7490'],
    axis: '#cbd2db',
  },
};

/** The tokens as CSS custom properties (`--cb-bg`, …) for the board root's style. */
export function themeVariables(name: ThemeName): Record<string, string> {
  const tokens = THEMES[name];
  const vars: Record<string, string> = {};
  for (const [key, value] of Object.entries(tokens)) {
    if (typeof value === 'string') vars[`--cb-${kebab(key)}`] = value;
  }
  tokens.series.forEach((colour, index) => (vars[`--cb-series-${index}`] = colour));
  return vars;
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** Series colour by position, cycling through the theme's palette. */
export function seriesColour(tokens: ThemeTokens, index: number): string {
  return tokens.series[index % tokens.series.length] ?? tokens.text;
}
