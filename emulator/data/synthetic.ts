import { DateTime } from 'luxon';
import { zoneClock } from '../analytics/time';
import type { CallStore } from './call-store';
import { compileCall, type Call, type CallView, type CompiledCall } from './calls';
import type { Directory, Extension } from './directory';
import { Random, deriveSeed } from './random';

/**
 * A live synthetic contact centre. Each local day is simulated on its own from (seed, date): calls
 * arrive per queue by an hour-of-day profile, pass an IVR, wait for the earliest free agent on shift,
 * and are answered, abandoned (caller patience), sent to voicemail (overflow, after hours) or
 * transferred; agents also place outbound and internal calls. A call becomes visible once it has
 * ended, as in the real (historical) API. Same seed, same calls.
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

interface QueueProfile {
  readonly queue: Extension;
  readonly calledNumber: string | undefined;
  readonly peakPerHour: number;
  readonly talkMean: number;
  readonly slaSeconds: number;
  readonly agents: readonly Extension[];
}

interface Seat {
  busyUntil: number;
}

interface AgentState {
  readonly agent: Extension;
  readonly seats: Seat[];
  readonly shift: readonly [number, number];
  /** Lunch and short breaks: [from, to) in minutes since local midnight. */
  readonly breaks: ReadonlyArray<readonly [number, number]>;
}

interface DayContext {
  readonly rng: Random;
  /** The weekday (0 = Sunday) whose pattern the day follows: volume, opening hours and shifts. */
  readonly weekday: number;
  readonly dayStart: DateTime;
  readonly agents: Map<string, AgentState>;
  readonly calls: Call[];
  nextId: number;
}

const HOUR_PROFILE = [
  0.02, 0.01, 0.01, 0.01, 0.01, 0.03, 0.08, 0.25, 0.6, 1.0, 1.15, 1.1, 0.85, 0.9, 1.05, 1.0, 0.85, 0.55, 0.3,
  0.15, 0.1, 0.06, 0.04, 0.03,
];
/** The weekday a weekend day follows when the centre opens every day: one in mid-week. */
const WEEKDAY_PATTERN = 3;
/** Sunday … Saturday. */
const DAY_FACTOR = [0.08, 1.1, 1.0, 0.95, 0.95, 0.9, 0.35];
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
const DEMO_PROFILES: Record<string, { peak: number; talk: number; number: number }> = {
  '3001': { peak: 30, talk: 250, number: 1 },
  '3002': { peak: 40, talk: 310, number: 2 },
  '3003': { peak: 20, talk: 240, number: 0 },
  '3004': { peak: 14, talk: 400, number: 0 },
};
const MAX_QUEUE_WAIT = 480;
const DAY_MS = 86_400_000;

export class SyntheticCallCenter {
  private readonly profiles: QueueProfile[];
  private readonly users: Extension[];
  private readonly ivr: Extension | undefined;
  private readonly zone: string;
  private simulatedThrough: DateTime | null = null;
  /** Generated calls not yet ended, ordered by end time. */
  private pending: Array<{ end: number; call: CompiledCall }> = [];

  constructor(
    private readonly directory: Directory,
    private readonly options: SyntheticOptions,
  ) {
    this.zone = directory.account.timeZone;
    this.users = directory.ofType('User');
    this.ivr = directory.ofType('IvrMenu')[0];
    this.profiles = directory.ofType('Department').map((queue, i) => {
      const demo = DEMO_PROFILES[queue.id];
      const numbers = directory.companyNumbers;
      return {
        queue,
        calledNumber: numbers.length ? numbers[(demo?.number ?? i) % numbers.length] : undefined,
        peakPerHour: (demo?.peak ?? 12) * options.volume,
        talkMean: demo?.talk ?? 280,
        slaSeconds: queue.slaThresholdSeconds ?? 30,
        agents: directory.queueMembers(queue.id).filter((ext) => ext.type === 'User'),
      };
    });
  }

  /** Simulate every day up to `now` and move the calls that have ended into the store. */
  advanceTo(now: number, store: CallStore): void {
    const today = DateTime.fromMillis(now, { zone: this.zone }).startOf('day');
    let day = this.simulatedThrough
      ? this.simulatedThrough.plus({ days: 1 })
      : today.minus({ days: this.options.historyDays });
    while (day <= today) {
      for (const call of this.simulateDay(day)) {
        this.pending.push({ end: call.start + call.duration * 1000, call: call });
      }
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
    const date = dayStart.toISODate() ?? 'day';
    const ctx: DayContext = {
      rng: new Random(deriveSeed(this.options.seed, date)),
      weekday: this.patternOf(dayStart.weekday % 7),
      dayStart,
      agents: new Map(),
      calls: [],
      nextId: 0,
    };
    this.users.forEach((agent, i) => {
      const seats = Array.from({ length: Math.max(1, Math.round(this.options.volume)) }, () => ({
        busyUntil: 0,
      }));
      const shift: readonly [number, number] =
        ctx.weekday === 6 ? [540, 780] : i % 2 ? [570, 1080] : [480, 990];
      const lunch = ctx.rng.int(690, 810);
      const morning = ctx.rng.int(shift[0] + 90, shift[0] + 150);
      const afternoon = ctx.rng.int(shift[1] - 150, shift[1] - 90);
      const breaks: Array<readonly [number, number]> = [
        [lunch, lunch + ctx.rng.int(30, 45)],
        [morning, morning + 15],
        [afternoon, afternoon + 15],
      ];
      ctx.agents.set(agent.id, { agent, seats, shift, breaks });
    });
    const events = this.arrivals(ctx);
    events.sort((a, b) => a.time - b.time);
    for (const event of events) event.run();
    return ctx.calls.map(compileCall).sort((a, b) => a.start - b.start);
  }

  /** The weekday whose pattern `weekday` follows (itself, unless the centre opens every day). */
  private patternOf(weekday: number): number {
    const weekend = weekday === 0 || weekday === 6;
    return weekend && this.options.openEveryDay === true ? WEEKDAY_PATTERN : weekday;
  }

  private arrivals(ctx: DayContext): Array<{ time: number; run: () => void }> {
    const events: Array<{ time: number; run: () => void }> = [];
    const dayFactor = DAY_FACTOR[ctx.weekday]!;
    const nextDay = ctx.dayStart.plus({ days: 1 }).toMillis();
    for (let hour = ctx.dayStart; hour.toMillis() < nextDay; hour = hour.plus({ hours: 1 })) {
      const start = hour.toMillis();
      // Callers mostly know the opening hours: a closed hour gets a quarter of its usual calls.
      const weight = HOUR_PROFILE[hour.hour]! * dayFactor * (this.isOpen(ctx, start) ? 1 : 0.25);
      for (const profile of this.profiles) {
        for (const time of poissonTimes(ctx.rng, profile.peakPerHour * weight, start)) {
          events.push({ time, run: () => this.queueCall(ctx, profile, time) });
        }
      }
      if (!this.isOpen(ctx, start)) continue;
      for (const agent of this.users) {
        for (const time of poissonTimes(ctx.rng, 0.9 * weight, start)) {
          events.push({ time, run: () => this.outboundCall(ctx, agent, time) });
        }
      }
      for (const time of poissonTimes(ctx.rng, 0.15 * this.users.length * weight, start)) {
        events.push({ time, run: () => this.internalCall(ctx, time) });
      }
    }
    return events;
  }

  /** Wall-clock minutes since local midnight (right on daylight-saving change days too). */
  private minuteOfDay(_ctx: DayContext, time: number): number {
    return zoneClock(this.zone).minuteOfDay(time);
  }

  private isOpen(ctx: DayContext, time: number): boolean {
    const hours = BUSINESS_HOURS[ctx.weekday];
    const minute = this.minuteOfDay(ctx, time);
    return hours !== null && hours !== undefined && minute >= hours[0] && minute < hours[1];
  }

  /** The seat of an on-shift agent that frees up first. */
  private earliestSeat(ctx: DayContext, agents: readonly Extension[], time: number, exclude?: string) {
    let best: { state: AgentState; seat: Seat } | null = null;
    const minute = this.minuteOfDay(ctx, time);
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

  private queueCall(ctx: DayContext, profile: QueueProfile, time: number): void {
    const { rng } = ctx;
    const open = this.isOpen(ctx, time);
    const companyHours = open ? 'BusinessHours' : 'AfterHours';
    const ivr = rng.int(8, 24);
    const entry = time + ivr * 1000;
    const call = newCall(ctx, time, 'External', companyHours, profile.calledNumber);
    if (this.ivr)
      call.legs.push(leg(this.ivr.id, 'Inbound', 'Answered', 'Completed', 'Direct', ivr, { ivrPrompt: ivr }));
    const seat = open ? this.earliestSeat(ctx, profile.agents, entry) : null;
    const patience = rng.exponential(75) + 5;
    const wait = seat ? Math.max(0, (seat.seat.busyUntil - entry) / 1000) : Infinity;
    const ring = rng.int(3, 9);
    const queueLeg = (fields: Partial<CallView>) => ({
      ...view({ direction: 'Inbound', type: 'Direct', queueHours: companyHours, ...fields }),
      extensionId: profile.queue.id,
    });
    if (!open || (wait > MAX_QUEUE_WAIT && patience > MAX_QUEUE_WAIT)) {
      const waited = open ? MAX_QUEUE_WAIT : 0;
      const greeting = rng.int(6, 12);
      const message = rng.chance(0.7) ? rng.int(12, 80) : 0;
      const segments = { ringing: waited, vmGreeting: greeting, voicemail: message };
      const spent = waited + greeting + message;
      call.company = view({
        ...inboundMissed('Voicemail', spent + ivr),
        segments: { ivrPrompt: ivr, ...segments },
      });
      call.legs.push(
        queueLeg({
          ...inboundMissed('Voicemail', spent),
          segments,
          queueSla: waited > profile.slaSeconds ? 'OutSla' : undefined,
        }),
      );
      call.duration = ivr + spent;
    } else if (wait + ring > patience) {
      const waited = Math.round(patience);
      call.company = view({
        ...inboundMissed('Abandoned', waited + ivr),
        segments: { ivrPrompt: ivr, ringing: waited },
      });
      call.legs.push(
        queueLeg({
          ...inboundMissed('Abandoned', waited),
          segments: { ringing: waited },
          queueSla: waited > profile.slaSeconds ? 'OutSla' : undefined,
        }),
      );
      if (seat && patience > wait) {
        const rang = Math.round(patience - wait);
        call.legs.push({
          ...leg(seat.state.agent.id, 'Inbound', 'NotAnswered', 'Abandoned', 'FromQueue', rang, {
            ringing: rang,
          }),
          queueOpportunities: 1,
        });
      }
      call.duration = ivr + waited;
    } else {
      this.answer(ctx, profile, call, seat!, { ivr, entry, wait: Math.round(wait), ring, companyHours });
    }
    ctx.calls.push(call);
  }

  private answer(
    ctx: DayContext,
    profile: QueueProfile,
    call: Call,
    chosen: { state: AgentState; seat: Seat },
    t: {
      ivr: number;
      entry: number;
      wait: number;
      ring: number;
      companyHours: 'BusinessHours' | 'AfterHours';
    },
  ): void {
    const { rng } = ctx;
    let waited = t.wait;
    const other = profile.agents.filter((agent) => agent.id !== chosen.state.agent.id);
    if (other.length > 0 && rng.chance(0.08)) {
      const missed = rng.pick(other);
      const rang = rng.int(12, 20);
      waited += rang;
      call.legs.push({
        ...leg(missed.id, 'Inbound', 'NotAnswered', 'Missed', 'FromQueue', rang, { ringing: rang }),
        queueOpportunities: 1,
      });
    }
    const talk = Math.round(rng.logNormal(profile.talkMean));
    const hold = rng.chance(0.22) ? rng.int(15, 150) : 0;
    const transfer = rng.chance(0.06) ? rng.int(4, 15) : 0;
    const actions: Record<string, number> = hold ? { holdOn: 1, holdOff: 1 } : {};
    const answerWait = waited + t.ring;
    const ending = rng.chance(0.55) ? 'Caller' : 'Callee';
    const agentResult = transfer ? 'Transferred' : 'Completed';
    const agentActions = transfer ? { ...actions, blindTransfer: 1 } : actions;
    const agentSegments = { ringing: t.ring, liveTalk: talk, hold, transfer };
    call.legs.push({
      ...leg(
        chosen.state.agent.id,
        'Inbound',
        'Answered',
        agentResult,
        'FromQueue',
        t.ring + talk + hold + transfer,
        agentSegments,
      ),
      actions: agentActions,
      queueOpportunities: 1,
      endingParty: transfer ? 'Callee' : ending,
    });
    chosen.seat.busyUntil = t.entry + (answerWait + talk + hold + transfer + rng.int(10, 45)) * 1000;
    let extraTalk = 0;
    if (transfer) {
      const target = this.earliestSeat(ctx, this.users, chosen.seat.busyUntil, chosen.state.agent.id);
      if (target) {
        extraTalk = Math.round(rng.logNormal(180));
        call.legs.push({
          ...leg(target.state.agent.id, 'Inbound', 'Answered', 'Completed', 'Transferred', extraTalk + 4, {
            ringing: 4,
            liveTalk: extraTalk,
          }),
          endingParty: ending,
        });
        target.seat.busyUntil =
          Math.max(target.seat.busyUntil, chosen.seat.busyUntil) + (extraTalk + 30) * 1000;
      }
    }
    const queueSpent = answerWait + talk + hold + transfer;
    call.legs.push({
      ...view({
        direction: 'Inbound',
        response: 'Answered',
        result: agentResult,
        type: 'Direct',
        timeSpent: queueSpent,
        queueSla: answerWait <= profile.slaSeconds ? 'InSla' : 'OutSla',
        queueHours: t.companyHours,
        segments: { ringing: answerWait, liveTalk: talk, hold, transfer },
        actions: agentActions,
        endingParty: ending,
      }),
      extensionId: profile.queue.id,
    });
    call.duration = t.ivr + queueSpent + extraTalk;
    call.company = view({
      direction: 'Inbound',
      response: 'Answered',
      result: 'Completed',
      type: 'Direct',
      timeSpent: call.duration,
      segments: { ivrPrompt: t.ivr, ringing: answerWait, liveTalk: talk + extraTalk, hold, transfer },
      actions: agentActions,
      endingParty: ending,
    });
  }

  private outboundCall(ctx: DayContext, agent: Extension, time: number): void {
    const state = ctx.agents.get(agent.id);
    if (!state || !onDuty(state, this.minuteOfDay(ctx, time))) return;
    const seat = state.seats.find((s) => s.busyUntil <= time);
    if (!seat) return;
    const { rng } = ctx;
    const ring = rng.int(4, 22);
    const connected = rng.chance(0.68);
    const talk = connected ? Math.round(rng.logNormal(200)) : 0;
    const response = connected ? 'Connected' : 'NotConnected';
    const result = connected ? 'Completed' : 'Unknown';
    const segments = { setup: 1, ringing: ring, liveTalk: talk };
    const spent = 1 + ring + talk;
    const call = newCall(ctx, time, 'External', 'BusinessHours', undefined);
    call.company = view({
      direction: 'Outbound',
      response,
      result,
      type: 'Outbound',
      timeSpent: spent,
      segments,
    });
    call.legs.push(leg(agent.id, 'Outbound', response, result, 'Outbound', spent, segments));
    call.duration = spent;
    seat.busyUntil = time + (spent + rng.int(5, 30)) * 1000;
    ctx.calls.push(call);
  }

  private internalCall(ctx: DayContext, time: number): void {
    if (this.users.length < 2) return;
    const { rng } = ctx;
    const caller = rng.pick(this.users);
    const callee = rng.pick(this.users.filter((user) => user.id !== caller.id));
    const ring = rng.int(3, 15);
    const answered = rng.chance(0.8);
    const talk = answered ? Math.round(rng.logNormal(120)) : 0;
    const spent = ring + talk;
    const call = newCall(
      ctx,
      time,
      'Internal',
      this.isOpen(ctx, time) ? 'BusinessHours' : 'AfterHours',
      undefined,
    );
    call.company = view({
      response: answered ? 'Answered' : 'NotAnswered',
      result: answered ? 'Completed' : 'Missed',
      type: 'Direct',
      timeSpent: spent,
      segments: { ringing: ring, liveTalk: talk },
    });
    call.legs.push(
      leg(caller.id, 'Outbound', answered ? 'Connected' : 'NotConnected', 'Completed', 'Outbound', spent, {
        ringing: ring,
        liveTalk: talk,
      }),
      leg(
        callee.id,
        'Inbound',
        answered ? 'Answered' : 'NotAnswered',
        answered ? 'Completed' : 'Missed',
        'Direct',
        spent,
        {
          ringing: ring,
          liveTalk: talk,
        },
      ),
    );
    call.duration = spent;
    ctx.calls.push(call);
  }
}

function onDuty(state: AgentState, minute: number): boolean {
  if (minute < state.shift[0] || minute >= state.shift[1]) return false;
  return !state.breaks.some(([from, to]) => minute >= from && minute < to);
}

/** Arrival instants of a Poisson process with `ratePerHour` over the hour starting at `start`. */
function poissonTimes(rng: Random, ratePerHour: number, start: number): number[] {
  const times: number[] = [];
  if (ratePerHour <= 0) return times;
  let t = start + rng.exponential(3_600_000 / ratePerHour);
  while (t < start + 3_600_000) {
    times.push(Math.floor(t));
    t += rng.exponential(3_600_000 / ratePerHour);
  }
  return times;
}

function view(fields: Partial<CallView>): CallView {
  return { timeSpent: 0, queueOpportunities: 0, segments: {}, actions: {}, ...dropZeros(fields) };
}

function dropZeros(fields: Partial<CallView>): Partial<CallView> {
  const segments = fields.segments
    ? Object.fromEntries(Object.entries(fields.segments).filter(([, seconds]) => seconds > 0))
    : undefined;
  return segments ? { ...fields, segments } : fields;
}

function leg(
  extensionId: string,
  direction: CallView['direction'],
  response: CallView['response'],
  result: CallView['result'],
  type: CallView['type'],
  timeSpent: number,
  segments: Record<string, number>,
): CallView & { extensionId: string } {
  return { ...view({ direction, response, result, type, timeSpent, segments }), extensionId };
}

function inboundMissed(result: CallView['result'], timeSpent: number): Partial<CallView> {
  return {
    direction: 'Inbound',
    response: 'NotAnswered',
    result,
    type: 'Direct',
    timeSpent,
    endingParty: 'Caller',
  };
}

function newCall(
  ctx: DayContext,
  time: number,
  origin: Call['origin'],
  companyHours: Call['companyHours'],
  calledNumber: string | undefined,
): Call & { legs: Array<CallView & { extensionId: string }> } {
  const date = ctx.dayStart.toISODate();
  return {
    id: `syn-${date}-${String(ctx.nextId++).padStart(5, '0')}`,
    startTime: new Date(time).toISOString(),
    duration: 0,
    origin,
    calledNumber,
    companyHours,
    company: view({}),
    legs: [],
  };
}

export const DEFAULT_SYNTHETIC: SyntheticOptions = { seed: 42, historyDays: 14, volume: 1 };
export { DAY_MS };
