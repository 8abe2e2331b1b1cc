import type { ApiRequest } from '../poller/transport';
import { exchange, type Exchange } from './api-send';
import { createPlatform, type Platform, type PlatformOptions } from './platform-factory';
import type { Redactor } from './redact';
import { parseStoredTokens, tokenFacts, type TokenFacts } from './token-data';
import type { TokenStorage } from './token-storage';
import { errorText } from '../../../contract/error-text';

/**
 * One SDK platform and the session it holds: requests through it, what its tokens say, who is
 * signed in, and ending it. A new sign-in gets a new Session (the SDK takes the app's client id
 * and secret at construction), so nothing of an old session can leak into a new one.
 */

const LOOKUP_TIMEOUT_MS = 15_000;
const REVOKE_WAIT_MS = 10_000;

export interface SessionOptions extends Omit<PlatformOptions, 'log'> {
  redactor: Redactor;
  log: (line: string) => void;
  /** The SDK renewed the access token (the new one is stored and remembered for redaction). */
  onRenewed: (session: Session) => void;
}

export class Session {
  readonly platform: Platform;
  private readonly storage: TokenStorage;
  private lastRefreshError: unknown = null;

  constructor(private readonly options: SessionOptions) {
    const parts = createPlatform(options);
    this.platform = parts.platform;
    this.storage = parts.storage;
    // The SDK emits the very error object it then throws: identity tells a failed renewal apart
    // from an API answer in whatever call it surfaces.
    this.platform.on(this.platform.events.refreshError, (error: unknown) => (this.lastRefreshError = error));
    this.platform.on(this.platform.events.refreshSuccess, () => {
      this.remember();
      options.onRenewed(this);
    });
  }

  /** Load the session persisted for this profile (start-up). */
  async load(): Promise<void> {
    await this.storage.load();
    this.remember();
  }

  get hasTokens(): boolean {
    return this.storage.current() !== null;
  }

  facts(): TokenFacts {
    return tokenFacts(parseStoredTokens(this.storage.current()), Date.now(), this.options.renewMarginMs);
  }

  /** True when the stored text is there but not a session (damaged or foreign). */
  get damaged(): boolean {
    return this.hasTokens && parseStoredTokens(this.storage.current()) === null;
  }

  send(request: ApiRequest): Promise<Exchange> {
    return exchange(
      {
        platform: this.platform,
        serverUrl: this.options.serverUrl,
        isRefreshFailure: (error) => error === this.lastRefreshError,
      },
      request,
    );
  }

  /** A login or refresh just stored new tokens: refuse them if the store failed, never log them. */
  adopt(): void {
    this.storage.takeFailure();
    this.remember();
  }

  /** The signed-in user's name and account id (one Light request); null when it cannot be had. */
  async lookupAccount(): Promise<{ id: string; name?: string } | null> {
    try {
      const result = await this.send({
        method: 'GET',
        path: '/restapi/v1.0/account/~/extension/~',
        timeoutMs: LOOKUP_TIMEOUT_MS,
      });
      if (!('response' in result) || result.response.status !== 200) return null;
      const body = result.response.body as { name?: unknown; id?: unknown; account?: { id?: unknown } };
      const id = body.account?.id ?? body.id;
      if (typeof id !== 'string' && typeof id !== 'number') return null;
      return { id: String(id), ...(typeof body.name === 'string' ? { name: body.name } : {}) };
    } catch {
      return null;
    }
  }

  /** Forget the tokens here and in the store, keeping the platform for a new login. */
  async discard(): Promise<void> {
    await this.storage.clear();
    try {
      this.storage.takeFailure();
    } catch {
      // Already logged by the storage; nothing more to do about a session that is gone.
    }
  }

  /** Revoke (best effort, bounded in time), then discard. Never throws. */
  async end(options: { revoke: boolean }): Promise<void> {
    if (options.revoke && this.hasTokens) {
      const { log } = this.options;
      const revoked = this.platform.logout().then(
        () => log('connection: the session was revoked'),
        (error: unknown) => log(`connection: could not revoke the session: ${errorText(error)}`),
      );
      await Promise.race([revoked, delay(REVOKE_WAIT_MS)]);
    }
    await this.discard();
  }

  private remember(): void {
    const tokens = parseStoredTokens(this.storage.current());
    this.options.redactor.remember(tokens?.access_token, tokens?.refresh_token);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
