import { DateTime } from 'luxon';
import { parseHhMm } from '../../../contract/api-request';
import { DAYS_OF_WEEK } from '../../../contract/api-vocabulary';
import type { QueryTime } from '../planner/plan';

/**
 * Time windows to absolute time ranges, and their labels. A query keeps its window relative ("today",
 * "last 30 minutes") so one plan serves every refresh; the range is resolved only when a request is
 * sent, in the query's zone, so day resets, ISO weeks and DST changes land where a supervisor expects.
 */

/** The API keeps 184 days; the margin covers the moments between building a request and the API reading it. */
const RETENTION_MS = 184 * 86_400_000;
const RETENTION_MARGIN_MS = 15 * 60_000;

export interface TimeRange {
  timeFrom: string;
  timeTo: string;
}

/** The window as RFC 3339 instants with the zone's offset; both ends inclusive, as the API reads them. */
export function resolveTimeRange(time: QueryTime, now: Date): TimeRange {
  const at = DateTime.fromJSDate(now, { zone: time.timeZone }).startOf('second');
  if (!at.isValid) throw new Error(`"${time.timeZone}" is not a time zone this computer knows`);
  const reset = parseHhMm(time.dayReset) ?? 0;
  const [from, to] = shifted(time, windowRange(time, at, reset), at, reset);
  const floor = at.minus({ milliseconds: RETENTION_MS - RETENTION_MARGIN_MS });
  // A range wholly older than the API keeps collapses onto its oldest instant rather than being refused.
  const clampedFrom = from < floor ? floor : from;
  const clampedTo = to < clampedFrom ? clampedFrom : to;
  return { timeFrom: iso(clampedFrom), timeTo: iso(clampedTo) };
}

/** The most recent day reset at or before `at` (before the reset, the business day began yesterday). */
function dayStart(at: DateTime, resetMinutes: number): DateTime {
  const today = atReset(at, resetMinutes);
  return today <= at ? today : atReset(at.minus({ days: 1 }), resetMinutes);
}

/** The reset on `day`'s date: in a DST overlap its first occurrence, in a gap shifted by the gap (luxon). */
function atReset(day: DateTime, resetMinutes: number): DateTime {
  const at = day.set({
    hour: Math.floor(resetMinutes / 60),
    minute: resetMinutes % 60,
    second: 0,
    millisecond: 0,
  });
  const hourEarlier = at.minus({ hours: 1 });
  return hourEarlier.hour === at.hour && hourEarlier.minute === at.minute ? hourEarlier : at;
}

function windowRange(time: QueryTime, at: DateTime, reset: number): [DateTime, DateTime] {
  const window = time.window;
  switch (window.kind) {
    case 'today':
      return [dayStart(at, reset), at];
    case 'rolling':
      return [at.minus({ minutes: window.minutes }), at];
    case 'yesterdayToNow':
      return [atReset(dayStart(at, reset).minus({ days: 1 }), reset), at];
    case 'thisWeek':
      // startOf('week') is the ISO week's Monday; the business day decides which week we are in.
      return [atReset(dayStart(at, reset).startOf('week'), reset), at];
    case 'custom':
      return [
        DateTime.fromISO(window.from, { zone: time.timeZone }),
        window.to === null ? at : DateTime.fromISO(window.to, { zone: time.timeZone }),
      ];
  }
}

function shifted(
  time: QueryTime,
  [from, to]: [DateTime, DateTime],
  at: DateTime,
  reset: number,
): [DateTime, DateTime] {
  switch (time.shift) {
    case 'none':
      return [from, to];
    case 'sameTimeYesterday':
      // Calendar days in the zone, not 24 hours: across a DST change "this time yesterday" is 23 or 25 h ago.
      return [from.minus({ days: 1 }), to.minus({ days: 1 })];
    case 'wholeYesterday': {
      const todayStart = dayStart(at, reset);
      return [atReset(todayStart.minus({ days: 1 }), reset), todayStart.minus({ seconds: 1 })];
    }
  }
}

function iso(at: DateTime): string {
  const text = at.toISO({ suppressMilliseconds: true });
  if (text === null) throw new Error(`cannot express the time range: ${at.invalidExplanation ?? 'invalid'}`);
  return text;
}

export interface WindowLabelOptions {
  /** The tile counts only calls in RingCentral's business hours (callFilters.companyHours). */
  readonly businessHoursOnly?: boolean;
}

/**
 * The label a tile shows for its data window, e.g. "Today since 06:00, Europe/London, business hours".
 * Pass the tile's own time (board zone and day reset), not a shared query's, whose zone may be canonical.
 */
export function describeWindow(time: QueryTime, options: WindowLabelOptions = {}): string {
  const parts = [baseLabel(time)];
  const restrictions = describeRestrictions(time);
  if (restrictions) parts.push(zoneShown(time) ? restrictions : `${restrictions} (${time.timeZone})`);
  if (options.businessHoursOnly) parts.push('business hours');
  return parts.join(', ');
}

function zoneShown(time: QueryTime): boolean {
  return time.shift === 'wholeYesterday' || time.window.kind !== 'rolling';
}

function baseLabel(time: QueryTime): string {
  const zone = time.timeZone;
  if (time.shift === 'wholeYesterday') return `Yesterday, whole day from ${time.dayReset}, ${zone}`;
  const suffix = time.shift === 'sameTimeYesterday' ? ' (same time yesterday)' : '';
  const window = time.window;
  switch (window.kind) {
    case 'today':
      return `Today since ${time.dayReset}${suffix}, ${zone}`;
    case 'rolling':
      return `Last ${describeMinutes(window.minutes)}${suffix}`;
    case 'yesterdayToNow':
      return `Since yesterday ${time.dayReset}${suffix}, ${zone}`;
    case 'thisWeek':
      return `This week since Monday ${time.dayReset}${suffix}, ${zone}`;
    case 'custom':
      return `${describeCustom(window.from, window.to, zone)}${suffix}, ${zone}`;
  }
}

function describeMinutes(minutes: number): string {
  const plural = (n: number, unit: string) => `${n === 1 ? '' : `${n} `}${unit}${n === 1 ? '' : 's'}`;
  if (minutes % 1440 === 0) return plural(minutes / 1440, 'day');
  if (minutes % 60 === 0) return plural(minutes / 60, 'hour');
  return plural(minutes, 'minute');
}

function describeCustom(fromText: string, toText: string | null, zone: string): string {
  const from = DateTime.fromISO(fromText, { zone });
  const to = toText === null ? null : DateTime.fromISO(toText, { zone });
  const withYear = to !== null && to.year !== from.year;
  const format = withYear ? 'd LLL yyyy HH:mm' : 'd LLL HH:mm';
  const show = (at: DateTime) => at.setLocale('en-GB').toFormat(format);
  return `${show(from)} – ${to === null ? 'now' : show(to)}`;
}

/** "Mon–Fri 09:00–17:00": the days and hours a query is restricted to, or '' when it is not. */
function describeRestrictions(time: QueryTime): string {
  const days = time.includeDays?.length ? describeDays(time.includeDays) : '';
  const hours = (time.includeHours ?? []).map((range) => `${range.from}–${range.to}`).join(', ');
  return [days, hours].filter(Boolean).join(' ');
}

const MONDAY_FIRST = [...DAYS_OF_WEEK.slice(1), DAYS_OF_WEEK[0]] as readonly string[];

function describeDays(days: readonly string[]): string {
  const indexes = [...new Set(days.map((day) => MONDAY_FIRST.indexOf(day)).filter((i) => i >= 0))];
  indexes.sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const index of indexes) {
    const run = runs.at(-1);
    if (run && run.at(-1) === index - 1) run.push(index);
    else runs.push([index]);
  }
  const short = (index: number) => (MONDAY_FIRST[index] ?? '').slice(0, 3);
  return runs
    .map((run) => {
      const first = run[0] ?? 0;
      const last = run.at(-1) ?? first;
      if (run.length >= 3) return `${short(first)}–${short(last)}`;
      return run.map(short).join(', ');
    })
    .join(', ');
}
