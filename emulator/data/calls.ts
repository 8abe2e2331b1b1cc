import { z } from 'zod';
import {
  ACTION_KEYS,
  CALL_TYPES,
  DIMENSIONS,
  DIRECTIONS,
  ENDING_PARTIES,
  HOURS_OPTIONS,
  ORIGINS,
  QUEUE_SLA,
  RESPONSES,
  RESULTS,
  SEGMENT_KEYS,
  type DimensionName,
} from '../analytics/vocabulary';
import { errorText } from '../../contract/error-text';

/**
 * The call file format (JSON Lines, one call per line; docs/emulator-data.md) and its compiled,
 * engine-friendly form. Compiling turns enum strings into small integers once, at load time, so the
 * engine's inner loop only indexes arrays.
 */

const seconds = z.number().nonnegative();
const breakdownOf = (keys: readonly string[]) =>
  z.record(z.string(), seconds).superRefine((value, ctx) => {
    for (const key of Object.keys(value)) {
      if (!keys.includes(key)) {
        ctx.addIssue({ code: 'custom', message: `unknown key "${key}"; expected one of ${keys.join(', ')}` });
      }
    }
  });

export const CallViewSchema = z.object({
  extensionId: z.string().min(1).optional(),
  direction: z.enum(DIRECTIONS).optional(),
  response: z.enum(RESPONSES).optional(),
  result: z.enum(RESULTS).optional(),
  type: z.enum(CALL_TYPES).optional(),
  timeSpent: seconds.default(0),
  queueSla: z.enum(QUEUE_SLA).optional(),
  queueHours: z.enum(HOURS_OPTIONS).optional(),
  endingParty: z.enum(ENDING_PARTIES).optional(),
  queueOpportunities: seconds.default(0),
  segments: breakdownOf(SEGMENT_KEYS).default({}),
  actions: breakdownOf(ACTION_KEYS).default({}),
});

export const CallSchema = z.object({
  id: z.string().min(1),
  startTime: z.iso.datetime({ offset: true }),
  duration: seconds.default(0),
  origin: z.enum(ORIGINS).optional(),
  calledNumber: z.string().optional(),
  companyHours: z.enum(HOURS_OPTIONS).optional(),
  company: CallViewSchema,
  legs: z.array(CallViewSchema.extend({ extensionId: z.string().min(1) })).default([]),
});

export type CallView = z.infer<typeof CallViewSchema>;
export type Call = z.infer<typeof CallSchema>;
export type CallInput = z.input<typeof CallSchema>;

/** Dimension value as a 0-based index within its dimension, or -1 when the view has no value. */
export interface CompiledView {
  readonly extensionId: string | undefined;
  readonly direction: number;
  readonly response: number;
  readonly result: number;
  readonly type: number;
  readonly queueSla: number;
  readonly queueHours: number;
  readonly endingParty: number;
  readonly timeSpent: number;
  readonly queueOpportunities: number;
  /** Seconds per segment, indexed like SEGMENT_KEYS. */
  readonly segments: readonly number[];
  /** Count per action, indexed like ACTION_KEYS. */
  readonly actions: readonly number[];
}

export interface CompiledCall {
  readonly id: string;
  readonly start: number;
  readonly duration: number;
  readonly origin: number;
  readonly companyHours: number;
  readonly calledNumber: string | undefined;
  readonly company: CompiledView;
  readonly legs: readonly CompiledView[];
}

function indexOf(dimension: DimensionName, value: string | undefined): number {
  return value === undefined ? -1 : DIMENSIONS[dimension].values.indexOf(value);
}

const NO_ACTIONS: readonly number[] = Object.freeze(ACTION_KEYS.map(() => 0));

function compileView(view: CallView): CompiledView {
  const actions = ACTION_KEYS.map((key) => view.actions[key] ?? 0);
  return {
    extensionId: view.extensionId,
    direction: indexOf('direction', view.direction),
    response: indexOf('response', view.response),
    result: indexOf('result', view.result),
    type: indexOf('type', view.type),
    queueSla: indexOf('queueSla', view.queueSla),
    queueHours: indexOf('queueHours', view.queueHours),
    endingParty: indexOf('endingParty', view.endingParty),
    timeSpent: view.timeSpent,
    queueOpportunities: view.queueOpportunities,
    segments: SEGMENT_KEYS.map((key) => view.segments[key] ?? 0),
    // Most views take no action: share one zero array to keep a million calls small in memory.
    actions: actions.some((count) => count !== 0) ? actions : NO_ACTIONS,
  };
}

export function compileCall(call: Call): CompiledCall {
  return {
    id: call.id,
    start: Date.parse(call.startTime),
    duration: call.duration,
    origin: indexOf('origin', call.origin),
    companyHours: indexOf('companyHours', call.companyHours),
    calledNumber: call.calledNumber,
    company: compileView(call.company),
    legs: call.legs.map(compileView),
  };
}

/** Validate one call, naming the field that is wrong. */
export function parseCall(json: unknown, where: string): CompiledCall {
  const parsed = CallSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') || '(root)';
    throw new Error(`${where}: ${path} ${issue?.message ?? 'is invalid'}`);
  }
  return compileCall(parsed.data);
}

/** Parse a whole JSON Lines document; blank lines are allowed, every error names its line. */
export function parseCallLines(text: string, source = 'calls'): CompiledCall[] {
  const calls: CompiledCall[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new Error(`${source} line ${i + 1}: not valid JSON (${errorText(error)})`, {
        cause: error,
      });
    }
    calls.push(parseCall(json, `${source} line ${i + 1}`));
  }
  return calls;
}
