import { SecretStoreUnavailableError } from '../secrets/secret-store';
import { apiErrorMessage } from './api-error-message';
import { toApiResponse, transportError } from './api-send';
import { NetworkError, SignInError, TimeoutError } from './errors';

/**
 * Any failure of a token request (JWT, authorization code, refresh), in the user's terms: the
 * platform's own reason when it answered ("Invalid JWT assertion (OAU-144)"), the network problem
 * when it did not, the keychain's explanation when the session could not be saved.
 */

export type SignInFailure = SignInError | NetworkError | TimeoutError | SecretStoreUnavailableError;

export async function describeSignInFailure(error: unknown, serverUrl: string): Promise<SignInFailure> {
  if (error instanceof SignInError || error instanceof SecretStoreUnavailableError) return error;
  const transport = transportError(error, serverUrl);
  if (transport) return transport;
  const response = (error as { response?: Response | null } | null)?.response;
  if (response) {
    const reason = await toApiResponse(response).then(apiErrorMessage, () => `HTTP ${response.status}`);
    return new SignInError(`RingCentral refused the sign-in: ${reason}`, 'refused');
  }
  const message = error instanceof Error ? error.message : String(error);
  return new SignInError(`The sign-in failed: ${message}`, 'refused');
}

/** The state a failed sign-in leaves: credentials were refused, or something else is in the way. */
export function stateAfter(failure: SignInFailure): 'signInNeeded' | 'error' {
  return failure instanceof SignInError ? 'signInNeeded' : 'error';
}

export function isTransportFailure(failure: SignInFailure): boolean {
  return failure instanceof NetworkError || failure instanceof TimeoutError;
}
