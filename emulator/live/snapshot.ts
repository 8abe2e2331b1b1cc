import type { Directory, Extension } from '../data/directory';
import type { LiveModel } from './live-model';
import type { AgentActivity } from './presence';

/**
 * What the simulation holds at one instant, for GET /__emulator/live: per queue the callers waiting
 * now (since when, which agents ring for them) and its members' states; per agent the presence the
 * platform reports and since when the agent has been in that state. Tests compare a client's
 * real-time figures with this at the same data-clock instant (docs/emulator.md).
 */

const ACTIVITIES: readonly AgentActivity[] = ['available', 'ringing', 'onCall', 'onHold', 'away', 'offline'];

const iso = (time: number) => new Date(time).toISOString();
const seconds = (ms: number) => Math.round(ms) / 1000;

export function liveSnapshot(model: LiveModel, directory: Directory, now: number, speed: number) {
  const agentJson = (ext: Extension) => {
    const live = model.agent(ext.id);
    if (!live) return null;
    const { presence } = live;
    return {
      id: ext.id,
      name: ext.name,
      extensionNumber: ext.extensionNumber,
      queues: ext.queues,
      activity: live.activity,
      since: iso(live.since),
      availability: presence.availability,
      presenceStatus: presence.presenceStatus,
      userStatus: presence.userStatus,
      dndStatus: presence.dndStatus,
      telephonyStatus: presence.telephonyStatus,
      acceptQueueCalls: presence.acceptQueueCalls,
      acceptCurrentQueueCalls: presence.acceptCurrentQueueCalls,
      activeCalls: presence.activeCalls.map(({ call, party, step }) => ({
        callId: call.callId,
        telephonySessionId: call.telephonySessionId,
        partyId: party.id,
        direction: party.direction,
        queueCall: party.queueCall,
        status: step.code,
        since: iso(step.at),
      })),
    };
  };
  const agents = directory.ofType('User').flatMap((ext) => agentJson(ext) ?? []);
  const byId = new Map(agents.map((agent) => [agent.id, agent]));
  const queues = directory.ofType('Department').map((queue) => {
    const waiting = model.waiting(queue.id).map((caller) => ({
      callId: caller.call.callId,
      telephonySessionId: caller.call.telephonySessionId,
      partyId: caller.party.id,
      since: iso(caller.since),
      waitingSeconds: seconds(now - caller.since),
      ringingAgents: caller.ringing,
    }));
    const members = directory.queueMembers(queue.id).flatMap((ext) => byId.get(ext.id) ?? []);
    const counts = Object.fromEntries(ACTIVITIES.map((activity) => [activity, 0])) as Record<
      AgentActivity,
      number
    >;
    for (const member of members) counts[member.activity]++;
    return {
      id: queue.id,
      name: queue.name,
      callsWaiting: waiting.length,
      longestWaitSeconds: waiting[0]?.waitingSeconds ?? null,
      waiting,
      agents: counts,
      members: members.map((member) => ({
        id: member.id,
        activity: member.activity,
        since: member.since,
        acceptQueueCalls: member.acceptQueueCalls,
        acceptCurrentQueueCalls: member.acceptCurrentQueueCalls,
      })),
    };
  });
  return { now: iso(now), speed, activeCalls: model.activeCallCount(), queues, agents };
}
