import type { BackoffOptions } from '../poller/backoff';
import type { SecretStore } from '../secrets/secret-store';
import type { AuthBudget } from './auth-budget';
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
  /**
   * The app's Auth-group budget (5 token requests a minute), shared by every connection of the
   * same app so none of them can overspend it; a connection makes its own when none is given.
   */
  authBudget?: AuthBudget;
  /** Waits between attempts to get a session back (default 5 s doubling to 60 s, with jitter). */
  reconnectBackoff?: BackoffOptions;
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
