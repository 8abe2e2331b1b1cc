import type { BoardView, Level, MeasureInfo, Row, TileSnapshot } from '../../../contract/snapshot';
import { formatValue } from '../format/units';

/**
 * Reading a TileSnapshot the same way in every tile. Single-value tiles (big number, gauge) read the
 * first row: the core sends one row with the tile's totals for them. Missing values are null ("—").
 */

export function primaryRow(tile: TileSnapshot): Row | null {
  return tile.rows[0] ?? null;
}

export function valueAt(row: Row | null, index: number): number | null {
  return row?.values[index] ?? null;
}

export function levelAt(row: Row | null, index: number): Level {
  return row?.levels[index] ?? 'none';
}

/** One table cell per measure of a row: formatted value and threshold level (queue grid, leaderboard). */
export function tableCells(tile: TileSnapshot, row: Row): { id: string; text: string; level: Level }[] {
  return tile.measures.map((measure, m) => ({
    id: measure.id,
    text: formatValue(valueAt(row, m), measure.unit),
    level: levelAt(row, m),
  }));
}

export function measureIndex(tile: TileSnapshot, measureId: string | undefined): number {
  if (measureId === undefined) return 0;
  const index = tile.measures.findIndex((measure) => measure.id === measureId);
  return index < 0 ? 0 : index;
}

/** Sum of known values; null when none is known (so "—", never a made-up 0). */
export function sumKnown(values: readonly (number | null)[]): number | null {
  let total: number | null = null;
  for (const value of values) if (value !== null) total = (total ?? 0) + value;
  return total;
}

/** Whether a value meets its target: needs a threshold direction to know which side is good. */
export function targetMet(measure: MeasureInfo, value: number | null): boolean | null {
  if (value === null || measure.target === null || measure.thresholds === null) return null;
  return measure.thresholds.direction === 'above' ? value <= measure.target : value >= measure.target;
}

/** The window label most of a board's data tiles share, for the header. */
export function boardWindowLabel(board: BoardView): string | null {
  const counts = new Map<string, number>();
  for (const tile of board.tiles) {
    if (tile.type === 'clock' || tile.type === 'text' || tile.windowLabel === '') continue;
    counts.set(tile.windowLabel, (counts.get(tile.windowLabel) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [label, count] of counts) {
    if (count > bestCount) [best, bestCount] = [label, count];
  }
  return best;
}

export const LEVEL_TEXT: Record<Level, string> = {
  ok: 'on target',
  warn: 'warning',
  critical: 'critical',
  none: '',
};
