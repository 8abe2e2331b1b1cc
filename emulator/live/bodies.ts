import type { Extension } from '../data/directory';
import type { AgentLive } from './live-model';
import type { ActiveParty, PresenceState, TelephonyStatus } from './presence';
import type { LiveCall, LiveCallEvent, PartyEndpoint, PartyStep } from './script';

/**
 * The live state in RingCentral's shapes (the OpenAPI schemas named on each function): telephony
 * session event bodies, presence event bodies, presence resources and call-queue presence.
 * Event times are data-clock instants.
 */

const iso = (time: number) => new Date(time).toISOString();

/** The spec types extension ids in presence resources as int64; non-numeric ids stay strings. */
export const idValue = (id: string): number | string => (/^\d{1,15}$/.test(id) ? Number(id) : id);

function endpoint(end: PartyEndpoint): Record<string, string> {
  const out: Record<string, string> = {};
  if (end.phoneNumber) out.phoneNumber = end.phoneNumber;
  if (end.name) out.name = end.name;
  if (end.extensionId) out.extensionId = end.extensionId;
  return out;
}

function status(step: PartyStep): Record<string, unknown> {
  return { code: step.code, ...(step.reason ? { reason: step.reason } : {}), rcc: false };
}

/** TelephonySessionsEventBody: the parties that changed, optionally only those `keep` accepts. */
export function telephonySessionBody(
  accountId: string,
  call: LiveCall,
  event: LiveCallEvent,
  keep: (party: Record<string, unknown>, step: PartyStep) => boolean = () => true,
): Record<string, unknown> | null {
  const parties = event.changes.flatMap(({ party: index, step }) => {
    const party = call.parties[index]!;
    const info = {
      accountId,
      extensionId: party.extensionId,
      id: party.id,
      direction: party.direction,
      to: endpoint(party.to),
      from: endpoint(party.from),
      status: status(step),
      queueCall: party.queueCall,
      missedCall: step.missedCall === true,
      standAlone: false,
      muted: false,
    };
    return keep(info, step) ? [info] : [];
  });
  if (parties.length === 0) return null;
  return {
    sequence: event.sequence,
    sessionId: call.sessionId,
    telephonySessionId: call.telephonySessionId,
    serverId: 'emulator.TAM',
    eventTime: iso(event.at),
    origin: { type: 'Call' },
    parties,
  };
}

function callStatus(step: PartyStep): TelephonyStatus {
  if (step.code === 'Answered') return 'CallConnected';
  if (step.code === 'Hold') return 'OnHold';
  return 'Ringing';
}

/** ActiveCallInfoWithoutSIP. */
export function activeCallInfo(active: ActiveParty): Record<string, unknown> {
  const { call, party, step } = active;
  const from = party.from.phoneNumber ?? party.from.extensionId;
  const to = party.to.phoneNumber ?? party.to.extensionId;
  return {
    id: call.callId,
    direction: party.direction,
    queueCall: party.queueCall,
    ...(from ? { from } : {}),
    ...(party.from.name ? { fromName: party.from.name } : {}),
    ...(to ? { to } : {}),
    ...(party.to.name ? { toName: party.to.name } : {}),
    partyId: party.id,
    startTime: iso(call.start),
    sessionId: call.sessionId,
    telephonySessionId: call.telephonySessionId,
    telephonyStatus: callStatus(step),
  };
}

const FIXED_FLAGS = { allowSeeMyPresence: true, ringOnMonitoredCall: false, pickUpCallsOnHold: false };

/** DetailedExtensionPresenceEventBody (`detailed`), else ExtensionPresenceEventBody. */
export function presenceEventBody(
  extensionId: string,
  presence: PresenceState,
  sequence: number,
  detailed: boolean,
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    extensionId,
    telephonyStatus: presence.telephonyStatus,
    sequence,
    presenceStatus: presence.presenceStatus,
    userStatus: presence.userStatus,
    dndStatus: presence.dndStatus,
    ...FIXED_FLAGS,
  };
  if (!detailed) return body;
  // RingCentral lists the latest 7 active calls and counts them all.
  const calls = [...presence.activeCalls].sort((a, b) => b.joinedAt - a.joinedAt);
  return {
    ...body,
    meetingStatus: 'Disconnected',
    activeCalls: calls.slice(0, 7).map(activeCallInfo),
    totalActiveCalls: calls.length,
  };
}

/** PresenceInfoResponse of one extension: non-users are only ever Offline (as the spec says). */
export function presenceResource(
  ext: Extension,
  live: AgentLive | null,
  accountUri: string,
  detailed: boolean,
): Record<string, unknown> {
  const extensionUri = `${accountUri}/extension/${ext.id}`;
  const base = {
    uri: `${extensionUri}/presence`,
    extension: { id: idValue(ext.id), uri: extensionUri, extensionNumber: ext.extensionNumber },
  };
  if (!live) return { ...base, presenceStatus: 'Offline' };
  const { presence } = live;
  return {
    ...base,
    presenceStatus: presence.presenceStatus,
    telephonyStatus: presence.telephonyStatus,
    userStatus: presence.userStatus,
    dndStatus: presence.dndStatus,
    meetingStatus: 'Disconnected',
    ...FIXED_FLAGS,
    ...(detailed ? { activeCalls: presence.activeCalls.map(activeCallInfo) } : {}),
  };
}

/** CallQueueMemberPresence of one member. */
export function queueMemberPresence(
  member: Extension,
  live: AgentLive | null,
  siteName: (id: string) => string,
): Record<string, unknown> {
  return {
    member: {
      id: member.id,
      name: member.name,
      extensionNumber: member.extensionNumber,
      ...(member.site ? { site: { id: member.site, name: siteName(member.site) } } : {}),
    },
    acceptQueueCalls: live?.presence.acceptQueueCalls ?? false,
    acceptCurrentQueueCalls: live?.presence.acceptCurrentQueueCalls ?? false,
  };
}
