import type { ThemeTokens } from '../../theme/themes';

/** What every option builder needs besides the tile: colours, the font size to read at distance, the zone. */
export interface ChartContext {
  tokens: ThemeTokens;
  /** Axis and label font size in px, already scaled for viewing distance (never under 14). */
  fontPx: number;
  timeZone: string;
}

/** A legend entry drawn in HTML beside a chart (accessible, and as large as the board's labels). */
export interface LegendItem {
  name: string;
  colour: string;
  /** Formatted value shown in the legend, if any. */
  value?: string;
  share?: string;
  dashed?: boolean;
}

/** What a screen reader hears for a chart with a legend: "Title: name value (share), …". */
export function legendSummary(title: string, items: readonly LegendItem[]): string {
  return `${title}: ${items.map((item) => `${item.name} ${item.value} (${item.share})`).join(', ')}`;
}
