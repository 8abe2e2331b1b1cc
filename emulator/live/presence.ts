import type { Availability } from './schedule';
import type { LiveCall, LiveParty, PartyStep } from './script';

/**
 * An agent's presence as RingCentral reports it, derived from two things the simulation holds: the
 * schedule (on duty, on a break, off shift) and the agent's parties in calls now. On duty: Available,
 * TakeAllCalls. On a break: Busy with DoNotAcceptDepartmentCalls (no queue calls). Off shift:
 * Offline, DoNotAcceptDepartmentCalls, and logged out of their queues (acceptCurrentQueueCalls
 * false). Any call makes the aggregated presenceStatus Busy; telephonyStatus is CallConnected when a
 * call is answered, else OnHold, else Ringing (a call ringing in or out), else NoCall.
 */

export type TelephonyStatus = 'NoCall' | 'CallConnected' | 'Ringing' | 'OnHold' | 'ParkedCall';
export type PresenceStatus = 'Offline' | 'Busy' | 'Available';
export type DndStatus =
  | 'TakeAllCalls'
  | 'DoNotAcceptDepartmentCalls'
  | 'TakeDepartmentCallsOnly'
  | 'DoNotAcceptAnyCalls'
  | 'Unknown';

/** What an agent is doing, for the control plane's live view: a call state, else the availability. */
export type AgentActivity = 'ringing' | 'onCall' | 'onHold' | Availability;

/** One of the agent's parties in a call now, with the step it is in. */
export interface ActiveParty {
  readonly call: LiveCall;
  readonly party: LiveParty;
  readonly step: PartyStep;
  /** When the party joined the call (its first step). */
  readonly joinedAt: number;
}

export interface PresenceState {
  readonly availability: Availability;
  readonly telephonyStatus: TelephonyStatus;
  readonly presenceStatus: PresenceStatus;
  readonly userStatus: PresenceStatus;
  readonly dndStatus: DndStatus;
  /** Whether the agent's queues route calls to them at all (DND allows department calls). */
  readonly acceptQueueCalls: boolean;
  /** Logged in to their queues (on shift). */
  readonly acceptCurrentQueueCalls: boolean;
  readonly activeCalls: readonly ActiveParty[];
}

export function telephonyStatusOf(parties: readonly ActiveParty[]): TelephonyStatus {
  const codes = new Set(parties.map((active) => active.step.code));
  if (codes.has('Answered')) return 'CallConnected';
  if (codes.has('Hold')) return 'OnHold';
  if (codes.has('Proceeding') || codes.has('Setup')) return 'Ringing';
  return 'NoCall';
}

export function presenceOf(availability: Availability, parties: readonly ActiveParty[]): PresenceState {
  const telephonyStatus = telephonyStatusOf(parties);
  const onDuty = availability === 'available';
  const userStatus: PresenceStatus = onDuty ? 'Available' : availability === 'away' ? 'Busy' : 'Offline';
  const dndStatus: DndStatus = onDuty ? 'TakeAllCalls' : 'DoNotAcceptDepartmentCalls';
  return {
    availability,
    telephonyStatus,
    presenceStatus: telephonyStatus !== 'NoCall' ? 'Busy' : userStatus,
    userStatus,
    dndStatus,
    acceptQueueCalls: acceptsQueueCalls(dndStatus),
    acceptCurrentQueueCalls: availability !== 'offline',
    activeCalls: parties,
  };
}

/** DND that lets queue calls through (RingCentral: acceptQueueCalls reflects the member's DND). */
export function acceptsQueueCalls(dnd: DndStatus): boolean {
  return dnd === 'TakeAllCalls' || dnd === 'TakeDepartmentCallsOnly';
}

export function activityOf(presence: PresenceState): AgentActivity {
  switch (presence.telephonyStatus) {
    case 'CallConnected':
      return 'onCall';
    case 'OnHold':
      return 'onHold';
    case 'Ringing':
      return 'ringing';
    default:
      return presence.availability;
  }
}

/** The fields a presence event without `detailedTelephonyState` carries. */
export function basicSignature(presence: PresenceState): string {
  const { telephonyStatus, presenceStatus, userStatus, dndStatus } = presence;
  return `${telephonyStatus}|${presenceStatus}|${userStatus}|${dndStatus}`;
}

/** Everything a detailed presence event carries, the active calls and their states included. */
export function detailedSignature(presence: PresenceState): string {
  const calls = presence.activeCalls.map((active) => `${active.party.id}:${active.step.code}`).sort();
  return `${basicSignature(presence)}|${calls.join(',')}`;
}
