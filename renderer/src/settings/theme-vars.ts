import { THEMES, type ThemeName } from '../theme/themes';

/**
 * The settings window's colours as CSS custom properties, from the board's theme tokens (the same
 * contrast-checked palette) plus the few a form needs: fields, focus ring, links, the accent button.
 */
export function settingsThemeVars(name: ThemeName): Record<string, string> {
  const tokens = THEMES[name];
  const dark = name === 'dark';
  return {
    '--cb-bg': tokens.bg,
    '--cb-surface': tokens.surface,
    '--cb-field': dark ? '#0f151d' : '#ffffff',
    '--cb-border': tokens.border,
    '--cb-border-strong': dark ? '#5b6b7c' : '#6b7785',
    '--cb-text': tokens.text,
    '--cb-text-muted': tokens.textMuted,
    '--cb-critical-text': tokens.critical,
    '--cb-ok-text': tokens.ok,
    '--cb-link': dark ? '#7dd3fc' : '#0b57a4',
    '--cb-focus': dark ? '#ffd35c' : '#0b57a4',
    '--cb-accent': dark ? '#7dd3fc' : '#0b57a4',
    '--cb-on-accent': dark ? '#0b0f14' : '#ffffff',
  };
}
