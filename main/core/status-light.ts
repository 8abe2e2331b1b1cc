import type { ConnectionStatus } from '../../contract/connection';
import type { StatusLight } from '../../contract/snapshot';
import type { QueryState } from './poller/query-state';

/**
 * The global status light, honest about the numbers on screen:
 * - starting: no answer yet since start (nothing to show, and nothing wrong yet);
 * - signInNeeded: only a person can fix it (credentials refused, a browser sign-in ended);
 * - reconnecting (the connection gets its session back by itself): delayed, with what is happening,
 *   or offline when the last attempt got no answer at all; the tiles keep their values and ages;
 * - offline: every failing query got no answer at all (network down, dropped, no answer in time) and
 *   no query has had a good answer for two of their refresh intervals;
 * - delayed: some numbers are older than they should be, or the latest refresh of some query failed
 *   (RingCentral answering 5xx is struggling, not gone: delayed, not offline);
 * - live: every query answered within its interval.
 */

export interface StatusInput {
  connection: ConnectionStatus;
  states: readonly QueryState[];
  now: number;
  /** Missed refreshes before data counts as late (settings.polling.staleAfterMisses). */
  staleAfterMisses: number;
}

export function statusLight(input: StatusInput): { light: StatusLight; message: string | null } {
  const { connection, states, now } = input;
  if (connection.state === 'signInNeeded' || connection.state === 'signedOut') {
    return {
      light: 'signInNeeded',
      message: connection.message ?? 'Sign in to RingCentral to see live numbers',
    };
  }
  if (connection.state === 'error') return { light: 'offline', message: connection.message };
  if (connection.state === 'reconnecting') {
    const light = connection.reconnect?.unreachable ? 'offline' : 'delayed';
    return { light, message: connection.message ?? 'Reconnecting to RingCentral…' };
  }
  if (connection.state === 'signingIn') return { light: 'starting', message: 'Signing in to RingCentral…' };
  if (states.length === 0) return { light: 'live', message: null };
  const late = (state: QueryState, misses: number) =>
    state.fetchedAt === null || now - state.fetchedAt > state.refreshMs * misses;
  const failing = states.filter((state) => state.error !== null);
  if (states.every((state) => state.fetchedAt === null)) {
    if (failing.length === 0) return { light: 'starting', message: null };
  }
  if (failing.length > 0 && failing.every((state) => state.errorKind === 'unreachable')) {
    // Slow-moving queries (yesterday's figures, refreshed every 30 min) may not have been tried since
    // the platform went away; the queries that were tried, and the newest good answer, tell the truth.
    const newestAnswer = Math.max(...states.map((state) => state.fetchedAt ?? -Infinity));
    const shortestRefresh = Math.min(...failing.map((state) => state.refreshMs));
    if (now - newestAnswer > 2 * shortestRefresh)
      return { light: 'offline', message: failing[0]?.error ?? null };
  }
  if (failing.length > 0) return { light: 'delayed', message: failing[0]?.error ?? null };
  if (states.some((state) => late(state, input.staleAfterMisses))) {
    return { light: 'delayed', message: 'Some numbers are older than their refresh interval' };
  }
  return { light: 'live', message: null };
}
