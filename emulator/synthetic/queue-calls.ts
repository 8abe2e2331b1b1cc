import type { CallView } from '../data/calls';
import { fractionOf } from '../live/script';
import { MAX_QUEUE_WAIT } from './calendar';
import {
  earliestSeat,
  isOpen,
  nextCallId,
  type AgentState,
  type DayContext,
  type QueueProfile,
  type Seat,
} from './day';
import { QueueCallScript } from './queue-call-script';
import { inboundMissed, leg, newCall, view, type SyntheticCall } from './views';

/**
 * Inbound queue calls: the caller passes the IVR, waits for the on-duty member whose line frees up
 * first, and is answered (perhaps after another agent rang unanswered, with a hold, a blind
 * transfer), abandons (patience), or reaches voicemail (closed, or the wait would pass 8 minutes).
 * The analytics call and its live script are written from the same numbers; the draws on the day's
 * RNG are exactly those of the analytics alone, so a seed gives the same calls as it always has.
 */

interface Timing {
  readonly ivr: number;
  readonly entry: number;
  readonly wait: number;
  readonly ring: number;
  readonly companyHours: 'BusinessHours' | 'AfterHours';
}

export function queueCall(ctx: DayContext, profile: QueueProfile, time: number): void {
  const { rng } = ctx;
  const open = isOpen(ctx, time);
  const companyHours = open ? 'BusinessHours' : 'AfterHours';
  const ivr = rng.int(8, 24);
  const entry = time + ivr * 1000;
  const call = newCall(nextCallId(ctx), time, 'External', companyHours, profile.calledNumber);
  const script = new QueueCallScript(ctx, profile, call.id, time, entry);
  const ivrExtension = ctx.setup.ivr;
  if (ivrExtension)
    call.legs.push(
      leg(ivrExtension.id, 'Inbound', 'Answered', 'Completed', 'Direct', ivr, { ivrPrompt: ivr }),
    );
  const seat = open ? earliestSeat(ctx, profile.agents, entry) : null;
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
    if (waited > 0) script.waiting(entry);
    script.voicemail(entry + waited * 1000, entry + spent * 1000);
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
    script.waiting(entry);
    if (seat && patience > wait) {
      const rang = Math.round(patience - wait);
      call.legs.push({
        ...leg(seat.state.agent.id, 'Inbound', 'NotAnswered', 'Abandoned', 'FromQueue', rang, {
          ringing: rang,
        }),
        queueOpportunities: 1,
      });
      if (rang > 0) {
        const party = script.rings(seat.state.agent, entry + (waited - rang) * 1000);
        script.unanswered(party, entry + waited * 1000, 'Cancelled');
      }
    }
    script.abandoned(entry + waited * 1000);
    call.duration = ivr + waited;
  } else {
    script.waiting(entry);
    answer(ctx, profile, call, seat!, { ivr, entry, wait: Math.round(wait), ring, companyHours }, script);
  }
  script.finish();
  ctx.calls.push(call);
}

function answer(
  ctx: DayContext,
  profile: QueueProfile,
  call: SyntheticCall,
  chosen: { state: AgentState; seat: Seat },
  t: Timing,
  script: QueueCallScript,
): void {
  const { rng } = ctx;
  let waited = t.wait;
  const other = profile.agents.filter((agent) => agent.id !== chosen.state.agent.id);
  if (other.length > 0 && rng.chance(0.08)) {
    const missed = rng.pick(other);
    const rang = rng.int(12, 20);
    const party = script.rings(missed, t.entry + waited * 1000);
    waited += rang;
    script.unanswered(party, t.entry + waited * 1000, 'NoAnswer');
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
  const answeredAt = t.entry + answerWait * 1000;
  const agentParty = script.rings(chosen.state.agent, t.entry + waited * 1000);
  script.answered(agentParty, answeredAt);
  // Where the hold falls inside the talk is not in the analytics: place it without the RNG.
  if (hold)
    script.hold(agentParty, answeredAt + Math.floor(talk * (0.2 + 0.5 * fractionOf(call.id))) * 1000, hold);
  const handedOver = answeredAt + (talk + hold + transfer) * 1000;
  chosen.seat.busyUntil = t.entry + (answerWait + talk + hold + transfer + rng.int(10, 45)) * 1000;
  let extraTalk = 0;
  if (transfer) {
    const target = earliestSeat(ctx, ctx.setup.users, chosen.seat.busyUntil, chosen.state.agent.id);
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
      // A blind transfer: the target rings during the last 4 s of the transfer and takes over.
      const targetParty = script.rings(target.state.agent, handedOver - 4000, false);
      script.answered(targetParty, handedOver, false);
      script.leaves(targetParty, handedOver + extraTalk * 1000, 'CallFinished');
    }
  }
  script.leaves(agentParty, handedOver, transfer ? 'BlindTransfer' : 'CallFinished');
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
