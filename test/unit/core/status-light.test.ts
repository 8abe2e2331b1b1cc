import { describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '../../../contract/connection';
import type { FailureKind } from '../../../main/core/poller/failure';
import type { QueryState } from '../../../main/core/poller/query-state';
import { statusLight } from '../../../main/core/status-light';

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
    expect(status).toEqual({ light: 'delayed', message: reconnecting(false).message });
    expect(light([query('a', 5_000)], reconnecting(true))).toBe('offline');
  });
});
