import type { LiveBatch } from '../data/synthetic';
import type { Directory } from '../data/directory';
import type { LiveEvent, LiveListener } from './events';
import {
  activityOf,
  basicSignature,
  detailedSignature,
  presenceOf,
  type ActiveParty,
  type AgentActivity,
  type PresenceState,
} from './presence';
import { availabilityAt, type Availability, type AvailabilitySpan } from './schedule';
import { ENDED_CODES, type LiveCall, type LiveParty, type PartyStep } from './script';
import { Timeline, type TimelineItem } from './timeline';

/**
 * The live state of the contact centre at the data clock's "now", and the events that lead to it:
 * the scripts and schedules are played in time order; each instant updates the calls' parties, then
 * the presence of every agent it touched. The same processing answers the control plane's live view,
 * the presence endpoints and the WebSocket notifications, so they always agree with each other.
 *
 * Time only moves forward. A jump of more than an hour of data time is played silently (no events:
 * nobody could act on hours of them), and so is the first catch-up at start; moving the clock back
 * starts over from what the source still holds (the calls not yet ended).
 */

export interface AgentLive {
  readonly presence: PresenceState;
  readonly activity: AgentActivity;
  /** Data-clock instant the current activity began (at the earliest, when the model started). */
  readonly since: number;
  /** Presence sequence: increases with every presence change of this extension. */
  readonly sequence: number;
}

export interface WaitingCaller {
  readonly call: LiveCall;
  readonly party: LiveParty;
  readonly since: number;
  /** Agents whose phones ring for this caller now. */
  readonly ringing: readonly string[];
}

export interface LiveModelOptions {
  directory: () => Directory;
  /** Availability outside every schedule: offline for the synthetic centre, available with file data. */
  fallback: Availability;
  /** Everything still to come, for starting over after the clock went back. */
  restart?: () => LiveBatch;
  log?: (line: string) => void;
}

interface AgentRecord extends AgentLive {
  readonly detailed: string;
  readonly basic: string;
}

const MAX_CATCH_UP_MS = 3_600_000;
const SCHEDULE_KEEP_MS = 86_400_000;

export class LiveModel {
  private readonly timeline = new Timeline();
  private readonly calls = new Map<string, { call: LiveCall; steps: Array<PartyStep | undefined> }>();
  private readonly parties = new Map<string, Map<string, ActiveParty>>();
  private readonly spans = new Map<string, AvailabilitySpan[]>();
  private readonly agents = new Map<string, AgentRecord>();
  private readonly listeners = new Set<LiveListener>();
  private processedThrough: number | null = null;
  private silentThrough = -Infinity;

  constructor(private readonly options: LiveModelOptions) {}

  onEvent(listener: LiveListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** New scripts and schedules; only what happens after the instant already played is kept. */
  ingest(batch: LiveBatch): void {
    const after = this.processedThrough ?? -Infinity;
    for (const schedule of batch.schedules) {
      const kept = (this.spans.get(schedule.agentId) ?? []).filter((s) => s.to > after - SCHEDULE_KEEP_MS);
      this.spans.set(schedule.agentId, [...kept, ...schedule.spans]);
    }
    this.timeline.add(batch.calls, batch.schedules, after);
  }

  advanceTo(now: number): void {
    if (this.processedThrough !== null && now < this.processedThrough) {
      this.startOver(now);
      return;
    }
    if (this.processedThrough === null) this.begin(now);
    if (this.processedThrough === null || now - this.processedThrough > MAX_CATCH_UP_MS) {
      this.silentThrough = now;
    }
    for (let group = this.timeline.takeInstant(now); group; group = this.timeline.takeInstant(now)) {
      this.apply(group);
    }
    this.processedThrough = now;
  }

  /** The instant the state describes (the latest `advanceTo`), or null before the first. */
  get now(): number | null {
    return this.processedThrough;
  }

  /** A User extension's live state; null for any other extension. */
  agent(extensionId: string): AgentLive | null {
    const ext = this.options.directory().get(extensionId);
    if (!ext || ext.type !== 'User') return null;
    return this.agents.get(extensionId) ?? this.initialRecord(extensionId, this.processedThrough ?? 0);
  }

  /** Callers waiting in `queueId` now (its party is Proceeding), longest waiting first. */
  waiting(queueId: string): WaitingCaller[] {
    const found: WaitingCaller[] = [];
    for (const { call, steps } of this.calls.values()) {
      call.parties.forEach((party, i) => {
        const step = steps[i];
        if (party.role !== 'queue' || party.extensionId !== queueId || step?.code !== 'Proceeding') return;
        const ringing = call.parties
          .filter((p, j) => p.role === 'agent' && steps[j]?.code === 'Proceeding')
          .map((p) => p.extensionId);
        found.push({ call, party, since: step.at, ringing });
      });
    }
    return found.sort((a, b) => a.since - b.since);
  }

  /** Calls with at least one party still in them. */
  activeCallCount(): number {
    return this.calls.size;
  }

  private begin(now: number): void {
    const start = Math.min(this.timeline.firstAt() ?? now, now);
    for (const user of this.options.directory().ofType('User')) {
      this.agents.set(user.id, this.initialRecord(user.id, start));
    }
  }

  private startOver(now: number): void {
    this.timeline.clear();
    this.calls.clear();
    this.parties.clear();
    this.spans.clear();
    this.agents.clear();
    this.processedThrough = null;
    if (this.options.restart) this.ingest(this.options.restart());
    this.advanceTo(now);
  }

  private apply(group: TimelineItem[]): void {
    const at = group[0]!.at;
    const emit = at > this.silentThrough;
    const touched = new Set<string>();
    for (const item of group) {
      if (item.kind === 'schedule') {
        touched.add(item.agentId);
        continue;
      }
      const { call, event } = item;
      const entry = this.calls.get(call.telephonySessionId) ?? { call, steps: [] };
      this.calls.set(call.telephonySessionId, entry);
      for (const change of event.changes) {
        entry.steps[change.party] = change.step;
        const party = call.parties[change.party]!;
        this.track(call, party, change.step);
        if (party.role === 'agent' || party.role === 'user') touched.add(party.extensionId);
      }
      if (emit) this.announce({ kind: 'telephony', at, call, event });
      if (event === call.events[call.events.length - 1]) this.calls.delete(call.telephonySessionId);
    }
    for (const extensionId of touched) this.refreshAgent(extensionId, at, emit);
  }

  private track(call: LiveCall, party: LiveParty, step: PartyStep): void {
    const mine = this.parties.get(party.extensionId) ?? new Map<string, ActiveParty>();
    this.parties.set(party.extensionId, mine);
    if (ENDED_CODES.has(step.code)) mine.delete(party.id);
    else mine.set(party.id, { call, party, step, joinedAt: party.steps[0]?.at ?? step.at });
  }

  private refreshAgent(extensionId: string, at: number, emit: boolean): void {
    const ext = this.options.directory().get(extensionId);
    if (!ext || ext.type !== 'User') return;
    const before = this.agents.get(extensionId) ?? this.initialRecord(extensionId, at);
    const presence = this.presenceAt(extensionId, at);
    const detailed = detailedSignature(presence);
    if (detailed === before.detailed && this.agents.has(extensionId)) return;
    const activity = activityOf(presence);
    const basic = basicSignature(presence);
    const sequence = before.sequence + 1;
    const since = activity === before.activity ? before.since : at;
    this.agents.set(extensionId, { presence, detailed, basic, activity, since, sequence });
    if (!emit) return;
    this.announce({
      kind: 'presence',
      at,
      extensionId,
      presence,
      sequence,
      basicChanged: basic !== before.basic,
    });
    if (presence.acceptCurrentQueueCalls === before.presence.acceptCurrentQueueCalls) return;
    for (const queueId of ext.queues) {
      const acceptCalls = presence.acceptCurrentQueueCalls;
      this.announce({ kind: 'queuePresence', at, queueId, extensionId, acceptCalls });
    }
  }

  private presenceAt(extensionId: string, at: number): PresenceState {
    const availability = availabilityAt(this.spans.get(extensionId) ?? [], at, this.options.fallback);
    return presenceOf(availability, [...(this.parties.get(extensionId)?.values() ?? [])]);
  }

  private initialRecord(extensionId: string, at: number): AgentRecord {
    const presence = this.presenceAt(extensionId, at);
    return {
      presence,
      detailed: detailedSignature(presence),
      basic: basicSignature(presence),
      activity: activityOf(presence),
      since: at,
      sequence: 0,
    };
  }

  private announce(event: LiveEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.options.log?.(`emulator: a live event listener failed: ${String(error)}`);
      }
    }
  }
}
