import type { CompiledCall, CompiledView } from '../data/calls';
import type { CallFilters } from './request-schema';
import { ACTIONS, DIMENSIONS, SEGMENTS, type DimensionName } from './vocabulary';

/**
 * `callFilters` as two predicates: one on the call (origin, company hours, duration, called number,
 * queues) and one on the view a record sees (everything else). Filters are joined by AND, the values
 * inside one filter by OR; an empty list filters nothing (RingCentral's published samples send `[]`).
 */

export interface CompiledFilters {
  call: ((call: CompiledCall) => boolean) | null;
  view: ((view: CompiledView, call: CompiledCall) => boolean) | null;
}

type Range = { minSeconds?: number | undefined; maxSeconds?: number | undefined } | undefined;

function within(value: number, range: Range): boolean {
  if (!range) return true;
  if (range.minSeconds !== undefined && value < range.minSeconds) return false;
  if (range.maxSeconds !== undefined && value > range.maxSeconds) return false;
  return true;
}

function indexSet(dimension: DimensionName, values: readonly string[] | undefined): Set<number> | null {
  if (!values || values.length === 0) return null;
  return new Set(values.map((value) => DIMENSIONS[dimension].values.indexOf(value)));
}

function listSet(values: readonly string[] | undefined): Set<string> | null {
  return values && values.length > 0 ? new Set(values) : null;
}

function all<T extends unknown[]>(
  checks: Array<((...args: T) => boolean) | null>,
): ((...args: T) => boolean) | null {
  const active = checks.filter((check): check is (...args: T) => boolean => check !== null);
  if (active.length === 0) return null;
  return (...args: T) => active.every((check) => check(...args));
}

export function compileFilters(filters: CallFilters): CompiledFilters {
  return { call: compileCallFilter(filters), view: compileViewFilter(filters) };
}

function compileCallFilter(filters: CallFilters): CompiledFilters['call'] {
  const origins = indexSet('origin', filters.origins);
  const companyHours = indexSet('companyHours', filters.companyHours);
  const numbers = listSet(filters.calledNumbers);
  const queues = listSet(filters.queues);
  return all<[CompiledCall]>([
    origins && ((call) => origins.has(call.origin)),
    companyHours && ((call) => companyHours.has(call.companyHours)),
    filters.callDuration ? (call) => within(call.duration, filters.callDuration) : null,
    numbers && ((call) => call.calledNumber !== undefined && numbers.has(call.calledNumber)),
    queues &&
      ((call) => call.legs.some((leg) => leg.extensionId !== undefined && queues.has(leg.extensionId))),
  ]);
}

function dimensionCheck(
  dimension: DimensionName,
  values: readonly string[] | undefined,
  read: (view: CompiledView) => number,
): ((view: CompiledView) => boolean) | null {
  const wanted = indexSet(dimension, values);
  return wanted && ((view) => wanted.has(read(view)));
}

function compileViewFilter(filters: CallFilters): CompiledFilters['view'] {
  const segments = filters.callSegments?.length
    ? filters.callSegments.map((f) => ({ index: SEGMENTS.indexOf(f.segment), length: f.length }))
    : null;
  const actions = filters.callActions?.length ? filters.callActions.map((a) => ACTIONS.indexOf(a)) : null;
  return all<[CompiledView, CompiledCall]>([
    dimensionCheck('direction', filters.directions, (v) => v.direction),
    dimensionCheck('response', filters.callResponses, (v) => v.response),
    dimensionCheck('result', filters.callResults, (v) => v.result),
    dimensionCheck('type', filters.callTypes, (v) => v.type),
    dimensionCheck('queueSla', filters.queueSla, (v) => v.queueSla),
    dimensionCheck('endingParty', filters.endingParties, (v) => v.endingParty),
    dimensionCheck('queueHours', filters.queueHours, (v) => v.queueHours),
    segments &&
      ((view) =>
        segments.some(
          ({ index, length }) => view.segments[index]! > 0 && within(view.segments[index]!, length),
        )),
    actions && ((view) => actions.some((index) => view.actions[index]! > 0)),
    filters.timeSpent ? (view) => within(view.timeSpent, filters.timeSpent) : null,
    extensionFilter(filters.extensionFilters),
  ]);
}

const INBOUND = 0;
const OUTBOUND = 1;
const ANSWERED = 0;

/**
 * `fromIds`: inbound views of calls placed by one of these extensions (the call's outbound leg);
 * `toIds`: outbound views of calls first accepted by one of these extensions.
 */
function extensionFilter(
  filter: CallFilters['extensionFilters'],
): ((view: CompiledView, call: CompiledCall) => boolean) | null {
  const fromIds = listSet(filter?.fromIds);
  const toIds = listSet(filter?.toIds);
  if (!fromIds && !toIds) return null;
  return (view, call) => {
    if (fromIds) {
      if (view.direction !== INBOUND) return false;
      const caller = call.legs.find((leg) => leg.direction === OUTBOUND);
      if (!caller?.extensionId || !fromIds.has(caller.extensionId)) return false;
    }
    if (toIds) {
      if (view.direction !== OUTBOUND) return false;
      const callee = call.legs.find((leg) => leg.direction === INBOUND && leg.response === ANSWERED);
      if (!callee?.extensionId || !toIds.has(callee.extensionId)) return false;
    }
    return true;
  };
}
