import { DateTime } from 'luxon';
import { LOCALE } from './units';

/**
 * Times and ages as a wallboard shows them: "as of 14:05 · 2 min ago" in the board's zone. Ages move
 * in whole minutes so the footer of every tile changes at most once a minute (calm, no flicker).
 */

/** "14:05" in the zone; null when the instant or the zone is not valid. */
export function formatClockTime(iso: string, zone: string): string | null {
  const time = DateTime.fromISO(iso, { zone });
  return time.isValid ? time.setLocale(LOCALE).toFormat('HH:mm') : null;
}

/** "just now", "1 min ago", "59 min ago", "2 h ago", "3 days ago". */
export function formatAge(ms: number): string {
  if (!Number.isFinite(ms) || ms < 60_000) return 'just now';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

/** A tile footer's freshness: "as of 14:05 · 2 min ago", or "no data yet" before the first answer. */
export function formatAsOf(asOf: string | null, now: number, zone: string): string {
  if (asOf === null) return 'no data yet';
  const at = Date.parse(asOf);
  const time = formatClockTime(asOf, zone);
  if (time === null || Number.isNaN(at)) return 'no data yet';
  return `as of ${time} · ${formatAge(now - at)}`;
}
