import { z } from 'zod';
import { fromZodError, invalidParameter } from '../analytics/errors';
import { parseCall, parseCallLines } from '../data/calls';
import type { Emulator } from '../emulator';
import { FaultRuleSchema } from './faults';
import { json, parseJsonBody } from './reply';
import { controlRoute, parseControlBody, type Route } from './route';
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

export function controlRoutes(emulator: Emulator): Route[] {
  const clockState = () => ({
    now: new Date(emulator.clock.now()).toISOString(),
    speed: emulator.clock.speed,
  });
  return [
    controlRoute('GET', '/health', () => {
      emulator.dataNow();
      return json({
        ok: true,
        account: emulator.directory.account,
        calls: emulator.store.size,
        data: emulator.isSynthetic ? 'synthetic' : 'files',
        clock: clockState(),
      });
    }),
    controlRoute('GET', '/stats', () => json(emulator.stats.snapshot())),
    controlRoute('GET', '/faults', () => json({ rules: emulator.faults.list() })),
    controlRoute('POST', '/faults', (ctx) => {
      const body = parseJsonBody(ctx.body);
      const list = Array.isArray(body) ? body : ((body as { rules?: unknown } | null)?.rules ?? [body]);
      const parsed = z.array(FaultRuleSchema).safeParse(list);
      if (!parsed.success) throw fromZodError(parsed.error, 'rules');
      return json({ ids: emulator.faults.add(parsed.data) }, 201);
    }),
    controlRoute('DELETE', '/faults', () => {
      emulator.faults.clear();
      return { status: 204 };
    }),
    controlRoute('POST', '/reset', () => {
      emulator.reset();
      return { status: 204 };
    }),
    controlRoute('GET', '/clock', () => json(clockState())),
    controlRoute('POST', '/clock', (ctx) => {
      const body = parseControlBody(ClockSchema, ctx.body);
      emulator.clock.set({ now: body.now ? Date.parse(body.now) : undefined, speed: body.speed });
      return json(clockState());
    }),
    controlRoute('POST', '/limits', (ctx) => {
      const limits = parseControlBody(LimitsSchema, ctx.body);
      emulator.limiter.limits = { ...emulator.limiter.limits, ...limits };
      return json(emulator.limiter.limits);
    }),
    controlRoute('POST', '/tokens', (ctx) => {
      const { action } = parseControlBody(TokensSchema, ctx.body);
      const affected =
        action === 'revoke' ? emulator.oauth.revokeAll() : emulator.oauth.expireAll(action === 'expire-all');
      return json({ action, sessions: affected });
    }),
    controlRoute('POST', '/calls', (ctx) => {
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
