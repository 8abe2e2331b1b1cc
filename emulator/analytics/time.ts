import { DateTime, IANAZone } from 'luxon';
import { parseHhMm } from '../../contract/api-request';
import type { Interval } from './vocabulary';

/**
 * Time-zone arithmetic for the engine. Calls are stored as UTC instants; `includeDays`, `includeHours`
 * and timeline buckets are evaluated in the request's zone. Per-call work must be cheap (a million
 * calls in well under a second), so zone offsets are looked up in a cache of 15-minute UTC slots —
 * every modern zone changes offset only on such a boundary.
 */

const SLOT_MS = 15 * 60_000;
const DAY_MS = 86_400_000;
const MAX_CACHED_SLOTS = 500_000;

export class ZoneClock {
  private readonly zone: IANAZone;
  private readonly offsets = new Map<number, number>();

  constructor(readonly name: string) {
    this.zone = IANAZone.create(name);
    if (!this.zone.isValid) throw new Error(`Unknown time zone ${name}`);
  }

  /** Offset from UTC in minutes at instant `time`. */
  offsetMinutes(time: number): number {
    const slot = Math.floor(time / SLOT_MS);
    let offset = this.offsets.get(slot);
    if (offset === undefined) {
      if (this.offsets.size > MAX_CACHED_SLOTS) this.offsets.clear();
      offset = this.zone.offset(slot * SLOT_MS);
      this.offsets.set(slot, offset);
    }
    return offset;
  }

  /** Wall-clock milliseconds since the epoch, as if local time were UTC. */
  local(time: number): number {
    return time + this.offsetMinutes(time) * 60_000;
  }

  /** 0 = Sunday … 6 = Saturday, in this zone. */
  weekday(time: number): number {
    const days = Math.floor(this.local(time) / DAY_MS);
    return (((days + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  }

  /** Whole minutes since local midnight, 0…1439. */
  minuteOfDay(time: number): number {
    const minutes = Math.floor(this.local(time) / 60_000);
    return ((minutes % 1440) + 1440) % 1440;
  }
}

const clocks = new Map<string, ZoneClock>();

export function zoneClock(zone: string): ZoneClock {
  let clock = clocks.get(zone);
  if (!clock) {
    clock = new ZoneClock(zone);
    clocks.set(zone, clock);
  }
  return clock;
}

/** An inclusive range of local minutes; `from > to` wraps past midnight. */
export interface MinuteRange {
  readonly from: number;
  readonly to: number;
}

export { parseHhMm };

export function minuteInRange(minute: number, range: MinuteRange): boolean {
  return range.from <= range.to
    ? minute >= range.from && minute <= range.to
    : minute >= range.from || minute <= range.to;
}

/** The request's time settings, resolved: which instants count. */
export interface TimeWindow {
  readonly zone: string;
  readonly from: number;
  readonly to: number;
  /** Weekdays to include (0 = Sunday), or null for every day. */
  readonly includeDays: ReadonlySet<number> | null;
  /** Local minute ranges to include, or null for the whole day. */
  readonly includeHours: readonly MinuteRange[] | null;
}

/** Whether an instant inside [from, to] passes includeDays / includeHours. */
export function makeLocalTimeFilter(window: TimeWindow): ((time: number) => boolean) | null {
  const { includeDays, includeHours } = window;
  if (!includeDays && !includeHours) return null;
  const clock = zoneClock(window.zone);
  return (time) => {
    if (includeDays && !includeDays.has(clock.weekday(time))) return false;
    if (includeHours) {
      const minute = clock.minuteOfDay(time);
      return includeHours.some((range) => minuteInRange(minute, range));
    }
    return true;
  };
}

const UNITS = { Hour: 'hour', Day: 'day', Week: 'week', Month: 'month' } as const;

/** Buckets overlapping a time range: their starts, and where the last one ends. */
export interface Buckets {
  readonly starts: readonly number[];
  readonly end: number;
}

/**
 * The buckets that overlap [from, to], as UTC instants. Hours step in absolute time (so a repeated
 * autumn hour is two buckets); days, weeks (from Monday) and months follow the local calendar.
 */
export function bucketsOf(zone: string, interval: Interval, from: number, to: number): Buckets {
  const unit = UNITS[interval];
  const starts: number[] = [];
  let cursor = DateTime.fromMillis(from, { zone }).startOf(unit);
  while (cursor.toMillis() <= to) {
    starts.push(cursor.toMillis());
    cursor = cursor.plus({ [unit]: 1 });
  }
  return { starts, end: cursor.toMillis() };
}

/** Index of the bucket containing `time`: the last start ≤ time. */
export function bucketIndex(starts: readonly number[], time: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= time) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Whether a bucket contains any included time: a bucket wholly outside includeDays / includeHours
 * (a Sunday when only weekdays count) takes no part in Min, Max and Average over intervals.
 */
export function bucketIncluded(window: TimeWindow, start: number, end: number): boolean {
  if (!window.includeDays && !window.includeHours) return true;
  const clock = zoneClock(window.zone);
  for (let hour = start; hour < end; hour += 3_600_000) {
    if (window.includeDays && !window.includeDays.has(clock.weekday(hour))) continue;
    if (!window.includeHours) return true;
    const first = clock.minuteOfDay(hour);
    for (const range of window.includeHours) {
      for (let minute = first; minute < first + 60; minute += 1) {
        if (minuteInRange(minute % 1440, range)) return true;
      }
    }
  }
  return false;
}
