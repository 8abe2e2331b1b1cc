import { timingSafeEqual } from 'node:crypto';
import { SignInError } from './errors';
import { errorText } from '../../../contract/error-text';

/**
 * What the browser brought back to the loopback redirect: an authorization code, or why there is
 * none. The `state` is checked before anything else: an answer that does not carry this sign-in's
 * own state (a stale tab, another program calling the port) is refused and its code never redeemed.
 */

/** The SDK's `platform.parseLoginRedirect`: wants the `?query` part only; throws on `error=`. */
export type ParseLoginRedirect = (search: string) => Record<string, string>;

export function codeFromCallback(search: string, expectedState: string, parse: ParseLoginRedirect): string {
  const query = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  if (!sameState(query.get('state'), expectedState)) {
    throw new SignInError(
      'The sign-in answer did not belong to this sign-in (state mismatch), so it was ignored. Please try again.',
      'stateMismatch',
    );
  }
  let answer: Record<string, string>;
  try {
    answer = parse(`?${query.toString()}`);
  } catch (error) {
    throw refusal(error, query);
  }
  if (!answer['code']) throw new SignInError('RingCentral sent no authorization code.', 'refused');
  return answer['code'];
}

function sameState(received: string | null, expected: string): boolean {
  if (received === null) return false;
  const a = Buffer.from(received);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refusal(error: unknown, query: URLSearchParams): SignInError {
  const code = query.get('error') ?? (error as { error?: string }).error ?? '';
  const description = query.get('error_description') ?? '';
  if (code === 'access_denied') {
    const detail = description ? ` (${description})` : '';
    return new SignInError(
      `Access was not granted in the RingCentral sign-in page${detail}. Sign in again and allow access.`,
      'denied',
    );
  }
  const reason = description || code || errorText(error);
  return new SignInError(`RingCentral did not complete the sign-in: ${reason}`, 'refused');
}
