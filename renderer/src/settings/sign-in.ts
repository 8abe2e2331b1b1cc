/** What the sign-in form asks the core for (secrets only travel inwards, and only this once). */
export interface SignInRequest {
  server: { kind: 'production' } | { kind: 'custom'; url: string };
  clientId: string;
  method: 'jwt' | 'browser';
  clientSecret: string;
  jwt: string;
}

/**
 * What to do about a refused sign-in, from RingCentral's own message (shown as it is, above this):
 * the common causes a supervisor or IT admin can fix, in their terms.
 */
const ADVICE: ReadonlyArray<[RegExp, string]> = [
  [
    /jwt|assertion|invalid_grant|grant/i,
    'Check the JWT: it may be expired, revoked, or made for another app or user.',
  ],
  [
    /client|unauthorized_client|invalid_client|secret/i,
    'Check the client ID and client secret, and that the app allows the JWT (or authorization code) flow.',
  ],
  [
    /permission|scope|analytics|readaccounts|insufficient/i,
    'The app needs the Analytics and ReadAccounts permissions: add them in the RingCentral developer console.',
  ],
  [
    /reach|network|timed? ?out|answer|ENOTFOUND|ECONNREFUSED|server/i,
    'Check the server address and that this machine can reach it (network, proxy, firewall).',
  ],
  [
    /keychain|secret service|d-bus|locked/i,
    'The OS keychain is not available: see docs/connection.md, "No keychain".',
  ],
];

export function signInAdvice(message: string): string | null {
  return ADVICE.find(([pattern]) => pattern.test(message))?.[1] ?? null;
}
