/**
 * When an agent takes calls: spans of a day in which they are on duty (`available`) or on a break
 * (`away`); outside every span they are off shift (`offline`). The synthetic call centre writes one
 * schedule per agent per day from the same shifts and breaks it routes calls by.
 */

export type Availability = 'available' | 'away' | 'offline';

export interface AvailabilitySpan {
  readonly from: number;
  readonly to: number;
  readonly availability: 'available' | 'away';
}

export interface AgentSchedule {
  readonly agentId: string;
  readonly spans: readonly AvailabilitySpan[];
}

/** The availability at `time` given the spans (any order); `fallback` outside all of them. */
export function availabilityAt(
  spans: readonly AvailabilitySpan[],
  time: number,
  fallback: Availability = 'offline',
): Availability {
  for (const span of spans) if (span.from <= time && time < span.to) return span.availability;
  return fallback;
}

/**
 * Spans from per-minute availability: `at(minute)` for each minute of the day, `instant(minute)` the
 * absolute time that minute starts (the day's zone decides it, daylight-saving days included).
 */
export function spansFromMinutes(
  at: (minute: number) => Availability,
  instant: (minute: number) => number,
): AvailabilitySpan[] {
  const spans: AvailabilitySpan[] = [];
  let open: { from: number; availability: 'available' | 'away' } | null = null;
  for (let minute = 0; minute <= 1440; minute++) {
    const availability = minute < 1440 ? at(minute) : 'offline';
    if (open && open.availability === availability) continue;
    if (open) spans.push({ from: instant(open.from), to: instant(minute), availability: open.availability });
    open = availability === 'offline' ? null : { from: minute, availability };
  }
  return spans;
}

/** Every instant at which a schedule changes an agent's availability. */
export function scheduleInstants(schedule: AgentSchedule): number[] {
  return [...new Set(schedule.spans.flatMap((span) => [span.from, span.to]))].sort((a, b) => a - b);
}
