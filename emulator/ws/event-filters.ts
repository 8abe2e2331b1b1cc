import type { Directory } from '../data/directory';
import type { Permission } from '../http/permissions';

/**
 * The event filters the gateway delivers, parsed from their RingCentral URIs, with the app
 * permission each needs: account or extension telephony sessions (CallControl), extension presence,
 * account presence and call-queue presence (ReadPresence). `~` is resolved to the account and the
 * signed-in extension, as RingCentral lists filters back in a subscription.
 */

const TELEPHONY_CODES = [
  'Setup',
  'Proceeding',
  'Answered',
  'Disconnected',
  'Gone',
  'Parked',
  'Hold',
  'VoiceMail',
  'FaxReceive',
  'VoiceMailScreening',
] as const;

export interface TelephonyCriteria {
  readonly direction?: 'Inbound' | 'Outbound';
  readonly missedCall?: boolean;
  readonly statusCode?: string;
  readonly phoneNumber?: string;
  /** `withRecordings=true`: the emulator records nothing, so nothing matches. */
  readonly withRecordings?: boolean;
}

export type EventFilter =
  | { kind: 'accountTelephony'; uri: string; criteria: TelephonyCriteria }
  | { kind: 'extensionTelephony'; uri: string; extensionId: string; criteria: TelephonyCriteria }
  | { kind: 'extensionPresence'; uri: string; extensionId: string; detailed: boolean }
  | { kind: 'accountPresence'; uri: string; detailed: boolean }
  | { kind: 'queuePresence'; uri: string; queueId: string };

export type FilterParse = { ok: true; filter: EventFilter } | { ok: false; message: string };

export const MAX_FILTER_LENGTH = 1000;

export function permissionOf(filter: EventFilter): Permission {
  return filter.kind === 'accountTelephony' || filter.kind === 'extensionTelephony'
    ? 'CallControl'
    : 'ReadPresence';
}

export function parseEventFilter(raw: string, directory: Directory, ownerId: string): FilterParse {
  if (raw.length > MAX_FILTER_LENGTH) return fail(`is longer than ${MAX_FILTER_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(raw, 'http://filter.invalid');
  } catch {
    return fail('is not an event filter URI');
  }
  if (!raw.startsWith('/restapi/v1.0/')) return fail('must start with /restapi/v1.0/');
  const parts = url.pathname.replace(/\/+$/, '').split('/').slice(3);
  if (parts[0] !== 'account' || !parts[1])
    return fail(`is not an event filter the emulator supports${SUPPORTED}`);
  const account = parts[1] === '~' ? directory.account.id : parts[1];
  if (account !== directory.account.id) return fail(`names account [${parts[1]}], not this account`);
  const base = `/restapi/v1.0/account/${account}`;
  const rest = parts.slice(2).join('/');
  const query = url.searchParams;
  if (rest === 'telephony/sessions') {
    return withCriteria(query, (criteria, q) => ({
      kind: 'accountTelephony',
      uri: `${base}/telephony/sessions${q}`,
      criteria,
    }));
  }
  if (rest === 'presence') {
    return withDetailed(query, (detailed, q) => ({
      kind: 'accountPresence',
      uri: `${base}/presence${q}`,
      detailed,
    }));
  }
  const extension = /^extension\/([^/]+)\/(telephony\/sessions|presence)$/.exec(rest);
  if (extension) {
    const id = extension[1] === '~' ? ownerId : extension[1]!;
    if (!directory.get(id)) return fail(`names extension [${extension[1]}], which is not found`);
    const path = `${base}/extension/${id}/${extension[2]}`;
    return extension[2] === 'presence'
      ? withDetailed(query, (detailed, q) => ({
          kind: 'extensionPresence',
          uri: `${path}${q}`,
          extensionId: id,
          detailed,
        }))
      : withCriteria(query, (criteria, q) => ({
          kind: 'extensionTelephony',
          uri: `${path}${q}`,
          extensionId: id,
          criteria,
        }));
  }
  const queue = /^call-queues\/([^/]+)\/presence$/.exec(rest);
  if (queue) {
    const found = directory.get(queue[1]!);
    if (found?.type !== 'Department') return fail(`names call queue [${queue[1]}], which is not found`);
    if ([...query.keys()].length > 0) return fail('takes no query parameters');
    return {
      ok: true,
      filter: { kind: 'queuePresence', uri: `${base}/call-queues/${found.id}/presence`, queueId: found.id },
    };
  }
  return fail(`is not an event filter the emulator supports${SUPPORTED}`);
}

const SUPPORTED =
  ' (account/~/telephony/sessions, account/~/extension/{id}/telephony/sessions, account/~/extension/{id}/presence, account/~/presence, account/~/call-queues/{groupId}/presence)';

function fail(message: string): FilterParse {
  return { ok: false, message };
}

const BOOLEAN = /^(true|false)$/;

function unknownParameter(query: URLSearchParams, allowed: readonly string[]): string | null {
  return [...query.keys()].find((key) => !allowed.includes(key)) ?? null;
}

function canonicalQuery(query: URLSearchParams): string {
  const text = query.toString();
  return text ? `?${text}` : '';
}

function withDetailed(
  query: URLSearchParams,
  make: (detailed: boolean, query: string) => EventFilter,
): FilterParse {
  const unknown = unknownParameter(query, ['detailedTelephonyState', 'sipData']);
  if (unknown) return fail(`has query parameter [${unknown}], which presence filters do not take`);
  for (const [key, value] of query)
    if (!BOOLEAN.test(value)) return fail(`has ${key}=${value}; expected true or false`);
  return { ok: true, filter: make(query.get('detailedTelephonyState') === 'true', canonicalQuery(query)) };
}

function withCriteria(
  query: URLSearchParams,
  make: (criteria: TelephonyCriteria, query: string) => EventFilter,
): FilterParse {
  const unknown = unknownParameter(query, [
    'direction',
    'missedCall',
    'phoneNumber',
    'sipData',
    'statusCode',
    'withRecordings',
  ]);
  if (unknown) return fail(`has query parameter [${unknown}], which telephony session filters do not take`);
  const direction = query.get('direction');
  if (direction !== null && direction !== 'Inbound' && direction !== 'Outbound') {
    return fail(`has direction=${direction}; expected Inbound or Outbound`);
  }
  const statusCode = query.get('statusCode');
  if (statusCode !== null && !(TELEPHONY_CODES as readonly string[]).includes(statusCode)) {
    return fail(`has statusCode=${statusCode}; expected one of ${TELEPHONY_CODES.join(', ')}`);
  }
  for (const key of ['missedCall', 'sipData', 'withRecordings']) {
    const value = query.get(key);
    if (value !== null && !BOOLEAN.test(value)) return fail(`has ${key}=${value}; expected true or false`);
  }
  const criteria: TelephonyCriteria = {
    ...(direction ? { direction } : {}),
    ...(query.has('missedCall') ? { missedCall: query.get('missedCall') === 'true' } : {}),
    ...(statusCode ? { statusCode } : {}),
    ...(query.get('phoneNumber') ? { phoneNumber: query.get('phoneNumber')! } : {}),
    ...(query.get('withRecordings') === 'true' ? { withRecordings: true } : {}),
  };
  return { ok: true, filter: make(criteria, canonicalQuery(query)) };
}
