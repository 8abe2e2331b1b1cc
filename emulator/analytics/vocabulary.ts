/**
 * The analytics vocabulary: request enum values (PascalCase, as the API's filters spell them) and the
 * breakdown keys the responses use for the same things. One table per dimension, so the request
 * validator, the call-file reader and the engine can never disagree about a name.
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

export type Direction = (typeof DIRECTIONS)[number];
export type Interval = (typeof INTERVALS)[number];
export type AggregationType = (typeof AGGREGATION_TYPES)[number];
export type GroupBy = (typeof GROUP_BY)[number];
export type GroupByMembers = (typeof GROUP_BY_MEMBERS)[number];
export type SegmentKey = (typeof SEGMENT_KEYS)[number];
export type ActionKey = (typeof ACTION_KEYS)[number];

/**
 * A categorical dimension of a call view. `scope: 'call'` dimensions (origin, company hours) belong to
 * the call and are shared by every view of it; the rest belong to the view.
 */
export interface Dimension {
  readonly name: DimensionName;
  readonly values: readonly string[];
  readonly keys: readonly string[];
  /** Index of the first category of this dimension in a tally's category arrays. */
  readonly offset: number;
}

export type DimensionName =
  | 'direction'
  | 'origin'
  | 'response'
  | 'result'
  | 'type'
  | 'companyHours'
  | 'queueSla'
  | 'endingParty'
  | 'queueHours';

const DIMENSION_SPECS: Array<[DimensionName, readonly string[], readonly string[]]> = [
  ['direction', DIRECTIONS, ['inbound', 'outbound']],
  ['origin', ORIGINS, ['internal', 'external']],
  ['response', RESPONSES, ['answered', 'notAnswered', 'connected', 'notConnected']],
  [
    'result',
    RESULTS,
    [
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
  ],
  [
    'type',
    CALL_TYPES,
    ['direct', 'fromQueue', 'parkRetrieval', 'transferred', 'outbound', 'overflow', 'queueCallPickup'],
  ],
  ['companyHours', HOURS_OPTIONS, ['businessHours', 'afterHours']],
  ['queueSla', QUEUE_SLA, ['inSla', 'outOfSla']],
  ['endingParty', ENDING_PARTIES, ['caller', 'callee', 'system']],
  ['queueHours', HOURS_OPTIONS, ['businessHours', 'afterHours']],
];

/** Category 0 is "all views"; each dimension's categories follow. */
export const CATEGORY_ALL = 0;

function buildDimensions(): Record<DimensionName, Dimension> {
  let offset = 1;
  const result = {} as Record<DimensionName, Dimension>;
  for (const [name, values, keys] of DIMENSION_SPECS) {
    result[name] = { name, values, keys, offset };
    offset += values.length;
  }
  return result;
}

export const DIMENSIONS = buildDimensions();
export const CATEGORY_COUNT = 1 + DIMENSION_SPECS.reduce((sum, [, values]) => sum + values.length, 0);

/** Category index of a dimension value, e.g. category('response', 'Answered'). */
export function category(dimension: DimensionName, value: string): number {
  const dim = DIMENSIONS[dimension];
  const index = dim.values.indexOf(value);
  if (index < 0) throw new Error(`Unknown ${dimension} value ${value}`);
  return dim.offset + index;
}
