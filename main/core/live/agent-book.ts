import type { LiveAgent } from '../../../contract/live';
import { activityOf, takesQueueCalls } from './agent-activity';
import type { Presence } from './live-events';
import type { RestSnapshot } from './rest-snapshot';

/**
 * The followed queues' agents: their queues and whether they take queue calls (call-queue presence),
 * and their activity since when (detailed presence). Presence events older than the last applied
 * (`sequence`) are ignored. An activity read over REST has no start time: `since` is the read.
 */

interface AgentRecord {
  agent: LiveAgent;
  sequence: number | null;
}

export class AgentBook {
  private readonly agents = new Map<string, AgentRecord>();

  replace(snapshot: RestSnapshot): void {
    const previous = new Map(this.agents);
    this.agents.clear();
    for (const [queueId, members] of snapshot.queues) {
      for (const member of members) {
        const existing = this.agents.get(member.id);
        if (existing) {
          existing.agent.queues.push(queueId);
          continue;
        }
        const presence = snapshot.presence.get(member.id) ?? {};
        const activity = activityOf(presence);
        const before = previous.get(member.id)?.agent;
        // Unchanged across a re-read: keep the known start of the activity.
        const since = before?.activity === activity ? before.since : new Date(snapshot.readAt).toISOString();
        this.agents.set(member.id, {
          agent: {
            id: member.id,
            activity,
            since,
            queues: [queueId],
            takesQueueCalls: member.takesQueueCalls,
          },
          sequence: presence.sequence ?? null,
        });
      }
    }
  }

  /** Applies a presence event; true when something shown changed. */
  applyPresence(presence: Presence, at: number): boolean {
    const id = presence.extensionId ?? presence.extension?.id;
    const record = id ? this.agents.get(id) : undefined;
    if (!record) return false;
    if (presence.sequence !== undefined && record.sequence !== null && presence.sequence <= record.sequence)
      return false;
    record.sequence = presence.sequence ?? record.sequence;
    const activity = activityOf(presence);
    const takes =
      presence.dndStatus === undefined ? record.agent.takesQueueCalls : takesQueueCalls(presence.dndStatus);
    const changed = activity !== record.agent.activity || takes !== record.agent.takesQueueCalls;
    if (activity !== record.agent.activity) {
      record.agent = { ...record.agent, activity, since: new Date(at).toISOString() };
    }
    record.agent = { ...record.agent, takesQueueCalls: takes };
    return changed;
  }

  list(): LiveAgent[] {
    return [...this.agents.values()].map((record) => ({ ...record.agent, queues: [...record.agent.queues] }));
  }
}
