import type { LivePermission } from '../../../contract/live';
import {
  CallQueuesSchema,
  issueLine,
  PresenceSchema,
  QueuePresenceSchema,
  type Presence,
} from './live-events';
import { missingPermissionOf } from './missing-permissions';
import type { PacedGet } from './paced-requests';

/**
 * The live state REST can tell: the followed queues (all call queues when asked), their members and
 * whether they take queue calls (call-queue presence), and each member's detailed presence. Read at
 * start and after a gap, so the board does not start from zero or trust what a gap may have hidden.
 * Callers waiting cannot be read over REST (RingCentral has no such endpoint): they come from events.
 */

export interface QueueMember {
  id: string;
  takesQueueCalls: boolean | null;
}

export interface RestSnapshot {
  queues: Map<string, QueueMember[]>;
  presence: Map<string, Presence>;
  readAt: number;
}

export type RestRead =
  { ok: true; snapshot: RestSnapshot } | { ok: false; missing: LivePermission | null; error: unknown };

const ACCOUNT = '/restapi/v1.0/account/~';

export async function listQueues(get: PacedGet): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; page <= 50; page++) {
    const parsed = CallQueuesSchema.safeParse(
      await get('medium', `${ACCOUNT}/call-queues?perPage=100&page=${page}`),
    );
    if (!parsed.success) throw new Error(`call-queues answer is malformed: ${issueLine(parsed.error)}`);
    ids.push(...parsed.data.records.map((record) => record.id));
    if (!parsed.data.navigation?.nextPage) break;
  }
  return ids;
}

export async function readRestSnapshot(
  get: PacedGet,
  queueIds: readonly string[],
  now: () => number,
): Promise<RestRead> {
  try {
    const queues = new Map<string, QueueMember[]>();
    for (const queueId of queueIds) {
      const parsed = QueuePresenceSchema.safeParse(
        await get('light', `${ACCOUNT}/call-queues/${queueId}/presence`),
      );
      if (!parsed.success) throw new Error(`call-queue presence is malformed: ${issueLine(parsed.error)}`);
      queues.set(
        queueId,
        parsed.data.records.map((record) => ({
          id: record.member.id,
          takesQueueCalls:
            record.acceptQueueCalls === undefined
              ? null
              : record.acceptQueueCalls && record.acceptCurrentQueueCalls !== false,
        })),
      );
    }
    const members = [...new Set([...queues.values()].flat().map((member) => member.id))];
    const presence = new Map<string, Presence>();
    for (const id of members) {
      const raw = await get('light', `${ACCOUNT}/extension/${id}/presence?detailedTelephonyState=true`);
      const parsed = PresenceSchema.safeParse(raw);
      if (!parsed.success) throw new Error(`presence of ${id} is malformed: ${issueLine(parsed.error)}`);
      presence.set(id, parsed.data);
    }
    return { ok: true, snapshot: { queues, presence, readAt: now() } };
  } catch (error) {
    return { ok: false, missing: await missingPermissionOf(error), error };
  }
}
