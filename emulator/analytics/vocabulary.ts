/**
 * The emulator's view of the analytics vocabulary: the enums come from the shared contract; this module
 * adds the dimension table (category indexes) the engine tallies by.
 */
import {
  BREAKDOWN_KEYS,
  CALL_TYPES,
  DIRECTIONS,
  ENDING_PARTIES,
  HOURS_OPTIONS,
  ORIGINS,
  QUEUE_SLA,
  RESPONSES,
  RESULTS,
} from '../../contract/api-vocabulary';

export * from '../../contract/api-vocabulary';

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
  ['direction', DIRECTIONS, BREAKDOWN_KEYS.direction],
  ['origin', ORIGINS, BREAKDOWN_KEYS.origin],
  ['response', RESPONSES, BREAKDOWN_KEYS.response],
  ['result', RESULTS, BREAKDOWN_KEYS.result],
  ['type', CALL_TYPES, BREAKDOWN_KEYS.type],
  ['companyHours', HOURS_OPTIONS, BREAKDOWN_KEYS.companyHours],
  ['queueSla', QUEUE_SLA, BREAKDOWN_KEYS.queueSla],
  ['endingParty', ENDING_PARTIES, BREAKDOWN_KEYS.endingParty],
  ['queueHours', HOURS_OPTIONS, BREAKDOWN_KEYS.queueHours],
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
