import { describe, expect, it } from 'vitest';
import { Directory, DirectorySchema } from '../../../emulator/data/directory';
import type { LiveEvent } from '../../../emulator/live/events';
import { LiveModel } from '../../../emulator/live/live-model';
import type { AgentSchedule } from '../../../emulator/live/schedule';
import { LiveCallBuilder, type LiveCall } from '../../../emulator/live/script';

/**
 * The live model plays scripts and schedules in time order: who waits in which queue since when,
 * which agents ring, talk and hold since when, their presence as RingCentral reports it, and the
 * events on the way — none for the first catch-up or a jump of more than an hour.
 */

const T = Date.parse('2026-11-24T10:00:00Z');
const S = 1000;
const directory = new Directory(
  DirectorySchema.parse({
    account: { id: '400', timeZone: 'UTC' },
    extensions: [
      { id: '3001', name: 'Sales', type: 'Department' },
      { id: '1001', name: 'Ann', type: 'User', queues: ['3001'] },
      { id: '1002', name: 'Bob', type: 'User', queues: ['3001'] },
    ],
  }),
);

/** A caller waits 15 s, Ann rings for 5 s, answers, holds 10 s, hangs up at +100 s. */
function answeredCall(id = 'c1', start = T): LiveCall {
  const call = new LiveCallBuilder(id, start, '3001');
  const caller = { phoneNumber: '+447700900001' };
  const queue = call.party({
    extensionId: '3001',
    role: 'queue',
    direction: 'Inbound',
    from: caller,
    to: { extensionId: '3001' },
    queueCall: true,
  });
  const ann = call.party({
    extensionId: '1001',
    role: 'agent',
    direction: 'Inbound',
    from: caller,
    to: { extensionId: '1001', name: 'Ann' },
    queueCall: true,
  });
  call.step(queue, start + 10 * S, 'Proceeding');
  call.step(ann, start + 20 * S, 'Proceeding');
  call
    .step(queue, start + 25 * S, 'Disconnected', { reason: 'AgentAnswered' })
    .step(ann, start + 25 * S, 'Answered');
  call.step(ann, start + 40 * S, 'Hold').step(ann, start + 50 * S, 'Answered');
  call.step(ann, start + 100 * S, 'Disconnected', { reason: 'CallFinished' });
  return call.build();
}

const schedule = (agentId: string, shiftEnd = T + 2 * 3_600_000): AgentSchedule => ({
  agentId,
  spans: [
    { from: T - 3_600_000, to: T + 3_600_000, availability: 'available' },
    { from: T + 3_600_000, to: shiftEnd, availability: 'away' },
  ],
});

function model(calls: LiveCall[], restart?: () => { calls: LiveCall[]; schedules: AgentSchedule[] }) {
  const live = new LiveModel({ directory: () => directory, fallback: 'offline', restart });
  const events: LiveEvent[] = [];
  live.onEvent((event) => events.push(event));
  live.ingest({ calls, schedules: [schedule('1001'), schedule('1002')] });
  return { live, events };
}

describe('the live model', () => {
  it('numbers a call’s events per instant, the parties changed at once in one event', () => {
    const call = answeredCall();
    expect(call.events.map((event) => [event.sequence, (event.at - T) / S, event.changes.length])).toEqual([
      [1, 10, 1],
      [2, 20, 1],
      [3, 25, 2],
      [4, 40, 1],
      [5, 50, 1],
      [6, 100, 1],
    ]);
    expect(call.end).toBe(T + 100 * S);
    expect(call.telephonySessionId).toMatch(/^s-[0-9a-f]{32}$/);
  });

  it('knows who waits since when, who rings, talks and holds, and announces each change', () => {
    const { live, events } = model([answeredCall()]);
    live.advanceTo(T);
    expect(live.waiting('3001')).toEqual([]);
    live.advanceTo(T + 15 * S);
    expect(live.waiting('3001').map((w) => [w.call.callId, w.since, w.ringing])).toEqual([
      ['c1', T + 10 * S, []],
    ]);
    live.advanceTo(T + 22 * S);
    expect(live.waiting('3001')[0]?.ringing).toEqual(['1001']);
    expect(live.agent('1001')).toMatchObject({ activity: 'ringing', since: T + 20 * S });
    expect(live.agent('1001')?.presence).toMatchObject({
      telephonyStatus: 'Ringing',
      presenceStatus: 'Busy',
    });
    live.advanceTo(T + 45 * S);
    expect(live.waiting('3001')).toEqual([]);
    expect(live.agent('1001')).toMatchObject({ activity: 'onHold', since: T + 40 * S });
    live.advanceTo(T + 200 * S);
    expect(live.agent('1001')).toMatchObject({ activity: 'available', since: T + 100 * S });
    expect(live.activeCallCount()).toBe(0);
    const telephony = events.filter((e) => e.kind === 'telephony');
    expect(telephony.map((e) => e.kind === 'telephony' && e.event.sequence)).toEqual([1, 2, 3, 4, 5, 6]);
    const presence = events.flatMap((e) =>
      e.kind === 'presence' ? [[e.extensionId, e.presence.telephonyStatus, e.sequence]] : [],
    );
    expect(presence).toEqual([
      ['1001', 'Ringing', 1],
      ['1001', 'CallConnected', 2],
      ['1001', 'OnHold', 3],
      ['1001', 'CallConnected', 4],
      ['1001', 'NoCall', 5],
    ]);
  });

  it('reports breaks as away (no queue calls) and the end of a shift as logged out of the queues', () => {
    const { live, events } = model([]);
    live.advanceTo(T);
    expect(live.agent('1002')?.presence).toMatchObject({
      userStatus: 'Available',
      dndStatus: 'TakeAllCalls',
      acceptQueueCalls: true,
      acceptCurrentQueueCalls: true,
    });
    live.advanceTo(T + 3_600_000);
    expect(live.agent('1002')).toMatchObject({ activity: 'away', since: T + 3_600_000 });
    expect(live.agent('1002')?.presence).toMatchObject({
      userStatus: 'Busy',
      dndStatus: 'DoNotAcceptDepartmentCalls',
      acceptQueueCalls: false,
      acceptCurrentQueueCalls: true,
    });
    live.advanceTo(T + 2 * 3_600_000);
    expect(live.agent('1002')?.presence).toMatchObject({
      presenceStatus: 'Offline',
      acceptCurrentQueueCalls: false,
    });
    const queue = events.filter((e) => e.kind === 'queuePresence');
    expect(queue).toEqual(
      expect.arrayContaining([
        {
          kind: 'queuePresence',
          at: T + 2 * 3_600_000,
          queueId: '3001',
          extensionId: '1002',
          acceptCalls: false,
        },
      ]),
    );
    expect(live.agent('3001')).toBeNull();
  });

  it('catches up silently the first time and after a jump of over an hour, with the state right', () => {
    const { live, events } = model([answeredCall('c1'), answeredCall('c2', T + 3 * 3_600_000)]);
    live.advanceTo(T + 30 * S);
    expect(events).toEqual([]);
    expect(live.agent('1001')).toMatchObject({ activity: 'onCall', since: T + 25 * S });
    live.advanceTo(T + 3 * 3_600_000 + 45 * S);
    expect(events).toEqual([]);
    expect(live.agent('1001')?.activity).toBe('onHold');
    live.advanceTo(T + 3 * 3_600_000 + 60 * S);
    expect(events.map((e) => e.kind)).toEqual(['telephony', 'presence']);
  });

  it('starts over from its source when the clock is set back', () => {
    const calls = [answeredCall()];
    const { live } = model(calls, () => ({ calls, schedules: [schedule('1001')] }));
    live.advanceTo(T + 200 * S);
    expect(live.agent('1001')?.activity).toBe('available');
    live.advanceTo(T + 30 * S);
    expect(live.now).toBe(T + 30 * S);
    expect(live.agent('1001')).toMatchObject({ activity: 'onCall', since: T + 25 * S });
  });
});
