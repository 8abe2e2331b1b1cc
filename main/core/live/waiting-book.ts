import type { TelephonySessionEvent } from './live-events';

/**
 * Callers waiting in queues, from account telephony session events. A queue's party (extensionId of
 * a followed queue) in status Proceeding is a caller waiting since that event's time (or the
 * session's creation when the event carries no time); any other status of that party (Answered,
 * VoiceMail, Disconnected, Gone, …) ends the wait. Events are ordered per session by `sequence`:
 * one not newer than the last applied is stale and ignored, so a replay after recovery is harmless.
 */

export interface WaitingEntry {
  telephonySessionId: string;
  queueId: string;
  since: number;
}

/** Sessions whose last sequence is remembered this long after their last event (bounded memory). */
const SESSION_MEMORY_MS = 6 * 60 * 60_000;

export class WaitingBook {
  private readonly waiting = new Map<string, WaitingEntry>();
  private readonly lastSequence = new Map<string, { sequence: number; at: number }>();

  /** Applies one event; true when the waiting callers changed. */
  apply(event: TelephonySessionEvent, isQueue: (id: string) => boolean, now: number): boolean {
    const sessionId = event.telephonySessionId;
    const last = this.lastSequence.get(sessionId);
    if (last && event.sequence <= last.sequence) return false;
    this.lastSequence.delete(sessionId); // re-inserted last: the map stays in order of last event
    this.lastSequence.set(sessionId, { sequence: event.sequence, at: now });
    const at = Date.parse(event.eventTime ?? event.creationTime ?? new Date(now).toISOString());
    let changed = false;
    for (const party of event.parties) {
      const queueId = party.extensionId;
      if (!queueId || !isQueue(queueId)) continue;
      const key = `${sessionId}|${queueId}`;
      if (party.status.code === 'Proceeding') {
        if (!this.waiting.has(key)) {
          this.waiting.set(key, { telephonySessionId: sessionId, queueId, since: at });
          changed = true;
        }
      } else if (this.waiting.delete(key)) {
        changed = true;
      }
    }
    this.forgetOld(now);
    return changed;
  }

  /** The callers waiting in a queue, the longest-waiting first. */
  of(queueId: string): WaitingEntry[] {
    return [...this.waiting.values()]
      .filter((entry) => entry.queueId === queueId)
      .sort((a, b) => a.since - b.since);
  }

  /** Drops the callers of queues no longer followed. */
  keepQueues(isQueue: (id: string) => boolean): void {
    for (const [key, entry] of this.waiting) if (!isQueue(entry.queueId)) this.waiting.delete(key);
  }

  private forgetOld(now: number): void {
    for (const [sessionId, last] of this.lastSequence) {
      if (now - last.at < SESSION_MEMORY_MS) break; // insertion order: the rest are newer
      this.lastSequence.delete(sessionId);
    }
  }
}
