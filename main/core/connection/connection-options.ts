import type { SecretStore } from '../secrets/secret-store';
import type { ServerTarget } from './servers';

/** What a Connection is built with, and what its sign-in and sign-out calls take. */

export interface ConnectionOptions {
  server: ServerTarget;
  /** Names the keychain entries: `<profile>:clientSecret`, `<profile>:jwt`, `<profile>:tokens`. */
  profile: string;
  /** Where secrets live. The demo ignores it: its public credentials never go to the keychain. */
  secrets: SecretStore;
  /** The configured app, needed by restore(); sign-ins bring their own. */
  clientId?: string;
  /** Opens the system browser (Electron's shell.openExternal, or a test's HTTP client). */
  openBrowser?: (url: string) => Promise<void>;
  log?: (line: string) => void;
  /** How long a browser sign-in waits for the person (default 5 minutes). */
  browserTimeoutMs?: number;
  /** A fixed loopback port for the redirect URI, for apps that must register it (default: any free port). */
  redirectPort?: number;
  /** Renew the access token this long before it expires (default 60 s, the SDK's own). */
  renewMarginMs?: number;
  /** Upper bound for token, revoke and lookup exchanges (default 30 s). */
  requestLimitMs?: number;
  /** At most one automatic JWT sign-in per this period (default 60 s). */
  reloginCooldownMs?: number;
}

export interface JwtCredentials {
  clientId: string;
  clientSecret: string;
  jwt: string;
}

export interface BrowserSignInRequest {
  clientId: string;
  /** Only for apps registered as confidential; PKCE needs none. */
  clientSecret?: string;
  /** Pre-fills RingCentral's sign-in page (`login_hint`): an email address or phone number. */
  loginHint?: string;
  /** Stops waiting for the browser (e.g. the settings window closed). */
  signal?: AbortSignal;
}

export interface SignOutOptions {
  /** Also delete the stored JWT and client secret, not only the session. */
  forgetCredentials?: boolean;
}
