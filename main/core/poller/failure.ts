import { apiErrorMessage } from '../connection/api-error-message';
import type { ApiResponse } from './transport';
import { TRANSPORT_ERRORS } from './transport';
import { errorText } from '../../../contract/error-text';
import { parseRetryAfter } from './retry-after';

/**
 * What went wrong with one refresh, sorted by what the poller does next: wait out a rate-limit
 * penalty, back off and retry, retry slowly (the API rejected the request: retrying at full speed
 * would only burn budget), or wait for sign-in. The kind travels with the query's state to the
 * snapshot, so the status light decides from it, never from the wording. Messages are for people.
 */
export type FailureKind =
  /** 429: a Retry-After to wait out. */
  | 'rateLimited'
  /** No answer at all: network down, connection dropped or refused, or no answer in time. */
  | 'unreachable'
  /** RingCentral answered, with a 5xx or 408: it is there but struggling. */
  | 'serverError'
  /** RingCentral refused the request itself (4xx other than 401/429). */
  | 'rejected'
  /** A 2xx answer that is not the analytics shape (a proxy page, a truncated body). */
  | 'invalidResponse'
  /** The session is not accepted, or nobody is signed in. */
  | 'auth'
  /** The request was withdrawn by us (replan, stop). */
  | 'cancelled'
  /** Anything else thrown on the way: backed off like an outage. */
  | 'unexpected';

export class QueryFailure extends Error {
  override readonly name = 'QueryFailure';
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

/** `now` is when the answer arrived: a Retry-After given as an HTTP-date counts from it. */
export function failureFromResponse(response: ApiResponse, now: number): QueryFailure {
  const { status } = response;
  if (status === 429) {
    return new QueryFailure(
      'rateLimited',
      'RingCentral rate limit reached; waiting before the next request',
      parseRetryAfter(response.headers['retry-after'], now),
    );
  }
  if (status === 401)
    return new QueryFailure('auth', 'Sign-in needed: RingCentral no longer accepts the session');
  if (status === 403) return new QueryFailure('rejected', `Not permitted: ${apiErrorMessage(response)}`);
  if (status >= 500 || status === 408) {
    return new QueryFailure('serverError', `RingCentral is having trouble (HTTP ${status}); retrying`);
  }
  return new QueryFailure('rejected', `RingCentral refused the query: ${apiErrorMessage(response)}`);
}

export function failureFromError(error: unknown): QueryFailure {
  if (error instanceof QueryFailure) return error;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === TRANSPORT_ERRORS.timeout)
    return new QueryFailure('unreachable', 'RingCentral did not answer in time; retrying');
  if (name === TRANSPORT_ERRORS.network) {
    return new QueryFailure('unreachable', 'Cannot reach RingCentral (network problem); retrying');
  }
  if (name === TRANSPORT_ERRORS.notSignedIn) return new QueryFailure('auth', 'Sign-in needed');
  if (name === 'AbortError') return new QueryFailure('cancelled', 'cancelled');
  return new QueryFailure('unexpected', `Unexpected problem: ${errorText(error)}`);
}
