import { z } from 'zod';

/**
 * What arrives from RingCentral for live state, checked with zod before use: telephony session event
 * bodies, detailed presence event bodies, and the REST presence resources read at start and after a
 * gap. Only the fields the derivation needs are required; RingCentral adds fields freely.
 */

const id = z.union([z.string(), z.number()]).transform(String);

export const TelephonyPartySchema = z.object({
  extensionId: id.optional(),
  status: z.object({ code: z.string() }),
  queueCall: z.boolean().optional(),
});

export const TelephonySessionEventSchema = z.object({
  telephonySessionId: z.string().min(1),
  sequence: z.number().int(),
  eventTime: z.iso.datetime().optional(),
  creationTime: z.iso.datetime().optional(),
  parties: z.array(TelephonyPartySchema),
});
export type TelephonySessionEvent = z.infer<typeof TelephonySessionEventSchema>;

export const PresenceSchema = z.object({
  extensionId: id.optional(),
  extension: z.object({ id }).optional(),
  telephonyStatus: z.string().optional(),
  presenceStatus: z.string().optional(),
  userStatus: z.string().optional(),
  dndStatus: z.string().optional(),
  sequence: z.number().int().optional(),
});
export type Presence = z.infer<typeof PresenceSchema>;

export const NotificationSchema = z.object({
  event: z.string(),
  timestamp: z.iso.datetime().optional(),
  body: z.unknown(),
});

export const QueuePresenceSchema = z.object({
  records: z.array(
    z.object({
      member: z.object({ id }),
      acceptQueueCalls: z.boolean().optional(),
      acceptCurrentQueueCalls: z.boolean().optional(),
    }),
  ),
});

export const CallQueuesSchema = z.object({
  records: z.array(z.object({ id })),
  navigation: z.object({ nextPage: z.object({ uri: z.string() }).optional() }).optional(),
});

/** Which kind of live event a notification's event filter names. */
export function eventKind(event: string): 'telephony' | 'presence' | 'queuePresence' | null {
  if (/\/telephony\/sessions(\?|$)/.test(event)) return 'telephony';
  if (/\/call-queues\/[^/]+\/presence/.test(event)) return 'queuePresence';
  if (/\/extension\/[^/]+\/presence/.test(event)) return 'presence';
  return null;
}

/** A zod error as one short line for the log. */
export function issueLine(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
