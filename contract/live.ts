import { z } from 'zod';

/**
 * Live queue state: what is happening now (callers waiting, agents free or busy), from RingCentral's
 * push notifications over WebSocket (telephony sessions and detailed presence) with an initial read
 * of presence over REST. The Business Analytics API counts completed calls only; this is the second
 * data path. The core keeps the state (LiveState) and says how fresh it is (LiveStatus); live tiles
 * are computed from it like any other tile and labelled as live.
 */

/** What an agent is doing now, from detailed presence and their calls. */
export const AGENT_ACTIVITIES = ['available', 'ringing', 'onCall', 'onHold', 'away', 'offline'] as const;
export type AgentActivity = (typeof AGENT_ACTIVITIES)[number];

/** The permissions live state needs, as RingCentral names them. */
export const LIVE_PERMISSIONS = ['WebSocket', 'CallControl', 'ReadPresence'] as const;
export type LivePermission = (typeof LIVE_PERMISSIONS)[number];

const iso = z.iso.datetime();

/** One caller waiting in a queue now. */
export const WaitingCallerSchema = z.object({
  telephonySessionId: z.string(),
  /** When the caller started waiting in the queue (ISO). */
  since: iso,
});

export const LiveQueueSchema = z.object({
  /** The call queue's extension id. */
  id: z.string(),
  /** Callers waiting now, the longest-waiting first. */
  waiting: z.array(WaitingCallerSchema),
});
export type LiveQueue = z.infer<typeof LiveQueueSchema>;

export const LiveAgentSchema = z.object({
  /** The user's extension id. */
  id: z.string(),
  activity: z.enum(AGENT_ACTIVITIES),
  /** Since when the agent has been in this activity (ISO). */
  since: iso,
  /** The queues the agent is a member of. */
  queues: z.array(z.string()),
  /** Whether the agent takes queue calls now (dndStatus, queue log-in); null when unknown. */
  takesQueueCalls: z.boolean().nullable(),
});
export type LiveAgent = z.infer<typeof LiveAgentSchema>;

/** Everything the core knows about now, as of `asOf`. */
export const LiveStateSchema = z.object({
  queues: z.array(LiveQueueSchema),
  agents: z.array(LiveAgentSchema),
});
export type LiveState = z.infer<typeof LiveStateSchema>;

/**
 * How fresh live state is. off: no board shows a live tile; connecting: the first state is being
 * read; live: the socket is up and heartbeats arrive; stale: the socket is down or silent (values are
 * the last known, not current); unavailable: the app lacks a permission (`missingPermissions`).
 */
export const LIVE_STATES = ['off', 'connecting', 'live', 'stale', 'unavailable'] as const;
export const LiveStatusSchema = z.object({
  state: z.enum(LIVE_STATES),
  /** The last moment the state was known to be current (ISO): an event, a heartbeat or a REST read. */
  asOf: iso.nullable(),
  /** What is wrong, in the user's words (which permission is missing, since when the socket is down). */
  message: z.string().nullable(),
  missingPermissions: z.array(z.enum(LIVE_PERMISSIONS)),
});
export type LiveStatus = z.infer<typeof LiveStatusSchema>;
