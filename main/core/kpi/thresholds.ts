import type { Thresholds } from '../../../contract/board';
import type { Level, TileState } from '../../../contract/snapshot';

/**
 * Threshold levels and a tile's state. Only thresholds a user configured count: a KPI has a good
 * direction, but no engine-made limit could suit every contact center, so without thresholds a value
 * has level 'none' and tints nothing.
 */

export function levelOf(value: number | null, thresholds: Thresholds | null | undefined): Level {
  if (!thresholds || value === null) return 'none';
  if (thresholds.direction === 'above') {
    if (value >= thresholds.critical) return 'critical';
    if (value >= thresholds.warn) return 'warn';
    return 'ok';
  }
  if (value <= thresholds.critical) return 'critical';
  if (value <= thresholds.warn) return 'warn';
  return 'ok';
}

const RANK: Record<Level, number> = { none: 0, ok: 0, warn: 1, critical: 2 };

/** The worst of some levels; 'none' (no thresholds, or no value) counts as ok. */
export function worstLevel(levels: Iterable<Level>): 'ok' | 'warn' | 'critical' {
  let worst: 'ok' | 'warn' | 'critical' = 'ok';
  for (const level of levels) {
    if (level !== 'none' && RANK[level] > RANK[worst]) worst = level;
  }
  return worst;
}

/** A data tile's `data-state`: unknown without good data, stale when late, else its worst level. */
export function tileStateOf(input: { hasData: boolean; stale: boolean; levels: Iterable<Level> }): TileState {
  if (!input.hasData) return 'unknown';
  if (input.stale) return 'stale';
  return worstLevel(input.levels);
}
