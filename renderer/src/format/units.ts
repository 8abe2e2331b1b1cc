import type { MeasureInfo } from '../../../contract/snapshot';

/**
 * Number formatting for the board, by measure unit. Unknown values are null and always show as "—",
 * never as 0. One fixed locale (en-GB, 24-hour clock) so every screen of a fleet reads the same.
 */

export type Unit = MeasureInfo['unit'];

export const UNKNOWN = '—';
export const LOCALE = 'en-GB';

const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "1,234", "87.3%", "4:05" / "1:02:05"; "—" for null or a non-finite number. */
export function formatValue(value: number | null | undefined, unit: Unit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return UNKNOWN;
  switch (unit) {
    case 'count':
      return integer.format(Math.round(value));
    case 'percent':
      return `${oneDecimal.format(value)}%`;
    case 'seconds':
      return formatDuration(value);
  }
}

/** m:ss under an hour, h:mm:ss from an hour; negative durations get a true minus sign. */
export function formatDuration(seconds: number): string {
  const total = Math.round(Math.abs(seconds));
  const sign = seconds < 0 && total > 0 ? '−' : '';
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${sign}${h}:${String(m).padStart(2, '0')}:${ss}` : `${sign}${m}:${ss}`;
}

export interface Delta {
  /** Signed difference, rounded as it is shown (so "0" and "same" agree). */
  amount: number;
  direction: 'up' | 'down' | 'same';
  /** e.g. "+12", "−2.1 pts", "+0:45". */
  text: string;
}

/** Difference of today's value against yesterday's at the same time; null when either is unknown. */
export function formatDelta(value: number | null, previous: number | null, unit: Unit): Delta | null {
  if (value === null || previous === null || !Number.isFinite(value) || !Number.isFinite(previous))
    return null;
  const amount = roundForUnit(value - previous, unit);
  const direction = amount > 0 ? 'up' : amount < 0 ? 'down' : 'same';
  const sign = amount > 0 ? '+' : amount < 0 ? '−' : '±';
  const magnitude = Math.abs(amount);
  const body =
    unit === 'percent'
      ? `${oneDecimal.format(magnitude)} pts`
      : unit === 'seconds'
        ? formatDuration(magnitude)
        : integer.format(magnitude);
  return { amount, direction, text: `${sign}${body}` };
}

function roundForUnit(value: number, unit: Unit): number {
  const rounded = unit === 'percent' ? Math.round(value * 10) / 10 : Math.round(value);
  // Math.round(-0.2) is -0: a change that rounds away is no change.
  return rounded === 0 ? 0 : rounded;
}

/** Share of a part in a whole as "42.0%", or "—" when unknown or the whole is 0. */
export function formatShare(part: number | null, whole: number | null): string {
  if (part === null || whole === null || whole === 0) return UNKNOWN;
  return `${oneDecimal.format((part / whole) * 100)}%`;
}
