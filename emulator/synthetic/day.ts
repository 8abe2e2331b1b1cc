import type { DateTime } from 'luxon';
import { zoneClock } from '../analytics/time';
import type { Directory, Extension } from '../data/directory';
import type { Random } from '../data/random';
import type { LiveCall } from '../live/script';
import { isOpenMinute, onDuty, type Shift } from './calendar';
import type { SyntheticCall } from './views';

/**
 * What one simulated day works with: the centre's fixed set-up (queues, agents, IVR, zone), the
 * day's RNG, the agents' lines and shifts, and what the day produces (analytics calls and, for
 * recent days, their live scripts).
 */

export interface QueueProfile {
  readonly queue: Extension;
  readonly calledNumber: string | undefined;
  readonly peakPerHour: number;
  readonly talkMean: number;
  readonly slaSeconds: number;
  readonly agents: readonly Extension[];
}

export interface CentreSetup {
  readonly directory: Directory;
  readonly profiles: readonly QueueProfile[];
  readonly users: readonly Extension[];
  readonly ivr: Extension | undefined;
  readonly zone: string;
  readonly volume: number;
}

export interface Seat {
  busyUntil: number;
}

export interface AgentState extends Shift {
  readonly agent: Extension;
  readonly seats: Seat[];
}

export interface DayContext {
  readonly setup: CentreSetup;
  readonly rng: Random;
  /** The weekday (0 = Sunday) whose pattern the day follows: volume, opening hours and shifts. */
  readonly weekday: number;
  readonly dayStart: DateTime;
  readonly agents: Map<string, AgentState>;
  readonly calls: SyntheticCall[];
  /** Live scripts of the day's calls; null when the day is only history (no one watches it live). */
  readonly live: LiveCall[] | null;
  nextId: number;
}

const DEMO_PROFILES: Record<string, { peak: number; talk: number; number: number }> = {
  '3001': { peak: 30, talk: 250, number: 1 },
  '3002': { peak: 40, talk: 310, number: 2 },
  '3003': { peak: 20, talk: 240, number: 0 },
  '3004': { peak: 14, talk: 400, number: 0 },
};

/** Every `Department` is a queue: the demo's four have their own rates, others a base of 12 an hour. */
export function centreSetup(directory: Directory, volume: number): CentreSetup {
  const profiles = directory.ofType('Department').map((queue, i) => {
    const demo = DEMO_PROFILES[queue.id];
    const numbers = directory.companyNumbers;
    return {
      queue,
      calledNumber: numbers.length ? numbers[(demo?.number ?? i) % numbers.length] : undefined,
      peakPerHour: (demo?.peak ?? 12) * volume,
      talkMean: demo?.talk ?? 280,
      slaSeconds: queue.slaThresholdSeconds ?? 30,
      agents: directory.queueMembers(queue.id).filter((ext) => ext.type === 'User'),
    };
  });
  return {
    directory,
    profiles,
    users: directory.ofType('User'),
    ivr: directory.ofType('IvrMenu')[0],
    zone: directory.account.timeZone,
    volume,
  };
}

/** Wall-clock minutes since local midnight (right on daylight-saving change days too). */
export function minuteOfDay(ctx: DayContext, time: number): number {
  return zoneClock(ctx.setup.zone).minuteOfDay(time);
}

export function isOpen(ctx: DayContext, time: number): boolean {
  return isOpenMinute(ctx.weekday, minuteOfDay(ctx, time));
}

export function nextCallId(ctx: DayContext): string {
  return `syn-${ctx.dayStart.toISODate()}-${String(ctx.nextId++).padStart(5, '0')}`;
}

/** The seat of an on-duty agent that frees up first. */
export function earliestSeat(
  ctx: DayContext,
  agents: readonly Extension[],
  time: number,
  exclude?: string,
): { state: AgentState; seat: Seat } | null {
  let best: { state: AgentState; seat: Seat } | null = null;
  const minute = minuteOfDay(ctx, time);
  for (const agent of agents) {
    if (agent.id === exclude) continue;
    const state = ctx.agents.get(agent.id);
    if (!state || !onDuty(state, minute)) continue;
    for (const seat of state.seats) {
      if (!best || seat.busyUntil < best.seat.busyUntil) best = { state, seat };
    }
  }
  return best;
}
