import type { Extension } from '../data/directory';
import { callerNumber, LiveCallBuilder, type PartyEndpoint, type PartyReason } from '../live/script';
import type { DayContext, QueueProfile } from './day';

/**
 * The live script of one inbound queue call, written step by step as the simulation decides what
 * happens: the IVR answers, the caller waits in the queue (the queue's party is `Proceeding`),
 * agents ring, one answers (the queue's party leaves with `AgentAnswered`), holds, transfers, or the
 * caller hangs up or reaches voicemail. On a day no one watches live every method does nothing.
 */
export class QueueCallScript {
  private readonly builder: LiveCallBuilder | null;
  private readonly caller: PartyEndpoint;
  private readonly queueParty: number;

  constructor(
    private readonly ctx: DayContext,
    private readonly profile: QueueProfile,
    callId: string,
    time: number,
    entry: number,
  ) {
    this.builder = ctx.live ? new LiveCallBuilder(callId, time, profile.queue.id) : null;
    this.caller = { phoneNumber: callerNumber(callId) };
    const builder = this.builder;
    this.queueParty = builder ? builder.party(this.inbound(profile.queue, 'queue', true)) : -1;
    const ivr = ctx.setup.ivr;
    if (builder && ivr) {
      const party = builder.party(this.inbound(ivr, 'ivr', false));
      builder.step(party, time, 'Answered').step(party, entry, 'Disconnected', { reason: 'CallRedirected' });
    }
  }

  /** The caller waits in the queue from `from`. */
  waiting(from: number): void {
    this.builder?.step(this.queueParty, from, 'Proceeding');
  }

  /** The caller reaches the queue's voicemail at `at` and hangs up at `end`. */
  voicemail(at: number, end: number): void {
    this.builder
      ?.step(this.queueParty, at, 'VoiceMail', { reason: 'Voicemail', missedCall: true })
      .step(this.queueParty, end, 'Disconnected', { reason: 'CallFinished', missedCall: true });
  }

  /** The caller gives up at `at`. */
  abandoned(at: number): void {
    this.builder?.step(this.queueParty, at, 'Disconnected', { reason: 'CallDropped', missedCall: true });
  }

  /** `agent` rings from `from`; returns the party for the later steps. */
  rings(agent: Extension, from: number, queueCall = true): number {
    if (!this.builder) return -1;
    const party = this.builder.party(this.inbound(agent, 'agent', queueCall));
    this.builder.step(party, from, 'Proceeding');
    return party;
  }

  /** A ringing agent's phone stops at `at` without an answer. */
  unanswered(party: number, at: number, reason: PartyReason): void {
    this.builder?.step(party, at, 'Disconnected', { reason, missedCall: true });
  }

  /** `party` answers at `at`; the caller is no longer waiting in the queue. */
  answered(party: number, at: number, fromQueue = true): void {
    if (!this.builder) return;
    if (fromQueue) this.builder.step(this.queueParty, at, 'Disconnected', { reason: 'AgentAnswered' });
    this.builder.step(party, at, 'Answered');
  }

  hold(party: number, from: number, seconds: number): void {
    this.builder?.step(party, from, 'Hold').step(party, from + seconds * 1000, 'Answered');
  }

  leaves(party: number, at: number, reason: PartyReason): void {
    this.builder?.step(party, at, 'Disconnected', { reason });
  }

  finish(): void {
    if (this.builder) this.ctx.live?.push(this.builder.build());
  }

  private inbound(ext: Extension, role: 'queue' | 'agent' | 'ivr', queueCall: boolean) {
    return {
      extensionId: ext.id,
      role,
      direction: 'Inbound' as const,
      from: this.caller,
      to: { phoneNumber: this.profile.calledNumber, name: ext.name, extensionId: ext.id },
      queueCall,
    };
  }
}
