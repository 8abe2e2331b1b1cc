import { describe, expect, it } from 'vitest';
import {
  THEMES,
  themeVariables,
  type ThemeName,
  type ThemeTokens,
} from '../../../../renderer/src/theme/themes';

/** WCAG 2.x relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Every text colour on every background it is drawn on. */
function textPairs(t: ThemeTokens): [string, string, string][] {
  const pairs: [string, string, string][] = [];
  const add = (fg: keyof ThemeTokens, bg: keyof ThemeTokens) =>
    pairs.push([`${fg} on ${bg}`, t[fg] as string, t[bg] as string]);
  for (const bg of ['bg', 'surface', 'surfaceCritical'] as const) {
    for (const fg of ['text', 'textMuted', 'ok', 'warn', 'critical'] as const) add(fg, bg);
  }
  for (const bg of ['cellOk', 'cellWarn', 'cellCritical'] as const) {
    add('text', bg);
    add('textMuted', bg);
  }
  add('bg', 'badge');
  return pairs;
}

describe('themes', () => {
  for (const name of Object.keys(THEMES) as ThemeName[]) {
    it(`${name}: every text colour has WCAG AA contrast (≥ 4.5:1) on its backgrounds`, () => {
      const failing = textPairs(THEMES[name])
        .map(([what, fg, bg]) => ({ what, ratio: contrast(fg, bg) }))
        .filter((pair) => pair.ratio < 4.5);
      expect(failing).toEqual([]);
    });
  }

  it('checks contrast correctly (black on white is 21:1)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21);
    expect(contrast('#777777', '#ffffff')).toBeLessThan(4.5);
  });

  it('exposes the tokens as CSS custom properties', () => {
    const vars = themeVariables('light');
    expect(vars['--cb-surface-critical']).toBe(THEMES.light.surfaceCritical);
    expect(vars['--cb-text-muted']).toBe(THEMES.light.textMuted);
    expect(vars['--cb-series-0']).toBe(THEMES.light.series[0]);
  });
});
