import { TRANSPORT_ERRORS } from '../poller/transport';

/**
 * The connection's typed failures. The poller tells transport failures apart by `name`
 * (poller/transport.ts), so each class carries exactly that name. Messages are for people and
 * never contain a token, secret, JWT or authorization code.
 */

/** No answer at all: connection refused, reset or dropped, name not resolved. */
export class NetworkError extends Error {
  override readonly name = TRANSPORT_ERRORS.network;
}

/** No answer within the request's time limit; the request was aborted so no socket is left behind. */
export class TimeoutError extends Error {
  override readonly name = TRANSPORT_ERRORS.timeout;
}

/** There is no usable session: sign in (or wait for the automatic JWT sign-in) first. */
export class NotSignedInError extends Error {
  override readonly name = TRANSPORT_ERRORS.notSignedIn;
  constructor(message = 'Not signed in to RingCentral') {
    super(message);
  }
}

/**
 * A sign-in that did not complete: refused credentials, consent declined, a mismatched or late
 * browser answer. `reason` lets callers choose a state without parsing the message.
 */
export class SignInError extends Error {
  override readonly name = 'SignInError';
  constructor(
    message: string,
    readonly reason: 'refused' | 'denied' | 'stateMismatch' | 'timeout' | 'cancelled' | 'browser',
  ) {
    super(message);
  }
}

/** The signal's own reason when it is an AbortError, else a fresh one the poller recognises. */
export function abortError(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  return new DOMException('The request was cancelled', 'AbortError');
}
