import { z } from 'zod';
import { fromZodError, invalidParameter } from '../analytics/errors';
import { parseCall, parseCallLines } from '../data/calls';
import type { Emulator } from '../emulator';
import { FaultRuleSchema } from './faults';
import { json, parseJsonBody } from './reply';
import type { Route } from './route';
import { errorText } from '../../contract/error-text';

/**
 * The control plane under /__emulator/ (loopback only): tests, benchmarks and chaos runs read traffic
 * stats, script faults, move the clock, add calls and revoke or expire tokens through it.
 */

const ClockSchema = z.object({
  now: z.iso.datetime({ offset: true }).optional(),
  // 0 holds the data clock still: no new calls, so tests can compare numbers with a fixed truth.
  speed: z.number().nonnegative().max(100_000).optional(),
});
const TokensSchema = z.object({ action: z.enum(['revoke', 'expire', 'expire-all']) });
const LimitSchema = z.object({
  limit: z.number().int().positive(),
  windowSeconds: z.number().int().positive(),
  penaltySeconds: z.number().int().nonnegative(),
});
const LimitsSchema = z.object({
  light: LimitSchema.optional(),
  medium: LimitSchema.optional(),
  heavy: LimitSchema.optional(),
  auth: LimitSchema.optional(),
});

function parse<T extends z.ZodType>(schema: T, body: Buffer): z.infer<T> {
  const result = schema.safeParse(parseJsonBody(body));
  if (!result.success) throw fromZodError(result.error);
  return result.data;
}

export function controlRoutes(emulator: Emulator): Route[] {
  const route = (method: Route['method'], path: string, handle: Route['handle']): Route => ({
    method,
    path: `/__emulator${path}`,
    group: null,
    auth: 'none',
    control: true,
    handle,
  });
  const clockState = () => ({
    now: new Date(emulator.clock.now()).toISOString(),
    speed: emulator.clock.speed,
  });
  return [
    route('GET', '/health', () => {
      emulator.dataNow();
      return json({
        ok: true,
        account: emulator.directory.account,
        calls: emulator.store.size,
        data: emulator.isSynthetic ? 'synthetic' : 'files',
        clock: clockState(),
      });
    }),
    route('GET', '/stats', () => json(emulator.stats.snapshot())),
    route('GET', '/faults', () => json({ rules: emulator.faults.list() })),
    route('POST', '/faults', (ctx) => {
      const body = parseJsonBody(ctx.body);
      const list = Array.isArray(body) ? body : ((body as { rules?: unknown } | null)?.rules ?? [body]);
      const parsed = z.array(FaultRuleSchema).safeParse(list);
      if (!parsed.success) throw fromZodError(parsed.error, 'rules');
      return json({ ids: emulator.faults.add(parsed.data) }, 201);
    }),
    route('DELETE', '/faults', () => {
      emulator.faults.clear();
      return { status: 204 };
    }),
    route('POST', '/reset', () => {
      emulator.reset();
      return { status: 204 };
    }),
    route('GET', '/clock', () => json(clockState())),
    route('POST', '/clock', (ctx) => {
      const body = parse(ClockSchema, ctx.body);
      emulator.clock.set({ now: body.now ? Date.parse(body.now) : undefined, speed: body.speed });
      return json(clockState());
    }),
    route('POST', '/limits', (ctx) => {
      const limits = parse(LimitsSchema, ctx.body);
      emulator.limiter.limits = { ...emulator.limiter.limits, ...limits };
      return json(emulator.limiter.limits);
    }),
    route('POST', '/tokens', (ctx) => {
      const { action } = parse(TokensSchema, ctx.body);
      const affected =
        action === 'revoke' ? emulator.oauth.revokeAll() : emulator.oauth.expireAll(action === 'expire-all');
      return json({ action, sessions: affected });
    }),
    route('POST', '/calls', (ctx) => {
      const text = ctx.body.toString('utf8');
      const body = text.trimStart().startsWith('[') ? parseJsonBody(ctx.body) : null;
      try {
        const calls = Array.isArray(body)
          ? body.map((call, i) => parseCall(call, `calls[${i}]`))
          : parseCallLines(text, 'body');
        return json({ added: emulator.store.add(calls), total: emulator.store.size }, 201);
      } catch (error) {
        throw Object.assign(invalidParameter('body', errorText(error)), { cause: error });
      }
    }),
  ];
}
