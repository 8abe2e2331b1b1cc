import { z } from 'zod';
import type { RateGroup } from './rate-limit';

/**
 * Scriptable faults. A test posts rules to /__emulator/faults (or calls FaultInjector.add); each
 * rule matches requests by method, path prefix or pattern and rate-limit group, and applies its fault
 * to the next `times` matches (every match when omitted).
 */

export const FaultSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('status'),
    status: z.number().int().min(400).max(599),
    body: z.unknown().optional(),
    /**
     * Adds Retry-After: seconds, or the header's text as given (an HTTP-date, or a value a broken
     * proxy might send, like "-5" or "soon"), so clients can be tested against both forms and junk.
     */
    retryAfter: z
      .union([z.number().int().nonnegative(), z.string().regex(/^[\x20-\x7e]{1,100}$/)])
      .optional(),
  }),
  z.object({ type: z.literal('latency'), ms: z.number().int().nonnegative().max(600_000) }),
  z.object({ type: z.literal('hang') }),
  z.object({ type: z.literal('drop') }),
  z.object({ type: z.literal('malformed') }),
  z.object({ type: z.literal('schema') }),
  /** Put the caller's rate-limit key into penalty: a 429 storm with Retry-After that restarts. */
  z.object({ type: z.literal('penalty'), seconds: z.number().int().positive().optional() }),
]);

export const FaultRuleSchema = z.object({
  match: z
    .object({
      method: z.string().optional(),
      path: z.string().optional(),
      pathPattern: z.string().optional(),
      group: z.enum(['light', 'medium', 'heavy', 'auth']).optional(),
    })
    .default({}),
  fault: FaultSchema,
  times: z.number().int().positive().optional(),
});

export type Fault = z.infer<typeof FaultSchema>;
export type FaultRuleInput = z.input<typeof FaultRuleSchema>;

interface FaultRule extends z.infer<typeof FaultRuleSchema> {
  id: number;
  applied: number;
  pattern: RegExp | null;
}

export interface MatchedFaults {
  latencyMs: number;
  /** The one fault that decides the response, if any (the first matching rule's). */
  terminal: Exclude<Fault, { type: 'latency' }> | null;
}

export class FaultInjector {
  private rules: FaultRule[] = [];
  private nextId = 1;

  add(inputs: FaultRuleInput[]): number[] {
    return inputs.map((input) => {
      const rule = FaultRuleSchema.parse(input);
      const pattern = rule.match.pathPattern ? new RegExp(rule.match.pathPattern) : null;
      const entry: FaultRule = { ...rule, id: this.nextId++, applied: 0, pattern };
      this.rules.push(entry);
      return entry.id;
    });
  }

  clear(): void {
    this.rules = [];
  }

  list(): Array<{ id: number; match: FaultRule['match']; fault: Fault; times?: number; applied: number }> {
    return this.rules.map(({ id, match, fault, times, applied }) => ({ id, match, fault, times, applied }));
  }

  /** Faults for this request; consumes one use of each matching rule. */
  take(request: { method: string; path: string; group: RateGroup | null }): MatchedFaults {
    const result: MatchedFaults = { latencyMs: 0, terminal: null };
    for (const rule of this.rules) {
      if (!this.matches(rule, request)) continue;
      if (rule.fault.type === 'latency') {
        result.latencyMs += rule.fault.ms;
      } else if (result.terminal) {
        continue;
      } else {
        result.terminal = rule.fault;
      }
      rule.applied++;
    }
    this.rules = this.rules.filter((rule) => rule.times === undefined || rule.applied < rule.times);
    return result;
  }

  private matches(
    rule: FaultRule,
    request: { method: string; path: string; group: RateGroup | null },
  ): boolean {
    const { match } = rule;
    if (match.method && match.method.toUpperCase() !== request.method) return false;
    if (match.path && !request.path.startsWith(match.path)) return false;
    if (rule.pattern && !rule.pattern.test(request.path)) return false;
    if (match.group && match.group !== request.group) return false;
    return true;
  }
}
