import type { AgentActivity } from '../../../contract/live';
import type { Presence } from './live-events';

/**
 * An agent's activity from detailed presence, the same rule the emulator's /__emulator/live uses:
 * a call state first (CallConnected → onCall, OnHold or ParkedCall → onHold, Ringing → ringing),
 * else what the agent set: userStatus Offline (or presenceStatus Offline with no userStatus) →
 * offline; userStatus Busy, or DND that refuses queue calls (DoNotAcceptAnyCalls,
 * DoNotAcceptDepartmentCalls) → away, since such an agent takes no queue call; otherwise available.
 * userStatus is used rather than presenceStatus because presenceStatus turns Busy with any call.
 */
export function activityOf(presence: Presence): AgentActivity {
  switch (presence.telephonyStatus) {
    case 'CallConnected':
      return 'onCall';
    case 'OnHold':
    case 'ParkedCall':
      return 'onHold';
    case 'Ringing':
      return 'ringing';
    default:
      break; // NoCall, or no telephony state: what the agent set decides
  }
  const userStatus = presence.userStatus ?? presence.presenceStatus;
  if (userStatus === 'Offline') return 'offline';
  if (userStatus === 'Busy' || !takesQueueCalls(presence.dndStatus)) return 'away';
  return 'available';
}

/** Whether DND lets queue calls through; unknown DND counts as taking them. */
export function takesQueueCalls(dndStatus: string | undefined): boolean {
  return dndStatus !== 'DoNotAcceptAnyCalls' && dndStatus !== 'DoNotAcceptDepartmentCalls';
}
