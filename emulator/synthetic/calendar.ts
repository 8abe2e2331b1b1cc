import type { Random } from '../data/random';

/**
 * When the synthetic contact centre is busy and open: the hour-of-day arrival profile, the weekday
 * factors and opening hours (Mon–Fri 08:00–18:00, Sat 09:00–13:00, Sunday closed; or every day like
 * a Wednesday), agents' shifts and breaks, and Poisson arrival instants.
 */

export const HOUR_PROFILE = [
  0.02, 0.01, 0.01, 0.01, 0.01, 0.03, 0.08, 0.25, 0.6, 1.0, 1.15, 1.1, 0.85, 0.9, 1.05, 1.0, 0.85, 0.55, 0.3,
  0.15, 0.1, 0.06, 0.04, 0.03,
];
/** The weekday a weekend day follows when the centre opens every day: one in mid-week. */
const WEEKDAY_PATTERN = 3;
/** Sunday … Saturday. */
export const DAY_FACTOR = [0.08, 1.1, 1.0, 0.95, 0.95, 0.9, 0.35];
/** Opening minutes per weekday, Sunday … Saturday; null = closed. */
const BUSINESS_HOURS: ReadonlyArray<readonly [number, number] | null> = [
  null,
  [480, 1080],
  [480, 1080],
  [480, 1080],
  [480, 1080],
  [480, 1080],
  [540, 780],
];
/** Callers who would wait longer than this (seconds) and are patient enough go to voicemail. */
export const MAX_QUEUE_WAIT = 480;

/** The weekday (0 = Sunday) whose pattern `weekday` follows: itself, unless open every day. */
export function patternOf(weekday: number, openEveryDay: boolean): number {
  const weekend = weekday === 0 || weekday === 6;
  return weekend && openEveryDay ? WEEKDAY_PATTERN : weekday;
}

/** Whether the company is open at `minute` of a day following weekday pattern `weekday`. */
export function isOpenMinute(weekday: number, minute: number): boolean {
  const hours = BUSINESS_HOURS[weekday];
  return hours !== null && hours !== undefined && minute >= hours[0] && minute < hours[1];
}

/** Whether the company opens at all on a day following weekday pattern `weekday`. */
export function opensOn(weekday: number): boolean {
  return BUSINESS_HOURS[weekday] !== null;
}

export interface Shift {
  readonly shift: readonly [number, number];
  /** Lunch and short breaks: [from, to) in minutes since local midnight. */
  readonly breaks: ReadonlyArray<readonly [number, number]>;
}

/**
 * Agent `index`'s shift on a day following `weekday`: weekdays alternately 08:00–16:30 and
 * 09:30–18:00, Saturday 09:00–13:00, less a 30–45 minute lunch and two 15-minute breaks. Draws
 * from the day's RNG in a fixed order (lunch, morning, afternoon, lunch length), so the same seed
 * and day always give the same shifts.
 */
export function shiftOf(rng: Random, weekday: number, index: number): Shift {
  const shift: readonly [number, number] = weekday === 6 ? [540, 780] : index % 2 ? [570, 1080] : [480, 990];
  const lunch = rng.int(690, 810);
  const morning = rng.int(shift[0] + 90, shift[0] + 150);
  const afternoon = rng.int(shift[1] - 150, shift[1] - 90);
  const breaks: Array<readonly [number, number]> = [
    [lunch, lunch + rng.int(30, 45)],
    [morning, morning + 15],
    [afternoon, afternoon + 15],
  ];
  return { shift, breaks };
}

export function onShift(state: Shift, minute: number): boolean {
  return minute >= state.shift[0] && minute < state.shift[1];
}

export function onDuty(state: Shift, minute: number): boolean {
  if (!onShift(state, minute)) return false;
  return !state.breaks.some(([from, to]) => minute >= from && minute < to);
}

/** Arrival instants of a Poisson process with `ratePerHour` over the hour starting at `start`. */
export function poissonTimes(rng: Random, ratePerHour: number, start: number): number[] {
  const times: number[] = [];
  if (ratePerHour <= 0) return times;
  let t = start + rng.exponential(3_600_000 / ratePerHour);
  while (t < start + 3_600_000) {
    times.push(Math.floor(t));
    t += rng.exponential(3_600_000 / ratePerHour);
  }
  return times;
}
