import { errorText } from '../../../contract/error-text';
import { SecretStoreUnavailableError } from '../secrets/secret-store';
import { apiErrorMessage, statusDescription } from './api-error-message';
import { toApiResponse, transportError } from './api-send';
import { parseRetryAfter } from '../poller/retry-after';
import { AuthBudgetError } from './auth-budget';
import { NetworkError, SignInError, TimeoutError } from './errors';

/**
 * Any failure of a token request (JWT, authorization code, refresh), in the user's terms, sorted by
 * what happens next. RingCentral refusing the credentials (an invalid JWT, a wrong client, an app
 * not allowed this grant) needs a person, and says so in RingCentral's own words with what to do.
 * Everything else passes by itself and is retried: no answer at all, RingCentral's sign-in service
 * answering 5xx/408/429, or our own pacing under the Auth group's 5 requests a minute.
 */

/** RingCentral's sign-in service answered, but is struggling (5xx, 408) or rate limiting (429). */
export class PlatformUnavailableError extends Error {
  override readonly name = 'PlatformUnavailableError';
  constructor(
    message: string,
    readonly retryAfterSeconds: number | null,
  ) {
    super(message);
  }
}

export type SignInFailure =
  | SignInError
  | NetworkError
  | TimeoutError
  | PlatformUnavailableError
  | AuthBudgetError
  | SecretStoreUnavailableError;

export async function describeSignInFailure(error: unknown, serverUrl: string): Promise<SignInFailure> {
  if (
    error instanceof SignInError ||
    error instanceof SecretStoreUnavailableError ||
    error instanceof AuthBudgetError ||
    error instanceof PlatformUnavailableError
  )
    return error;
  const transport = transportError(error, serverUrl);
  if (transport) return transport;
  const response = (error as { response?: Response | null } | null)?.response;
  if (response) return describeAnswer(response);
  return new SignInError(`The sign-in failed: ${errorText(error)}`, 'refused');
}

async function describeAnswer(response: Response): Promise<SignInFailure> {
  const answer = await toApiResponse(response).catch(() => null);
  const status = response.status;
  if (status >= 500 || status === 408 || status === 429) {
    const reason =
      status === 429 ? 'is rate limiting sign-ins' : `is having trouble (${statusDescription(status)})`;
    return new PlatformUnavailableError(
      `RingCentral's sign-in service ${reason}`,
      parseRetryAfter(answer?.headers['retry-after'], Date.now()),
    );
  }
  const reason = answer ? apiErrorMessage(answer) : statusDescription(status);
  const hint = answer ? whatToDo(answer.body) : null;
  return new SignInError(`RingCentral refused the sign-in: ${reason}${hint ? `. ${hint}` : ''}`, 'refused');
}

/** What a person can do about a refusal, from the OAuth error RingCentral names. */
function whatToDo(body: unknown): string | null {
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  switch (error) {
    case 'invalid_client':
      return 'Check the app’s client ID and client secret in Settings → Connection';
    case 'unauthorized_client':
      return 'The app is not allowed this kind of sign-in: enable it (JWT or authorization code) for the app in the RingCentral Developer Console';
    case 'invalid_grant':
      return 'The credential is no longer valid for this app (expired, revoked, or made for another app): sign in again in Settings → Connection';
    default:
      return null;
  }
}

/** The state a failed sign-in leaves: credentials were refused, or something else is in the way. */
export function stateAfter(failure: SignInFailure): 'signInNeeded' | 'error' {
  return failure instanceof SignInError ? 'signInNeeded' : 'error';
}

/** Failures that pass by themselves: try again later (no answer, a struggling service, our pacing). */
export function isRetryable(failure: SignInFailure): boolean {
  return (
    isTransportFailure(failure) ||
    failure instanceof PlatformUnavailableError ||
    failure instanceof AuthBudgetError
  );
}

/** No answer at all (network down, dropped, no answer in time). */
export function isTransportFailure(failure: SignInFailure): boolean {
  return failure instanceof NetworkError || failure instanceof TimeoutError;
}
