import type { CallFilters } from './api-request';

/**
 * The KPIs Callboard knows by name (DESIGN.md §5), each defined as a metric expression so the KPI
 * engine and the planner treat named KPIs and users' own formulas the same way. A KPI with
 * `filters` needs calls narrowed first (e.g. ringing seconds of answered calls only); the planner
 * adds those filters to the tile's own and gives the KPI its own request group.
 */

export const KPI_IDS = [
  'offered',
  'answered',
  'answerRate',
  'serviceLevel',
  'abandoned',
  'abandonRate',
  'missed',
  'voicemail',
  'avgTimeToAnswer',
  'longestWait',
  'aht',
  'avgTalk',
  'avgHold',
  'holdRate',
  'transferRate',
  'afterHoursShare',
  'outbound',
  'connectRate',
  'agentAnswerRate',
  'totalCalls',
] as const;

export type KpiId = (typeof KPI_IDS)[number];
export type Unit = 'count' | 'percent' | 'seconds';

export interface KpiDefinition {
  readonly label: string;
  /** For narrow places (table headers, legends): at most 12 characters; the full label goes beside it. */
  readonly short: string;
  readonly unit: Unit;
  readonly expression: string;
  readonly filters?: CallFilters;
  /** Whether a higher value is the good direction; sets the default threshold direction. */
  readonly higherIsBetter: boolean | null;
  /** Where the KPI means something, shown next to it in the settings window. */
  readonly note?: string;
}

export const KPIS: Readonly<Record<KpiId, KpiDefinition>> = {
  offered: {
    label: 'Offered',
    short: 'Offered',
    unit: 'count',
    expression: 'callsByDirection.inbound',
    higherIsBetter: null,
  },
  answered: {
    label: 'Answered',
    short: 'Answered',
    unit: 'count',
    expression: 'callsByResponse.answered',
    higherIsBetter: true,
  },
  answerRate: {
    label: 'Answer rate',
    short: 'Answer %',
    unit: 'percent',
    expression: '100 * callsByResponse.answered / callsByDirection.inbound',
    higherIsBetter: true,
  },
  serviceLevel: {
    label: 'Service level',
    short: 'Service lvl',
    unit: 'percent',
    expression: '100 * callsByQueueSla.inSla / (callsByQueueSla.inSla + callsByQueueSla.outOfSla)',
    higherIsBetter: true,
    note: 'Queues only: SLA is measured against each queue’s threshold',
  },
  abandoned: {
    label: 'Abandoned',
    short: 'Abandoned',
    unit: 'count',
    expression: 'callsByResult.abandoned',
    higherIsBetter: false,
  },
  abandonRate: {
    label: 'Abandon rate',
    short: 'Abandon %',
    unit: 'percent',
    expression: '100 * callsByResult.abandoned / callsByDirection.inbound',
    higherIsBetter: false,
  },
  missed: {
    label: 'Missed',
    short: 'Missed',
    unit: 'count',
    expression: 'callsByResult.missed',
    higherIsBetter: false,
  },
  voicemail: {
    label: 'Voicemail',
    short: 'Voicemail',
    unit: 'count',
    expression: 'callsByResult.voicemail',
    higherIsBetter: false,
  },
  avgTimeToAnswer: {
    label: 'Avg time to answer',
    short: 'ASA',
    unit: 'seconds',
    expression: 'callsSegmentsDuration.ringing / callsByResponse.answered',
    filters: { callResponses: ['Answered'] },
    higherIsBetter: false,
  },
  longestWait: {
    label: 'Longest wait (completed calls)',
    short: 'Longest wait',
    unit: 'seconds',
    expression: 'callsSegmentsDuration.ringing@Max',
    higherIsBetter: false,
  },
  aht: {
    label: 'Avg handle time',
    short: 'AHT',
    unit: 'seconds',
    expression: '(callsSegmentsDuration.liveTalk + callsSegmentsDuration.hold) / callsByResponse.answered',
    higherIsBetter: false,
  },
  avgTalk: {
    label: 'Avg talk',
    short: 'Avg talk',
    unit: 'seconds',
    expression: 'callsSegmentsDuration.liveTalk@Average',
    higherIsBetter: null,
  },
  avgHold: {
    label: 'Avg hold',
    short: 'Avg hold',
    unit: 'seconds',
    expression: 'callsSegmentsDuration.hold@Average',
    higherIsBetter: false,
  },
  holdRate: {
    label: 'Hold rate',
    short: 'Hold %',
    unit: 'percent',
    expression: '100 * callsSegments.hold / callsByResponse.answered',
    higherIsBetter: false,
  },
  transferRate: {
    label: 'Transfer rate',
    short: 'Transfer %',
    unit: 'percent',
    expression: '100 * callsSegments.transfer / callsByResponse.answered',
    higherIsBetter: false,
  },
  afterHoursShare: {
    label: 'After-hours share',
    short: 'After hours',
    unit: 'percent',
    expression: '100 * callsByCompanyHours.afterHours / allCalls',
    higherIsBetter: null,
  },
  outbound: {
    label: 'Outbound',
    short: 'Outbound',
    unit: 'count',
    expression: 'callsByDirection.outbound',
    higherIsBetter: null,
  },
  connectRate: {
    label: 'Connect rate',
    short: 'Connect %',
    unit: 'percent',
    expression: '100 * callsByResponse.connected / callsByDirection.outbound',
    higherIsBetter: true,
  },
  agentAnswerRate: {
    label: 'Agent answer rate',
    short: 'Answer %',
    unit: 'percent',
    expression: '100 * callsByResponse.answered / queueOpportunities',
    higherIsBetter: true,
    note: 'Users or groupByMembers: answered out of calls the queue offered the agent',
  },
  totalCalls: {
    label: 'All calls',
    short: 'Calls',
    unit: 'count',
    expression: 'allCalls',
    higherIsBetter: null,
  },
};
