import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthBudget } from '../../../../main/core/connection/auth-budget';
import { Reconnector, type ReconnectHooks, type Way } from '../../../../main/core/connection/reconnect';
import { Redactor } from '../../../../main/core/connection/redact';

/** Getting a session back by itself: paced, backed off, never given up while the JWT is good. */

const JWT = 'stored-jwt-credential';
const MINUTE = 60_000;

function refused(): Error {
  const body = {
    error: 'invalid_grant',
    errors: [{ errorCode: 'OAU-144', message: 'Invalid JWT assertion' }],
  };
  return Object.assign(new Error('Invalid JWT assertion'), {
    response: new Response(JSON.stringify(body), { status: 400 }),
  });
}

function struggling(status = 503): Error {
  return Object.assign(new Error('Service Unavailable'), { response: new Response('', { status }) });
}

function unreachable(): Error {
  return new TypeError('fetch failed', {
    cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }),
  });
}

/** What each login does: succeed, or throw what it returns (called with the attempt's number). */
type Outcome = (attempt: number) => Error | null;

function harness(overrides: Partial<ReconnectHooks> = {}, outcome: Outcome = () => null) {
  const events: string[] = [];
  const lines: string[] = [];
  const attempts: number[] = [];
  const redactor = new Redactor();
  const budget = new AuthBudget();
  const login = vi.fn(async (_jwt: string) => {
    // The real login spends a token request from the budget (gatedFetch does it in the product).
    budget.take();
    attempts.push(Date.now());
    events.push('login');
    const failure = outcome(attempts.length);
    if (failure) throw failure;
    return true;
  });
  const hooks: ReconnectHooks = {
    serverUrl: 'https://platform.ringcentral.com',
    budget,
    redactor,
    log: redactor.wrap((line) => lines.push(line)),
    way: async (): Promise<Way> => ({ kind: 'jwt', jwt: JWT }),
    noWay: (reason) => `${reason}. Sign in to RingCentral again.`,
    discard: async () => void events.push('discard'),
    login,
    refresh: vi.fn(async () => true),
    needSignIn: (message) => void events.push(`needSignIn: ${message}`),
    waiting: (waiting) =>
      void events.push(`waiting${waiting.unreachable ? ' (unreachable)' : ''}: ${waiting.message}`),
    backoff: { baseMs: 5_000, maxMs: 60_000, random: () => 0.5 },
    ...overrides,
  };
  return { reconnector: new Reconnector(hooks), hooks, events, lines, attempts, budget, login };
}

/** The largest number of attempts inside any 60 s window. */
function peakPerMinute(times: readonly number[]): number {
  return Math.max(0, ...times.map((start) => times.filter((t) => t >= start && t < start + MINUTE).length));
}

describe('Reconnector', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('forgets the dead session and signs in with the stored JWT', async () => {
    const { reconnector, events, lines } = harness();
    expect(await reconnector.run('RingCentral no longer accepts the session')).toBe(true);
    expect(events).toEqual(['discard', 'login']);
    expect(lines).toEqual([
      'connection: RingCentral no longer accepts the session; signing in again with the stored JWT',
    ]);
  });

  it('renews the kept session when there is no JWT (a browser sign-in)', async () => {
    const { reconnector, hooks, events } = harness({ way: async () => ({ kind: 'refresh' }) });
    expect(await reconnector.run('The session could not be renewed (HTTP 503)')).toBe(true);
    expect(hooks.refresh).toHaveBeenCalledTimes(1);
    expect(events).toEqual([]); // nothing discarded
  });

  it('with no way back, forgets the tokens and asks for sign-in in plain words', async () => {
    const { reconnector, login, events } = harness({ way: async () => null });
    expect(await reconnector.run('The session could not be renewed')).toBe(false);
    expect(login).not.toHaveBeenCalled();
    expect(events).toEqual([
      'discard',
      'needSignIn: The session could not be renewed. Sign in to RingCentral again.',
    ]);
  });

  it('requests that notice together share one attempt', async () => {
    const { reconnector, login } = harness();
    expect(await Promise.all([reconnector.run('a'), reconnector.run('b'), reconnector.run('c')])).toEqual([
      true,
      true,
      true,
    ]);
    expect(login).toHaveBeenCalledTimes(1);
    expect(reconnector.inFlight).toBeNull();
  });

  it('keeps trying across an outage of any length, backing off to a minute, and is back at once after', async () => {
    let down = true;
    const { reconnector, attempts, events } = harness({}, () => (down ? unreachable() : null));
    expect(await reconnector.run('RingCentral no longer accepts the session')).toBe(false);
    expect(events.at(-1)).toMatch(
      /^waiting \(unreachable\): Reconnecting to RingCentral… Cannot reach platform\.ringcentral\.com/,
    );
    await vi.advanceTimersByTimeAsync(3 * 60 * MINUTE); // three hours without an answer
    const during = attempts.length;
    expect(during).toBeGreaterThan(150); // about one a minute: it never gave up
    const gaps = attempts.slice(1).map((t, i) => t - attempts[i]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(MINUTE + 1);
    expect(gaps.slice(-10).every((gap) => gap >= 30_000)).toBe(true);
    expect(peakPerMinute(attempts)).toBeLessThanOrEqual(5);
    down = false;
    await vi.advanceTimersByTimeAsync(MINUTE + 1);
    expect(attempts.length).toBe(during + 1);
    expect(reconnector.active).toBe(false);
    expect(events.at(-1)).toBe('login');
  });

  it('retries a struggling sign-in service (5xx, 429) as not unreachable', async () => {
    const failures = [struggling(503), struggling(429)];
    const { reconnector, login, events } = harness({}, (n) => failures[n - 1] ?? null);
    expect(await reconnector.run('The session could not be renewed')).toBe(false);
    expect(events.at(-1)).toMatch(
      /^waiting: Reconnecting to RingCentral… RingCentral's sign-in service is having trouble \(HTTP 503/,
    );
    await vi.advanceTimersByTimeAsync(6_000); // the first backoff
    expect(events.at(-1)).toMatch(/is rate limiting sign-ins/);
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    expect(login).toHaveBeenCalledTimes(3);
    expect(reconnector.active).toBe(false);
  });

  it('a refused JWT asks for sign-in in RingCentral’s words and is not retried', async () => {
    const { reconnector, login, events } = harness({}, () => refused());
    expect(await reconnector.run('RingCentral no longer accepts the session')).toBe(false);
    expect(events.at(-1)).toMatch(
      /^needSignIn: RingCentral refused the sign-in: Invalid JWT assertion \(OAU-144\)\. The credential/,
    );
    await vi.advanceTimersByTimeAsync(60 * MINUTE);
    expect(login).toHaveBeenCalledTimes(1);
  });

  it('a session got back but refused again at once waits out a backoff instead of looping', async () => {
    const { reconnector, login, events, attempts } = harness();
    expect(await reconnector.run('revoked')).toBe(true);
    // Its first request is refused again (revoked again): no immediate second login.
    expect(await reconnector.run('revoked')).toBe(false);
    expect(login).toHaveBeenCalledTimes(1);
    expect(events.at(-1)).toMatch(
      /^waiting: Reconnecting to RingCentral… revoked again right after signing in; next try in \d+ s/,
    );
    await vi.advanceTimersByTimeAsync(10_000);
    expect(login).toHaveBeenCalledTimes(2);
    // Once a request goes through, the next loss is healed at once again.
    reconnector.healthy();
    expect(await reconnector.run('revoked')).toBe(true);
    expect(login).toHaveBeenCalledTimes(3);
    expect(peakPerMinute(attempts)).toBeLessThanOrEqual(5);
  });

  it('never spends more than five token requests a minute, however often the session is lost', async () => {
    const { reconnector, attempts } = harness();
    for (let i = 0; i < 40; i++) {
      await reconnector.run('revoked');
      reconnector.healthy();
      await vi.advanceTimersByTimeAsync(3_000);
    }
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    expect(attempts.length).toBeGreaterThan(5);
    expect(peakPerMinute(attempts)).toBeLessThanOrEqual(5);
  });

  it('stop() cancels a scheduled attempt', async () => {
    const { reconnector, login } = harness({}, () => unreachable());
    await reconnector.run('lost');
    reconnector.stop();
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(login).toHaveBeenCalledTimes(1);
  });

  it('the JWT never reaches a log line or a message', async () => {
    const { reconnector, lines, events } = harness({}, () => new Error(`bad assertion ${JWT}`));
    await reconnector.run('lost');
    expect([...lines, ...events].join('\n')).not.toContain(JWT);
    expect(events.some((event) => event.startsWith('needSignIn: '))).toBe(true);
  });
});
