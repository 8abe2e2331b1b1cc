import type { ConnectionStatus } from '../../contract/connection';
import type { StatusLight } from '../../contract/snapshot';
import type { QueryState } from './poller/query-state';
import type { Penalty } from './poller/rate-budget';
import { MAX_RETRY_AFTER_SECONDS } from './poller/retry-after';
import { clockTime, describeWait } from './wait-words';

/**
 * The global status light, honest about the numbers on screen:
 * - starting: no answer yet since start (nothing to show, and nothing wrong yet);
 * - signInNeeded: only a person can fix it (credentials refused, a browser sign-in ended);
 * - reconnecting (the connection gets its session back by itself): delayed, with what is happening,
 *   or offline when the last attempt got no answer at all; the tiles keep their values and ages;
 * - offline: every failing query got no answer at all (network down, dropped, no answer in time) and
 *   no query has had a good answer for two of their refresh intervals;
 * - delayed: RingCentral asked Callboard to wait (a 429's Retry-After): nothing is sent until then,
 *   so the message says what was asked and when the numbers resume (`resumesAt`);
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
  /** The rate budget's 429 penalty still being waited out, if any. */
  penalty?: Penalty | null;
  /** The zone the boards show their clock in, for the time polling resumes (unset: this machine's). */
  timeZone?: string;
  /** Say which zone that time is in (the boards rotate through several). */
  nameZone?: boolean;
}

export interface Status {
  light: StatusLight;
  message: string | null;
  /** When polling resumes after RingCentral asked to wait (ISO), or null when nothing is waited out. */
  resumesAt: string | null;
}

export function statusLight(input: StatusInput): Status {
  const penalty = input.penalty ?? null;
  // The connection comes first (the poller is stopped without a session); otherwise the wait
  // explains every number's age, whatever the latest refreshes said.
  if (penalty === null || penalty.until <= input.now || input.connection.state !== 'signedIn')
    return { ...lightOf(input), resumesAt: null };
  const resumesAt = new Date(penalty.until).toISOString();
  return { light: 'delayed', message: waitMessage(penalty, input), resumesAt };
}

/** "RingCentral asked Callboard to wait 60 min (rate limit); numbers resume at 14:05". */
function waitMessage(penalty: Penalty, input: StatusInput): string {
  const zone = input.nameZone && input.timeZone ? ` (${input.timeZone})` : '';
  const at = `numbers resume at ${clockTime(penalty.until, input.now, input.timeZone)}${zone}`;
  const asked = penalty.askedSeconds;
  if (asked === null) return `RingCentral rate limit reached (no wait given); ${at}`;
  const wait = `RingCentral asked Callboard to wait ${describeWait(asked)} (rate limit)`;
  if (asked <= MAX_RETRY_AFTER_SECONDS) return `${wait}; ${at}`;
  return `${wait}; Callboard waits at most ${describeWait(MAX_RETRY_AFTER_SECONDS)}: ${at}`;
}

function lightOf(input: StatusInput): { light: StatusLight; message: string | null } {
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
