import { DateTime } from 'luxon';

/**
 * Waits in words, for the status line: how long something was asked to wait ("90 s", "60 min",
 * "365 days") and the clock time it ends, in the board's zone as its header clock shows it.
 */

/** A length of time as a person says it: to the second below 2 h, to the minute below 2 days. */
export function describeWait(seconds: number): string {
  const s = Math.ceil(Math.max(0, seconds));
  if (s < 120) return `${s} s`;
  if (s < 2 * 3_600) return joined(Math.floor(s / 60), 'min', s % 60, 's');
  if (s < 2 * 86_400) return joined(Math.floor(s / 3_600), 'h', Math.floor((s % 3_600) / 60), 'min');
  const days = s / 86_400;
  return Number.isInteger(days) ? `${days} days` : `about ${Math.round(days)} days`;
}

function joined(whole: number, unit: string, rest: number, restUnit: string): string {
  return rest === 0 ? `${whole} ${unit}` : `${whole} ${unit} ${rest} ${restUnit}`;
}

/**
 * The clock time `at` in `timeZone`: with seconds when it is less than 10 minutes away (a short
 * wait is watched to the second), else to the nearest minute, like the header clock.
 */
export function clockTime(at: number, now: number, timeZone: string | undefined): string {
  const short = at - now < 10 * 60_000;
  const shown = short ? at : Math.round(at / 60_000) * 60_000;
  const local = DateTime.fromMillis(shown, timeZone ? { zone: timeZone } : {}).setLocale('en-GB');
  const time = local.isValid ? local : DateTime.fromMillis(shown, { zone: 'utc' });
  return time.toFormat(short ? 'HH:mm:ss' : 'HH:mm');
}
