import { DateTime } from 'luxon';
import type { LiveCall } from '../live/script';
import type { AgentSchedule } from '../live/schedule';
import { centreSetup, type CentreSetup } from '../synthetic/day';
import { simulateDay } from '../synthetic/simulate-day';
import type { CallStore } from './call-store';
import type { CompiledCall } from './calls';
import type { Directory } from './directory';

/**
 * A live synthetic contact centre. Each local day is simulated on its own from (seed, date): calls
 * arrive per queue by an hour-of-day profile, pass an IVR, wait for the earliest free agent on shift,
 * and are answered, abandoned (caller patience), sent to voicemail (overflow, after hours) or
 * transferred; agents also place outbound and internal calls (emulator/synthetic/). A call becomes
 * visible in the analytics once it has ended, as in the real (historical) API; until then it is live:
 * yesterday and today also get live scripts and agent schedules, which the live model plays on the
 * data clock (emulator/live/). Same seed, same calls.
 */

export interface SyntheticOptions {
  seed: number;
  /** Whole days before today to fill in at start. */
  historyDays: number;
  /** Arrival multiplier; each agent then works this many calls at once. */
  volume: number;
  /**
   * Open seven days a week, Saturday and Sunday working like a weekday (the embedded demo: whoever
   * opens it on a Sunday sees a working centre). Off by default: quiet Saturdays, closed Sundays.
   */
  openEveryDay?: boolean;
}

/** What the live model has not seen yet, or everything it needs to start over. */
export interface LiveBatch {
  readonly calls: LiveCall[];
  readonly schedules: AgentSchedule[];
}

interface Pending {
  readonly end: number;
  readonly call: CompiledCall;
  readonly live: LiveCall | undefined;
}

/** Days back from today that get live scripts: calls from late yesterday can still be running. */
const LIVE_DAYS = 1;

export class SyntheticCallCenter {
  private readonly setup: CentreSetup;
  private simulatedThrough: DateTime | null = null;
  /** Generated calls not yet ended, ordered by end time. */
  private pending: Pending[] = [];
  private fresh: { calls: LiveCall[]; schedules: AgentSchedule[] } = { calls: [], schedules: [] };
  /** The schedules of the latest simulated days (at most LIVE_DAYS + 1). */
  private recentSchedules: AgentSchedule[][] = [];

  constructor(
    directory: Directory,
    private readonly options: SyntheticOptions,
  ) {
    this.setup = centreSetup(directory, options.volume);
  }

  /** Simulate every day up to `now` and move the calls that have ended into the store. */
  advanceTo(now: number, store: CallStore): void {
    const today = DateTime.fromMillis(now, { zone: this.setup.zone }).startOf('day');
    let day = this.simulatedThrough
      ? this.simulatedThrough.plus({ days: 1 })
      : today.minus({ days: this.options.historyDays });
    const liveFrom = today.minus({ days: LIVE_DAYS });
    while (day <= today) {
      this.addDay(day, day >= liveFrom);
      this.simulatedThrough = day;
      day = day.plus({ days: 1 });
      this.pending.sort((a, b) => a.end - b.end);
    }
    let ended = 0;
    while (ended < this.pending.length && this.pending[ended]!.end <= now) ended++;
    if (ended > 0) store.add(this.pending.splice(0, ended).map((entry) => entry.call));
  }

  /** Calls of one local day, independent of every other day. */
  simulateDay(dayStart: DateTime): CompiledCall[] {
    return simulateDay(this.setup, this.dayOptions(), dayStart, false).calls;
  }

  /** Live scripts and schedules produced since the last call (the live model takes them as they come). */
  takeNewLive(): LiveBatch {
    const batch = this.fresh;
    this.fresh = { calls: [], schedules: [] };
    return batch;
  }

  /** Every script of a call that has not ended and the latest schedules: for a live model starting over. */
  currentLive(): LiveBatch {
    return {
      calls: this.pending.flatMap((entry) => (entry.live ? [entry.live] : [])),
      schedules: this.recentSchedules.flat(),
    };
  }

  private addDay(day: DateTime, withLive: boolean): void {
    const simulated = simulateDay(this.setup, this.dayOptions(), day, withLive);
    const scripts = new Map((simulated.live ?? []).map((live) => [live.callId, live]));
    for (const call of simulated.calls) {
      this.pending.push({ end: call.start + call.duration * 1000, call, live: scripts.get(call.id) });
    }
    if (!simulated.live || !simulated.schedules) return;
    this.fresh.calls.push(...simulated.live);
    this.fresh.schedules.push(...simulated.schedules);
    this.recentSchedules = [...this.recentSchedules, simulated.schedules].slice(-(LIVE_DAYS + 1));
  }

  private dayOptions() {
    return { seed: this.options.seed, openEveryDay: this.options.openEveryDay === true };
  }
}

export const DEFAULT_SYNTHETIC: SyntheticOptions = { seed: 42, historyDays: 14, volume: 1 };
export const DAY_MS = 86_400_000;
