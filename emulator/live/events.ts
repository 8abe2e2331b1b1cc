import type { PresenceState } from './presence';
import type { LiveCall, LiveCallEvent } from './script';

/**
 * What the live model announces as the data clock passes: a telephony session event (parties of one
 * call changed), an agent's presence change, or an agent logging in to or out of a queue. The
 * WebSocket gateway turns them into ServerNotifications for the subscriptions whose filters match.
 */

export interface TelephonyLiveEvent {
  readonly kind: 'telephony';
  readonly at: number;
  readonly call: LiveCall;
  readonly event: LiveCallEvent;
}

export interface PresenceLiveEvent {
  readonly kind: 'presence';
  readonly at: number;
  readonly extensionId: string;
  readonly presence: PresenceState;
  readonly sequence: number;
  /** False when only the active calls changed: subscribers without detailedTelephonyState skip it. */
  readonly basicChanged: boolean;
}

export interface QueuePresenceLiveEvent {
  readonly kind: 'queuePresence';
  readonly at: number;
  readonly queueId: string;
  readonly extensionId: string;
  readonly acceptCalls: boolean;
}

export type LiveEvent = TelephonyLiveEvent | PresenceLiveEvent | QueuePresenceLiveEvent;

export type LiveListener = (event: LiveEvent) => void;
