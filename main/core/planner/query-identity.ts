import { createHash } from 'node:crypto';
import type { CallFilters, Grouping } from '../../../contract/api-request';
import { DAYS_OF_WEEK, type Interval } from '../../../contract/api-vocabulary';
import type { Board, TileGrouping, TileQuery, TimeWindow } from '../../../contract/board';
import { stableStringify } from './call-filters';
import type { QueryTime, TimeShift } from './plan';

/**
 * What makes two tiles' requests the same request: endpoint, interval, grouping, filters and time
 * settings, each in canonical form. A board's zone and day reset count only where the window depends
 * on them, so tiles of boards that differ only there still share a request.
 */

export interface QueryShape {
  readonly endpoint: 'aggregate' | 'timeline';
  readonly interval: Interval | null;
  readonly grouping: Grouping;
  readonly callFilters: CallFilters | null;
  /** Canonical time settings, in the zone of the board that asked. */
  readonly time: QueryTime;
}

/** The API's grouping for a tile's: keys sorted and without repeats; no keys means every key. */
export function apiGrouping(grouping: TileGrouping): Grouping {
  const keys = [...new Set(grouping.keys ?? [])].sort();
  const scope =
    grouping.kind === 'groupBy' ? { groupBy: grouping.groupBy } : { groupByMembers: grouping.groupByMembers };
  return keys.length > 0 ? { ...scope, keys } : scope;
}

/** A tile's time settings as configured (board zone and day reset), e.g. for its window label. */
export function queryTimeOf(
  board: Pick<Board, 'timeZone' | 'dayReset'>,
  query: Pick<TileQuery, 'window' | 'includeDays' | 'includeHours'>,
  shift: TimeShift = 'none',
): QueryTime {
  return {
    window: query.window,
    timeZone: board.timeZone,
    dayReset: board.dayReset,
    shift,
    ...(query.includeDays ? { includeDays: query.includeDays } : {}),
    ...(query.includeHours ? { includeHours: query.includeHours } : {}),
  };
}

/** Whether the window's start depends on the day reset (and so also on the zone). */
function usesDayReset(time: QueryTime): boolean {
  const kind = time.window.kind;
  return (
    kind === 'today' || kind === 'yesterdayToNow' || kind === 'thisWeek' || time.shift === 'wholeYesterday'
  );
}

/**
 * Whether the zone changes the answer whatever metrics are asked for: day-based windows, calendar-day
 * shifts, day/hour restrictions and timeline buckets. Otherwise only per-interval aggregations need it.
 */
export function zoneMatters(shape: QueryShape): boolean {
  const { time } = shape;
  return (
    usesDayReset(time) ||
    time.shift !== 'none' ||
    (time.includeDays?.length ?? 0) > 0 ||
    (time.includeHours?.length ?? 0) > 0 ||
    shape.endpoint === 'timeline'
  );
}

/** Time settings in canonical form: sets sorted, instants in UTC, an irrelevant day reset at 00:00. */
export function normaliseTime(time: QueryTime): QueryTime {
  const days = [...new Set(time.includeDays ?? [])].sort(
    (a, b) => DAYS_OF_WEEK.indexOf(a as never) - DAYS_OF_WEEK.indexOf(b as never),
  );
  const hoursByText = new Map(
    (time.includeHours ?? []).map((h) => [`${h.from}-${h.to}`, { from: h.from, to: h.to }]),
  );
  const hours = [...hoursByText.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, h]) => h);
  return {
    window: normaliseWindow(time.window),
    timeZone: time.timeZone,
    dayReset: usesDayReset(time) ? time.dayReset : '00:00',
    shift: time.shift,
    ...(days.length > 0 ? { includeDays: days } : {}),
    ...(hours.length > 0 ? { includeHours: hours } : {}),
  };
}

function normaliseWindow(window: TimeWindow): TimeWindow {
  if (window.kind === 'rolling') return { kind: 'rolling', minutes: window.minutes };
  if (window.kind !== 'custom') return { kind: window.kind };
  const utc = (text: string) => new Date(text).toISOString();
  return { kind: 'custom', from: utc(window.from), to: window.to === null ? null : utc(window.to) };
}

/** The identity of a request; `zone` null when the zone does not matter for this shape. */
export function identityKey(shape: QueryShape, zone: string | null): string {
  const { timeZone: _ignored, ...time } = shape.time;
  return stableStringify({
    endpoint: shape.endpoint,
    interval: shape.interval,
    grouping: shape.grouping,
    callFilters: shape.callFilters,
    time: { ...time, zone },
  });
}

/** A short stable id: the same request shape gets the same id on every run and every machine. */
export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}
