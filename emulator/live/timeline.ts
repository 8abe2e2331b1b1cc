import type { AgentSchedule } from './schedule';
import { scheduleInstants } from './schedule';
import type { LiveCall, LiveCallEvent } from './script';

/**
 * Everything that will happen, in order of data-clock time: telephony session events of every
 * script and the instants at which an agent's schedule changes. The live model takes each instant's
 * items together, so simultaneous changes produce one presence update.
 */

export type TimelineItem =
  | { readonly at: number; readonly kind: 'call'; readonly call: LiveCall; readonly event: LiveCallEvent }
  | { readonly at: number; readonly kind: 'schedule'; readonly agentId: string };

const COMPACT_AFTER = 4096;

export class Timeline {
  private items: TimelineItem[] = [];
  private cursor = 0;

  /** Adds the events of `calls` and the changes of `schedules` that happen after `after`. */
  add(calls: readonly LiveCall[], schedules: readonly AgentSchedule[], after: number): void {
    const added: TimelineItem[] = [];
    for (const call of calls) {
      if (call.end <= after) continue;
      for (const event of call.events) {
        if (event.at > after) added.push({ at: event.at, kind: 'call', call, event });
      }
    }
    for (const schedule of schedules) {
      for (const at of scheduleInstants(schedule)) {
        if (at > after) added.push({ at, kind: 'schedule', agentId: schedule.agentId });
      }
    }
    if (added.length === 0) return;
    // Stable sort: a call's events and same-instant items keep the order they were written in.
    this.items = [...this.items.slice(this.cursor), ...added].sort((a, b) => a.at - b.at);
    this.cursor = 0;
  }

  /** The items of the earliest instant not yet taken, if it is at or before `until`. */
  takeInstant(until: number): TimelineItem[] | null {
    const first = this.items[this.cursor];
    if (!first || first.at > until) return null;
    const group: TimelineItem[] = [];
    while (this.cursor < this.items.length && this.items[this.cursor]!.at === first.at) {
      group.push(this.items[this.cursor++]!);
    }
    if (this.cursor > COMPACT_AFTER) {
      this.items = this.items.slice(this.cursor);
      this.cursor = 0;
    }
    return group;
  }

  /** The instant of the earliest item not yet taken. */
  firstAt(): number | null {
    return this.items[this.cursor]?.at ?? null;
  }

  /** Items not yet taken. */
  get size(): number {
    return this.items.length - this.cursor;
  }

  clear(): void {
    this.items = [];
    this.cursor = 0;
  }
}
