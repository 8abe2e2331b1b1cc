/**
 * The Business Analytics API's vocabulary, shared by the app and the emulator: request enum values
 * (PascalCase, as the API's filters spell them) and the breakdown keys the responses use for the same
 * things. One table per dimension, so a tile definition, the request validator and the engine can
 * never disagree about a name. Source: RingCentral's OpenAPI spec (test/fixtures/ringcentral/).
 */

export const DIRECTIONS = ['Inbound', 'Outbound'] as const;
export const ORIGINS = ['Internal', 'External'] as const;
export const RESPONSES = ['Answered', 'NotAnswered', 'Connected', 'NotConnected'] as const;
export const RESULTS = [
  'Completed',
  'Abandoned',
  'Voicemail',
  'Unknown',
  'Missed',
  'Accepted',
  'Transferred',
  'PickedUp',
  'Forwarded',
  'AnsweredElsewhere',
] as const;
export const CALL_TYPES = [
  'Direct',
  'FromQueue',
  'ParkRetrieval',
  'Transferred',
  'Outbound',
  'Overflow',
  'QueueCallPickup',
] as const;
export const HOURS_OPTIONS = ['BusinessHours', 'AfterHours'] as const;
export const QUEUE_SLA = ['InSla', 'OutSla'] as const;
export const ENDING_PARTIES = ['Caller', 'Callee', 'System'] as const;
export const SEGMENTS = [
  'Ringing',
  'LiveTalk',
  'Hold',
  'Park',
  'Transfer',
  'IvrPrompt',
  'Voicemail',
  'VmGreeting',
  'Setup',
  'Forwarding',
] as const;
export const SEGMENT_KEYS = [
  'ringing',
  'liveTalk',
  'hold',
  'park',
  'transfer',
  'ivrPrompt',
  'voicemail',
  'vmGreeting',
  'setup',
  'forwarding',
] as const;
export const ACTIONS = [
  'HoldOff',
  'HoldOn',
  'ParkOn',
  'ParkOff',
  'BlindTransfer',
  'WarmTransfer',
  'DTMFTransfer',
] as const;
export const ACTION_KEYS = [
  'holdOff',
  'holdOn',
  'parkOn',
  'parkOff',
  'blindTransfer',
  'warmTransfer',
  'dtmfTransfer',
] as const;
export const DAYS_OF_WEEK = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;
export const INTERVALS = ['Hour', 'Day', 'Week', 'Month'] as const;
export const AGGREGATION_TYPES = ['Sum', 'Average', 'Max', 'Min', 'Percent'] as const;
export const GROUP_BY = [
  'Company',
  'CompanyNumbers',
  'Users',
  'Queues',
  'IVRs',
  'IVAs',
  'SharedLines',
  'UserGroups',
  'Sites',
  'Departments',
] as const;
export const GROUP_BY_MEMBERS = ['Department', 'UserGroup', 'Queue', 'Site'] as const;

/** The largest page each analytics endpoint serves (OpenAPI: perPage maximum). */
export const PER_PAGE_MAX = { aggregate: 200, timeline: 20 } as const;

export type Direction = (typeof DIRECTIONS)[number];
export type Interval = (typeof INTERVALS)[number];
export type AggregationType = (typeof AGGREGATION_TYPES)[number];
export type GroupBy = (typeof GROUP_BY)[number];
export type GroupByMembers = (typeof GROUP_BY_MEMBERS)[number];
export type SegmentKey = (typeof SEGMENT_KEYS)[number];
export type ActionKey = (typeof ACTION_KEYS)[number];

/** Response breakdown keys, in the order the API lists them. */
export const BREAKDOWN_KEYS = {
  direction: ['inbound', 'outbound'],
  origin: ['internal', 'external'],
  response: ['answered', 'notAnswered', 'connected', 'notConnected'],
  result: [
    'completed',
    'abandoned',
    'voicemail',
    'unknown',
    'missed',
    'accepted',
    'transferred',
    'pickedUp',
    'forwarded',
    'answeredElsewhere',
  ],
  type: ['direct', 'fromQueue', 'parkRetrieval', 'transferred', 'outbound', 'overflow', 'queueCallPickup'],
  companyHours: ['businessHours', 'afterHours'],
  queueSla: ['inSla', 'outOfSla'],
  endingParty: ['caller', 'callee', 'system'],
  queueHours: ['businessHours', 'afterHours'],
  segment: SEGMENT_KEYS,
  action: ACTION_KEYS,
} as const satisfies Record<string, readonly string[]>;

export type MetricFamily = 'counters' | 'timers';

/** One metric of the API: its request name, the name its value comes back under, and its breakdown keys. */
export interface MetricInfo {
  readonly family: MetricFamily;
  readonly request: string;
  readonly response: string;
  /** null for a scalar metric (allCalls, queueOpportunities). */
  readonly keys: readonly string[] | null;
}

const BREAKDOWNS: Array<[counter: string, timer: string, response: string, keys: readonly string[]]> = [
  ['callsByDirection', 'callsDurationByDirection', 'callsByDirection', BREAKDOWN_KEYS.direction],
  ['callsByOrigin', 'callsDurationByOrigin', 'callsByOrigin', BREAKDOWN_KEYS.origin],
  ['callsByResponse', 'callsDurationByResponse', 'callsByResponse', BREAKDOWN_KEYS.response],
  ['callsSegments', 'callsSegmentsDuration', 'callsSegments', BREAKDOWN_KEYS.segment],
  ['callsByResult', 'callsDurationByResult', 'callsByResult', BREAKDOWN_KEYS.result],
  ['callsByCompanyHours', 'callsDurationByCompanyHours', 'callsByCompanyHours', BREAKDOWN_KEYS.companyHours],
  ['callsByQueueSla', 'callsDurationByQueueSla', 'callsByQueueSla', BREAKDOWN_KEYS.queueSla],
  ['callsByType', 'callsDurationByType', 'callsByType', BREAKDOWN_KEYS.type],
  ['callsByEndingParty', 'callsDurationByEndingParty', 'callsByEndingParty', BREAKDOWN_KEYS.endingParty],
  ['callsByQueueHours', 'callsDurationByQueueHours', 'callsByQueueHours', BREAKDOWN_KEYS.queueHours],
];

/** Every counter and timer, keyed by request name (request names are unique across both families). */
export const METRICS: ReadonlyMap<string, MetricInfo> = new Map(
  [
    { family: 'counters', request: 'allCalls', response: 'allCalls', keys: null },
    ...BREAKDOWNS.map(([request, , response, keys]) => ({ family: 'counters', request, response, keys })),
    { family: 'counters', request: 'callsByActions', response: 'callsActions', keys: BREAKDOWN_KEYS.action },
    { family: 'counters', request: 'queueOpportunities', response: 'queueOpportunities', keys: null },
    { family: 'timers', request: 'allCallsDuration', response: 'allCalls', keys: null },
    ...BREAKDOWNS.map(([, request, response, keys]) => ({ family: 'timers', request, response, keys })),
  ].map((metric) => [metric.request, metric as MetricInfo]),
);
