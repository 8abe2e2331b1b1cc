import type { Slot } from './tally';
import {
  ACTION_KEYS,
  CATEGORY_ALL,
  DIMENSIONS,
  SEGMENT_KEYS,
  category,
  type DimensionName,
} from './vocabulary';

/**
 * Every counter and timer the API offers: its request name, its response name, and the parts of its
 * value, each with the slot it reads and the category whose count (or seconds) is the Percent
 * denominator (DESIGN.md §3).
 */

export interface MetricPart {
  /** Breakdown key in the response, or null for a scalar metric. */
  readonly key: string | null;
  readonly slot: Slot;
  readonly denominator: number;
}

export interface MetricDefinition {
  readonly request: string;
  readonly response: string;
  readonly parts: readonly MetricPart[];
  readonly scalar: boolean;
  /** queueOpportunities takes Sum only. */
  readonly sumOnly?: boolean;
}

const INBOUND = category('direction', 'Inbound');
const OUTBOUND = category('direction', 'Outbound');
const ANSWERED = category('response', 'Answered');
const NOT_ANSWERED = category('response', 'NotAnswered');

function dimensionParts(name: DimensionName, denominatorOf: (key: string) => number): MetricPart[] {
  const dimension = DIMENSIONS[name];
  return dimension.keys.map((key, i) => ({
    key,
    slot: { kind: 'category', index: dimension.offset + i },
    denominator: denominatorOf(key),
  }));
}

const ofAll = () => CATEGORY_ALL;

const responseDenominator = (key: string) =>
  key === 'answered' || key === 'notAnswered' ? INBOUND : OUTBOUND;
const resultDenominator = (key: string) => (key === 'completed' ? ANSWERED : NOT_ANSWERED);

const segmentParts: MetricPart[] = SEGMENT_KEYS.map((key, index) => ({
  key,
  slot: { kind: 'segment', index },
  denominator: key === 'voicemail' || key === 'vmGreeting' ? NOT_ANSWERED : ANSWERED,
}));

const actionParts: MetricPart[] = ACTION_KEYS.map((key, index) => ({
  key,
  slot: { kind: 'action', index },
  denominator: ANSWERED,
}));

const allCallsPart: MetricPart = {
  key: null,
  slot: { kind: 'category', index: CATEGORY_ALL },
  denominator: CATEGORY_ALL,
};

function breakdown(request: string, response: string, parts: MetricPart[]): MetricDefinition {
  return { request, response, parts, scalar: false };
}

const sharedBreakdowns = (prefix: 'counter' | 'timer') => {
  const name = (counter: string, timer: string) => (prefix === 'counter' ? counter : timer);
  return [
    breakdown(
      name('callsByDirection', 'callsDurationByDirection'),
      'callsByDirection',
      dimensionParts('direction', ofAll),
    ),
    breakdown(
      name('callsByOrigin', 'callsDurationByOrigin'),
      'callsByOrigin',
      dimensionParts('origin', ofAll),
    ),
    breakdown(
      name('callsByResponse', 'callsDurationByResponse'),
      'callsByResponse',
      dimensionParts('response', responseDenominator),
    ),
    breakdown(name('callsSegments', 'callsSegmentsDuration'), 'callsSegments', segmentParts),
    breakdown(
      name('callsByResult', 'callsDurationByResult'),
      'callsByResult',
      dimensionParts('result', resultDenominator),
    ),
    breakdown(
      name('callsByCompanyHours', 'callsDurationByCompanyHours'),
      'callsByCompanyHours',
      dimensionParts('companyHours', ofAll),
    ),
    breakdown(
      name('callsByQueueSla', 'callsDurationByQueueSla'),
      'callsByQueueSla',
      dimensionParts('queueSla', ofAll),
    ),
    breakdown(name('callsByType', 'callsDurationByType'), 'callsByType', dimensionParts('type', ofAll)),
    breakdown(
      name('callsByEndingParty', 'callsDurationByEndingParty'),
      'callsByEndingParty',
      dimensionParts('endingParty', ofAll),
    ),
    breakdown(
      name('callsByQueueHours', 'callsDurationByQueueHours'),
      'callsByQueueHours',
      dimensionParts('queueHours', ofAll),
    ),
  ];
};

export const COUNTERS: readonly MetricDefinition[] = [
  { request: 'allCalls', response: 'allCalls', parts: [allCallsPart], scalar: true },
  ...sharedBreakdowns('counter'),
  breakdown('callsByActions', 'callsActions', actionParts),
  {
    request: 'queueOpportunities',
    response: 'queueOpportunities',
    parts: [{ key: null, slot: { kind: 'queueOpportunities' }, denominator: CATEGORY_ALL }],
    scalar: true,
    sumOnly: true,
  },
];

export const TIMERS: readonly MetricDefinition[] = [
  { request: 'allCallsDuration', response: 'allCalls', parts: [allCallsPart], scalar: true },
  ...sharedBreakdowns('timer'),
];

export const COUNTER_NAMES = COUNTERS.map((metric) => metric.request);
export const TIMER_NAMES = TIMERS.map((metric) => metric.request);

const byName = (list: readonly MetricDefinition[]) => new Map(list.map((metric) => [metric.request, metric]));
export const COUNTERS_BY_NAME = byName(COUNTERS);
export const TIMERS_BY_NAME = byName(TIMERS);
