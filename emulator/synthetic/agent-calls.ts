import type { Extension } from '../data/directory';
import { callerNumber, LiveCallBuilder } from '../live/script';
import { onDuty } from './calendar';
import { isOpen, minuteOfDay, nextCallId, type DayContext } from './day';
import { leg, newCall, view } from './views';

/**
 * Calls agents make during business hours: outbound calls to customers (68% connected) and calls
 * to each other (80% answered), with their live scripts on days someone watches live.
 */

export function outboundCall(ctx: DayContext, agent: Extension, time: number): void {
  const state = ctx.agents.get(agent.id);
  if (!state || !onDuty(state, minuteOfDay(ctx, time))) return;
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
  const call = newCall(nextCallId(ctx), time, 'External', 'BusinessHours', undefined);
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
  if (!ctx.live) return;
  const script = new LiveCallBuilder(call.id, time);
  const party = script.party({
    extensionId: agent.id,
    role: 'user',
    direction: 'Outbound',
    from: { name: agent.name, extensionId: agent.id },
    to: { phoneNumber: callerNumber(call.id) },
    queueCall: false,
  });
  script.step(party, time, 'Setup').step(party, time + 1000, 'Proceeding');
  if (connected) script.step(party, time + (1 + ring) * 1000, 'Answered');
  script.step(party, time + spent * 1000, 'Disconnected', {
    reason: connected ? 'CallFinished' : 'NoAnswer',
  });
  ctx.live.push(script.build());
}

export function internalCall(ctx: DayContext, time: number): void {
  const { users } = ctx.setup;
  if (users.length < 2) return;
  const { rng } = ctx;
  const caller = rng.pick(users);
  const callee = rng.pick(users.filter((user) => user.id !== caller.id));
  const ring = rng.int(3, 15);
  const answered = rng.chance(0.8);
  const talk = answered ? Math.round(rng.logNormal(120)) : 0;
  const spent = ring + talk;
  const call = newCall(
    nextCallId(ctx),
    time,
    'Internal',
    isOpen(ctx, time) ? 'BusinessHours' : 'AfterHours',
    undefined,
  );
  call.company = view({
    response: answered ? 'Answered' : 'NotAnswered',
    result: answered ? 'Completed' : 'Missed',
    type: 'Direct',
    timeSpent: spent,
    segments: { ringing: ring, liveTalk: talk },
  });
  const talkSegments = { ringing: ring, liveTalk: talk };
  call.legs.push(
    leg(
      caller.id,
      'Outbound',
      answered ? 'Connected' : 'NotConnected',
      'Completed',
      'Outbound',
      spent,
      talkSegments,
    ),
    leg(
      callee.id,
      'Inbound',
      answered ? 'Answered' : 'NotAnswered',
      answered ? 'Completed' : 'Missed',
      'Direct',
      spent,
      talkSegments,
    ),
  );
  call.duration = spent;
  ctx.calls.push(call);
  if (ctx.live) ctx.live.push(internalScript(call.id, time, caller, callee, ring, spent, answered));
}

function internalScript(
  callId: string,
  time: number,
  caller: Extension,
  callee: Extension,
  ring: number,
  spent: number,
  answered: boolean,
) {
  const script = new LiveCallBuilder(callId, time);
  const from = { name: caller.name, extensionId: caller.id, phoneNumber: caller.extensionNumber };
  const to = { name: callee.name, extensionId: callee.id, phoneNumber: callee.extensionNumber };
  const out = script.party({
    extensionId: caller.id,
    role: 'user',
    direction: 'Outbound',
    from,
    to,
    queueCall: false,
  });
  const into = script.party({
    extensionId: callee.id,
    role: 'user',
    direction: 'Inbound',
    from,
    to,
    queueCall: false,
  });
  script.step(out, time, 'Setup').step(into, time, 'Proceeding');
  if (answered) script.step(out, time + ring * 1000, 'Answered').step(into, time + ring * 1000, 'Answered');
  const end = time + spent * 1000;
  script.step(out, end, 'Disconnected', { reason: answered ? 'CallFinished' : 'NoAnswer' });
  script.step(
    into,
    end,
    'Disconnected',
    answered ? { reason: 'CallFinished' } : { reason: 'NoAnswer', missedCall: true },
  );
  return script.build();
}
