import type { Call, CallView } from '../data/calls';

/** Building blocks of a synthetic call in the call file format (docs/emulator-data.md). */

export type Leg = CallView & { extensionId: string };
export type SyntheticCall = Call & { legs: Leg[] };

export function view(fields: Partial<CallView>): CallView {
  return { timeSpent: 0, queueOpportunities: 0, segments: {}, actions: {}, ...dropZeros(fields) };
}

function dropZeros(fields: Partial<CallView>): Partial<CallView> {
  const segments = fields.segments
    ? Object.fromEntries(Object.entries(fields.segments).filter(([, seconds]) => seconds > 0))
    : undefined;
  return segments ? { ...fields, segments } : fields;
}

export function leg(
  extensionId: string,
  direction: CallView['direction'],
  response: CallView['response'],
  result: CallView['result'],
  type: CallView['type'],
  timeSpent: number,
  segments: Record<string, number>,
): Leg {
  return { ...view({ direction, response, result, type, timeSpent, segments }), extensionId };
}

export function inboundMissed(result: CallView['result'], timeSpent: number): Partial<CallView> {
  return {
    direction: 'Inbound',
    response: 'NotAnswered',
    result,
    type: 'Direct',
    timeSpent,
    endingParty: 'Caller',
  };
}

/** A new call of the day `date` (its id numbers the day's calls in order of arrival). */
export function newCall(
  id: string,
  time: number,
  origin: Call['origin'],
  companyHours: Call['companyHours'],
  calledNumber: string | undefined,
): SyntheticCall {
  return {
    id,
    startTime: new Date(time).toISOString(),
    duration: 0,
    origin,
    calledNumber,
    companyHours,
    company: view({}),
    legs: [],
  };
}
