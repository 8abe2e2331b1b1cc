import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JwtRecovery, type RecoveryHooks } from '../../../../main/core/connection/jwt-recovery';
import { Redactor } from '../../../../main/core/connection/redact';

const JWT = 'stored-jwt-credential';

function refusedByPlatform(): Error {
  const body = {
    error: 'invalid_grant',
    errors: [{ errorCode: 'OAU-144', message: 'Invalid JWT assertion' }],
  };
  return Object.assign(new Error('Invalid JWT assertion'), {
    response: new Response(JSON.stringify(body), { status: 400 }),
  });
}

function unreachable(): Error {
  return new TypeError('fetch failed', {
    cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }),
  });
}

function harness(overrides: Partial<RecoveryHooks> = {}) {
  const events: string[] = [];
  const lines: string[] = [];
  const redactor = new Redactor();
  const hooks: RecoveryHooks = {
    serverUrl: 'https://platform.ringcentral.com',
    cooldownMs: 60_000,
    redactor,
    log: redactor.wrap((line) => lines.push(line)),
    discard: async () => void events.push('discard'),
    readJwt: async () => JWT,
    login: vi.fn(async () => {
      events.push('login');
      return true;
    }),
    needSignIn: (message) => void events.push(`needSignIn: ${message}`),
    unreachable: (message) => void events.push(`unreachable: ${message}`),
    ...overrides,
  };
  return { recovery: new JwtRecovery(hooks), hooks, events, lines };
}

describe('JwtRecovery', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('forgets the dead session and signs in with the stored JWT', async () => {
    const { recovery, events, lines } = harness();
    expect(await recovery.run('The session could not be renewed')).toBe(true);
    expect(events).toEqual(['discard', 'login']);
    expect(lines).toEqual([
      'connection: The session could not be renewed; signing in again with the stored JWT',
    ]);
  });

  it('without a JWT asks for sign-in and does not try', async () => {
    const { recovery, hooks, events } = harness({ readJwt: async () => null });
    expect(await recovery.run('The session could not be renewed')).toBe(false);
    expect(hooks.login).not.toHaveBeenCalled();
    expect(events).toEqual([
      'discard',
      'needSignIn: The session could not be renewed. Sign in to RingCentral again.',
    ]);
  });

  it('requests that notice together share one attempt', async () => {
    const { recovery, hooks } = harness();
    const outcomes = await Promise.all([recovery.run('a'), recovery.run('b'), recovery.run('c')]);
    expect(outcomes).toEqual([true, true, true]);
    expect(hooks.login).toHaveBeenCalledTimes(1);
    expect(recovery.inFlight).toBeNull();
  });

  it('never signs in twice within the cooldown: the second failure asks for sign-in', async () => {
    const { recovery, hooks, events } = harness();
    await recovery.run('first');
    vi.advanceTimersByTime(59_000);
    expect(await recovery.run('second')).toBe(false);
    expect(hooks.login).toHaveBeenCalledTimes(1);
    expect(events.at(-1)).toMatch(/^needSignIn: second again right after signing in automatically/);
    vi.advanceTimersByTime(1_000);
    expect(await recovery.run('third')).toBe(true);
    expect(hooks.login).toHaveBeenCalledTimes(2);
  });

  it('a refused JWT asks for sign-in with the platform reason, and is not retried', async () => {
    const login = vi.fn(async () => Promise.reject(refusedByPlatform()));
    const { recovery, events } = harness({ login });
    expect(await recovery.run('renewal refused')).toBe(false);
    expect(events.at(-1)).toBe(
      'needSignIn: RingCentral refused the sign-in: Invalid JWT assertion (OAU-144)',
    );
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(login).toHaveBeenCalledTimes(1);
  });

  it('an unreachable platform is retried by one timer per cooldown until it answers', async () => {
    const login = vi
      .fn<(jwt: string) => Promise<boolean>>()
      .mockRejectedValueOnce(unreachable())
      .mockRejectedValueOnce(unreachable())
      .mockResolvedValue(true);
    const { recovery, events } = harness({ login });
    expect(await recovery.run('renewal refused')).toBe(false);
    expect(events.at(-1)).toMatch(
      /^unreachable: Cannot reach platform\.ringcentral\.com: connection refused/,
    );
    await vi.advanceTimersByTimeAsync(59_999);
    expect(login).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(login).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(login).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(login).toHaveBeenCalledTimes(3);
  });

  it('stop() cancels a scheduled retry', async () => {
    const login = vi.fn(async () => Promise.reject(unreachable()));
    const { recovery } = harness({ login });
    await recovery.run('renewal refused');
    recovery.stop();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(login).toHaveBeenCalledTimes(1);
  });

  it('the JWT never reaches a log line', async () => {
    const login = vi.fn(async () => Promise.reject(new Error(`bad assertion ${JWT}`)));
    const { recovery, lines, events } = harness({ login });
    await recovery.run('renewal refused');
    expect([...lines, ...events].join('\n')).not.toContain(JWT);
  });
});
