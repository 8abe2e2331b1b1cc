import { presenceEventBody, telephonySessionBody } from '../live/bodies';
import type { LiveEvent } from '../live/events';
import type { PartyStep } from '../live/script';
import type { EventFilter, TelephonyCriteria } from './event-filters';

/**
 * What one live event means for one event filter: nothing, or the notification's `event` URI and
 * `body` (TelephonySessionsEventBody, (Detailed)ExtensionPresenceEventBody, CallQueuePresenceEventBody).
 */

export interface Notice {
  readonly event: string;
  readonly body: Record<string, unknown>;
}

export function noticeFor(
  filter: EventFilter,
  live: LiveEvent,
  accountId: string,
  ownerId: string,
): Notice | null {
  switch (live.kind) {
    case 'telephony': {
      if (filter.kind !== 'accountTelephony' && filter.kind !== 'extensionTelephony') return null;
      const extensionId = filter.kind === 'extensionTelephony' ? filter.extensionId : null;
      const body = telephonySessionBody(accountId, live.call, live.event, (party, step) =>
        partyMatches(filter.criteria, party, step, extensionId),
      );
      return body ? { event: filter.uri, body } : null;
    }
    case 'presence': {
      const detailed =
        filter.kind === 'extensionPresence' || filter.kind === 'accountPresence' ? filter.detailed : false;
      if (filter.kind === 'extensionPresence' && filter.extensionId !== live.extensionId) return null;
      if (filter.kind !== 'extensionPresence' && filter.kind !== 'accountPresence') return null;
      if (!detailed && !live.basicChanged) return null;
      const body = {
        ...presenceEventBody(live.extensionId, live.presence, live.sequence, detailed),
        ownerId,
      };
      // Account presence events name the extension they are about, as RingCentral's examples do.
      const event =
        filter.kind === 'accountPresence'
          ? `/restapi/v1.0/account/${accountId}/extension/${live.extensionId}/presence${detailed ? '?detailedTelephonyState=true' : ''}`
          : filter.uri;
      return { event, body };
    }
    case 'queuePresence': {
      if (filter.kind !== 'queuePresence' || filter.queueId !== live.queueId) return null;
      return {
        event: filter.uri,
        body: { extensionId: live.extensionId, callQueueId: live.queueId, acceptCalls: live.acceptCalls },
      };
    }
  }
}

function partyMatches(
  criteria: TelephonyCriteria,
  party: Record<string, unknown>,
  step: PartyStep,
  extensionId: string | null,
): boolean {
  if (extensionId !== null && party.extensionId !== extensionId) return false;
  if (criteria.withRecordings) return false;
  if (criteria.direction && party.direction !== criteria.direction) return false;
  if (criteria.missedCall !== undefined && (step.missedCall === true) !== criteria.missedCall) return false;
  if (criteria.statusCode && step.code !== criteria.statusCode) return false;
  if (criteria.phoneNumber) {
    const numbers = [party.from, party.to].map((end) => (end as { phoneNumber?: string }).phoneNumber);
    if (!numbers.includes(criteria.phoneNumber)) return false;
  }
  return true;
}
