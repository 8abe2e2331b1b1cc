import type { DateTime } from 'luxon';
import { compileCall, type CompiledCall } from '../data/calls';
import { Random, deriveSeed } from '../data/random';
import type { LiveCall } from '../live/script';
import { spansFromMinutes, type AgentSchedule } from '../live/schedule';
import { internalCall, outboundCall } from './agent-calls';
import {
  DAY_FACTOR,
  HOUR_PROFILE,
  onDuty,
  onShift,
  opensOn,
  patternOf,
  poissonTimes,
  shiftOf,
} from './calendar';
import { isOpen, type CentreSetup, type DayContext } from './day';
import { queueCall } from './queue-calls';

/**
 * One local day of the synthetic contact centre, independent of every other day: seeded by (seed,
 * date), so the same seed always gives the same calls. Optionally also the day's live side: each
 * call's script and each agent's schedule (on duty, on a break, off shift).
 */

export interface SimulatedDay {
  readonly calls: CompiledCall[];
  /** Present when asked for (`withLive`). */
  readonly live: LiveCall[] | null;
  readonly schedules: AgentSchedule[] | null;
}

export function simulateDay(
  setup: CentreSetup,
  options: { seed: number; openEveryDay: boolean },
  dayStart: DateTime,
  withLive: boolean,
): SimulatedDay {
  const date = dayStart.toISODate() ?? 'day';
  const ctx: DayContext = {
    setup,
    rng: new Random(deriveSeed(options.seed, date)),
    weekday: patternOf(dayStart.weekday % 7, options.openEveryDay),
    dayStart,
    agents: new Map(),
    calls: [],
    live: withLive ? [] : null,
    nextId: 0,
  };
  setup.users.forEach((agent, i) => {
    const seats = Array.from({ length: Math.max(1, Math.round(setup.volume)) }, () => ({ busyUntil: 0 }));
    ctx.agents.set(agent.id, { agent, seats, ...shiftOf(ctx.rng, ctx.weekday, i) });
  });
  const events = arrivals(ctx);
  events.sort((a, b) => a.time - b.time);
  for (const event of events) event.run();
  return {
    calls: ctx.calls.map(compileCall).sort((a, b) => a.start - b.start),
    live: ctx.live,
    schedules: withLive ? schedules(ctx) : null,
  };
}

function arrivals(ctx: DayContext): Array<{ time: number; run: () => void }> {
  const events: Array<{ time: number; run: () => void }> = [];
  const dayFactor = DAY_FACTOR[ctx.weekday]!;
  const nextDay = ctx.dayStart.plus({ days: 1 }).toMillis();
  const { profiles, users } = ctx.setup;
  for (let hour = ctx.dayStart; hour.toMillis() < nextDay; hour = hour.plus({ hours: 1 })) {
    const start = hour.toMillis();
    // Callers mostly know the opening hours: a closed hour gets a quarter of its usual calls.
    const weight = HOUR_PROFILE[hour.hour]! * dayFactor * (isOpen(ctx, start) ? 1 : 0.25);
    for (const profile of profiles) {
      for (const time of poissonTimes(ctx.rng, profile.peakPerHour * weight, start)) {
        events.push({ time, run: () => queueCall(ctx, profile, time) });
      }
    }
    if (!isOpen(ctx, start)) continue;
    for (const agent of users) {
      for (const time of poissonTimes(ctx.rng, 0.9 * weight, start)) {
        events.push({ time, run: () => outboundCall(ctx, agent, time) });
      }
    }
    for (const time of poissonTimes(ctx.rng, 0.15 * users.length * weight, start)) {
      events.push({ time, run: () => internalCall(ctx, time) });
    }
  }
  return events;
}

/**
 * Agents are on duty when the queues route calls to them (on shift, not on a break) and away on
 * their breaks; on a day the company stays closed nobody works.
 */
function schedules(ctx: DayContext): AgentSchedule[] {
  const open = opensOn(ctx.weekday);
  const instant = (minute: number) =>
    ctx.dayStart.set({ hour: Math.floor(minute / 60), minute: minute % 60 }).toMillis();
  return [...ctx.agents.values()].map((state) => ({
    agentId: state.agent.id,
    spans: open
      ? spansFromMinutes(
          (minute) => (onDuty(state, minute) ? 'available' : onShift(state, minute) ? 'away' : 'offline'),
          (minute) => (minute >= 1440 ? ctx.dayStart.plus({ days: 1 }).toMillis() : instant(minute)),
        )
      : [],
  }));
}
