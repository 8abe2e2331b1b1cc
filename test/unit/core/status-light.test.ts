import { describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '../../../contract/connection';
import type { FailureKind } from '../../../main/core/poller/failure';
import type { QueryState } from '../../../main/core/poller/query-state';
import { statusLight, type StatusInput } from '../../../main/core/status-light';

/** The global status light: what it says for each combination of connection and query states. */

const NOW = Date.parse('2026-11-24T10:00:00Z');
const signedIn: ConnectionStatus = {
  state: 'signedIn',
  mode: 'demo',
  account: null,
  expiresAt: null,
  message: null,
  reconnect: null,
};
type Failure = readonly [FailureKind, string];
const UNREACHABLE: Failure = ['unreachable', 'Cannot reach RingCentral (network problem); retrying'];
const refused = (message: string): Failure => ['rejected', message];

function query(
  id: string,
  ageMs: number | null,
  failure: Failure | null = null,
  refreshMs = 15_000,
): QueryState {
  return {
    queryId: id,
    records: ageMs === null ? null : [],
    fetchedAt: ageMs === null ? null : NOW - ageMs,
    error: failure?.[1] ?? null,
    errorKind: failure?.[0] ?? null,
    consecutiveFailures: failure ? 1 : 0,
    refreshMs,
  };
}

const light = (states: QueryState[], connection = signedIn) =>
  statusLight({ connection, states, now: NOW, staleAfterMisses: 1 }).light;

describe('statusLight', () => {
  it('is live when every query answered within its interval', () => {
    expect(light([query('a', 5_000), query('b', 10_000, null, 60_000)])).toBe('live');
  });

  it('is starting before the first answer, and while signing in', () => {
    expect(light([query('a', null)])).toBe('starting');
    expect(light([query('a', 5_000)], { ...signedIn, state: 'signingIn' })).toBe('starting');
  });

  it('asks for sign-in when the session is gone', () => {
    expect(light([query('a', 5_000)], { ...signedIn, state: 'signInNeeded', message: 'expired' })).toBe(
      'signInNeeded',
    );
  });

  it('is delayed as soon as a refresh fails, or a number is older than its interval', () => {
    expect(light([query('a', 5_000, UNREACHABLE), query('b', 5_000)])).toBe('delayed');
    expect(light([query('a', 20_000), query('b', 5_000)])).toBe('delayed');
    expect(light([query('a', 5_000, refused('RingCentral refused the query: timeZone is invalid'))])).toBe(
      'delayed',
    );
  });

  it('is offline when the failures are network-level and nothing answered for two intervals', () => {
    const outage = [query('a', 31_000, UNREACHABLE), query('b', 32_000, UNREACHABLE)];
    expect(light(outage)).toBe('offline');
    // A slow query (yesterday's figures, every 30 min) that has not been tried since does not hide it.
    expect(light([...outage, query('yesterday', 31_000, null, 30 * 60_000)])).toBe('offline');
    // But a good answer within two intervals means the platform is still there.
    expect(light([...outage, query('c', 10_000)])).toBe('delayed');
    // And refusals are not an outage.
    expect(light([query('a', 40_000, refused('RingCentral refused the query: x'))])).toBe('delayed');
  });

  it('decides from the kind of failure, never from its wording', () => {
    // RingCentral answering 5xx is there but struggling: delayed, however long it lasts.
    const struggling: Failure = ['serverError', 'RingCentral is having trouble (HTTP 503); retrying'];
    expect(light([query('a', 60_000, struggling), query('b', 60_000, struggling)])).toBe('delayed');
    // Any words at all: an unreachable platform is offline.
    const worded: Failure = ['unreachable', 'la connexion a été interrompue'];
    expect(light([query('a', 31_000, worded), query('b', 32_000, worded)])).toBe('offline');
    // The old wording with another kind is not an outage.
    const lookalike: Failure = ['invalidResponse', UNREACHABLE[1]];
    expect(light([query('a', 31_000, lookalike), query('b', 32_000, lookalike)])).toBe('delayed');
  });

  it('says what is happening while the session is got back, and keeps Sign-in needed for people', () => {
    const reconnecting = (unreachable: boolean): ConnectionStatus => ({
      ...signedIn,
      state: 'reconnecting',
      message:
        'Reconnecting to RingCentral… RingCentral’s sign-in service is having trouble; next try in 10 s',
      reconnect: { unreachable, nextAttemptAt: new Date(NOW + 10_000).toISOString() },
    });
    const status = statusLight({
      connection: reconnecting(false),
      states: [],
      now: NOW,
      staleAfterMisses: 1,
    });
    expect(status).toEqual({ light: 'delayed', message: reconnecting(false).message, resumesAt: null });
    expect(light([query('a', 5_000)], reconnecting(true))).toBe('offline');
  });
});

describe('statusLight while RingCentral asked Callboard to wait', () => {
  const LIMITED: Failure = ['rateLimited', 'RingCentral rate limit reached; waiting before the next request'];
  const waiting = (askedSeconds: number | null, untilMs: number, more: Partial<StatusInput> = {}) =>
    statusLight({
      connection: signedIn,
      states: [query('a', 20_000, LIMITED), query('b', 20_000)],
      now: NOW,
      staleAfterMisses: 1,
      penalty: { askedSeconds, until: NOW + untilMs },
      timeZone: 'Europe/London',
      ...more,
    });

  it('says what was asked and when the numbers resume, in the board’s zone, and carries resumesAt', () => {
    expect(waiting(3_600, 3_601_000)).toEqual({
      light: 'delayed',
      message: 'RingCentral asked Callboard to wait 60 min (rate limit); numbers resume at 11:00',
      resumesAt: '2026-11-24T11:00:01.000Z',
    });
    // The same instant on a board in Tokyo (UTC+9), named when the boards do not share one zone.
    expect(waiting(3_600, 3_601_000, { timeZone: 'Asia/Tokyo', nameZone: true }).message).toBe(
      'RingCentral asked Callboard to wait 60 min (rate limit); numbers resume at 20:00 (Asia/Tokyo)',
    );
  });

  it('gives a short wait to the second', () => {
    expect(waiting(5, 6_000).message).toBe(
      'RingCentral asked Callboard to wait 5 s (rate limit); numbers resume at 10:00:06',
    );
  });

  it('tells what was asked apart from the hour Callboard waits at most', () => {
    const status = waiting(365 * 86_400, 3_601_000);
    expect(status.message).toBe(
      'RingCentral asked Callboard to wait 365 days (rate limit); Callboard waits at most 60 min: numbers resume at 11:00',
    );
    expect(status.resumesAt).toBe('2026-11-24T11:00:01.000Z');
  });

  it('says so when RingCentral gave no readable wait (the default applies)', () => {
    expect(waiting(null, 61_000).message).toBe(
      'RingCentral rate limit reached (no wait given); numbers resume at 10:01:01',
    );
  });

  it('is delayed, not offline, even when the earlier refreshes failed to reach RingCentral', () => {
    // RingCentral has just answered (the 429): it is there, and nothing is sent until the wait ends.
    const states = [query('a', 40_000, UNREACHABLE), query('b', 40_000, UNREACHABLE)];
    expect(light(states)).toBe('offline');
    expect(waiting(60, 61_000, { states }).light).toBe('delayed');
  });

  it('is back to the usual light with no resumesAt once the wait is over', () => {
    const over = waiting(60, 0, { states: [query('a', 1_000), query('b', 1_000)] });
    expect(over).toEqual({ light: 'live', message: null, resumesAt: null });
    expect(waiting(60, -1, { states: [query('a', 20_000, LIMITED)] }).message).toBe(LIMITED[1]);
  });

  it('leaves the connection’s own light first: a person must sign in, or the session is being got back', () => {
    const needed = waiting(60, 61_000, { connection: { ...signedIn, state: 'signInNeeded', message: 'x' } });
    expect(needed).toEqual({ light: 'signInNeeded', message: 'x', resumesAt: null });
    const back = waiting(60, 61_000, { connection: { ...signedIn, state: 'reconnecting', message: 'y' } });
    expect(back).toEqual({ light: 'delayed', message: 'y', resumesAt: null });
  });
});
