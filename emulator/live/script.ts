import { createHash } from 'node:crypto';

/**
 * A simulated call as the telephony platform lives it: its parties (queue, agents, IVR) and each
 * party's status changes at exact data-clock instants. The synthetic call centre writes one script
 * per call from the same numbers it writes the analytics call from, so the live view (a call is live
 * from its start until its end) and the historical one (a call is in the analytics once it has
 * ended) describe the same calls. Events are grouped per instant and numbered, as RingCentral's
 * telephony session events are (`sequence` per session).
 */

/** The party status codes the simulation produces (CallStatusInfo.code in the OpenAPI spec). */
export type PartyStatusCode = 'Setup' | 'Proceeding' | 'Answered' | 'Hold' | 'VoiceMail' | 'Disconnected';

/** CallStatusInfo.reason values the simulation uses. */
export type PartyReason =
  | 'AgentAnswered'
  | 'BlindTransfer'
  | 'CallFinished'
  | 'CallDropped'
  | 'CallRedirected'
  | 'Cancelled'
  | 'NoAnswer'
  | 'Voicemail';

/** What a party is in the call: the queue it waits in, an agent, the IVR, or a user calling out. */
export type PartyRole = 'queue' | 'agent' | 'ivr' | 'user';

export interface PartyEndpoint {
  readonly phoneNumber?: string;
  readonly name?: string;
  readonly extensionId?: string;
}

export interface PartyStep {
  readonly at: number;
  readonly code: PartyStatusCode;
  readonly reason?: PartyReason;
  readonly missedCall?: boolean;
}

export interface LiveParty {
  readonly id: string;
  readonly extensionId: string;
  readonly role: PartyRole;
  readonly direction: 'Inbound' | 'Outbound';
  readonly from: PartyEndpoint;
  readonly to: PartyEndpoint;
  readonly queueCall: boolean;
  readonly steps: readonly PartyStep[];
}

/** One telephony session event: the parties whose status changed at `at`, with their new step. */
export interface LiveCallEvent {
  readonly at: number;
  readonly sequence: number;
  readonly changes: ReadonlyArray<{ readonly party: number; readonly step: PartyStep }>;
}

export interface LiveCall {
  /** The analytics call this script belongs to. */
  readonly callId: string;
  readonly telephonySessionId: string;
  readonly sessionId: string;
  readonly start: number;
  /** The instant the last party leaves: the analytics call's start + duration. */
  readonly end: number;
  readonly queueId: string | undefined;
  readonly parties: readonly LiveParty[];
  readonly events: readonly LiveCallEvent[];
}

/** Codes after which a party is no longer in the call. */
export const ENDED_CODES: ReadonlySet<PartyStatusCode> = new Set(['Disconnected']);

/** A stable hex digest of a label: ids and synthetic numbers must not draw on the day's RNG. */
export function digest(label: string): string {
  return createHash('sha1').update(label).digest('hex');
}

/** A fraction in [0, 1) from a label, for placing a hold inside a talk without touching the RNG. */
export function fractionOf(label: string): number {
  return Number.parseInt(digest(label).slice(0, 8), 16) / 0x1_0000_0000;
}

/** A UK drama-range mobile number (07700 900000–900999), stable per label. */
export function callerNumber(label: string): string {
  const digits = String(Number.parseInt(digest(label).slice(0, 6), 16) % 1000).padStart(3, '0');
  return `+447700900${digits}`;
}

interface MutableParty extends Omit<LiveParty, 'steps'> {
  steps: PartyStep[];
}

export class LiveCallBuilder {
  private readonly parties: MutableParty[] = [];
  private readonly hex: string;

  constructor(
    private readonly callId: string,
    private readonly start: number,
    private readonly queueId?: string,
  ) {
    this.hex = digest(callId).slice(0, 32);
  }

  /** Adds a party; returns its index for `step`. */
  party(init: Omit<LiveParty, 'id' | 'steps'>): number {
    this.parties.push({ ...init, id: `p-${this.hex}-${this.parties.length + 1}`, steps: [] });
    return this.parties.length - 1;
  }

  step(party: number, at: number, code: PartyStatusCode, extra: Omit<PartyStep, 'at' | 'code'> = {}): this {
    const target = this.parties[party];
    if (!target) throw new Error(`call ${this.callId} has no party ${party}`);
    target.steps.push({ at, code, ...extra });
    return this;
  }

  build(): LiveCall {
    const byInstant = new Map<number, Array<{ party: number; step: PartyStep }>>();
    this.parties.forEach((party, index) => {
      party.steps.sort((a, b) => a.at - b.at);
      for (const step of party.steps) {
        const changes = byInstant.get(step.at) ?? [];
        // A party changing twice in one instant shows only where it ended up.
        const same = changes.findIndex((change) => change.party === index);
        if (same >= 0) changes.splice(same, 1);
        changes.push({ party: index, step });
        byInstant.set(step.at, changes);
      }
    });
    const instants = [...byInstant.keys()].sort((a, b) => a - b);
    const events = instants.map((at, i) => ({ at, sequence: i + 1, changes: byInstant.get(at) ?? [] }));
    return {
      callId: this.callId,
      telephonySessionId: `s-${this.hex}`,
      sessionId: String(Number.parseInt(this.hex.slice(0, 12), 16)),
      start: this.start,
      end: instants.length ? Math.max(this.start, instants[instants.length - 1]!) : this.start,
      queueId: this.queueId,
      parties: this.parties,
      events,
    };
  }
}
