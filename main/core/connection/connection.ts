import type { ConnectionStatus } from '../../../contract/connection';
import type { ApiRequest, ApiResponse } from '../poller/transport';
import { MemorySecretStore, type SecretStore } from '../secrets/secret-store';
import type { Exchange } from './api-send';
import { AuthBudget } from './auth-budget';
import { browserSignIn } from './browser-sign-in';
import type {
  BrowserSignInRequest,
  ConnectionOptions,
  JwtCredentials,
  SignOutOptions,
} from './connection-options';
import { NotSignedInError } from './errors';
import type { Platform } from './platform-factory';
import { Redactor } from './redact';
import { serverUrlOf } from './servers';
import { Session } from './session';
import { Reconnector, type Waiting } from './reconnect';
import { describeSignInFailure, isRetryable, isTransportFailure, stateAfter } from './sign-in-failure';
import { StatusBox } from './status-box';
import { errorText } from '../../../contract/error-text';

/**
 * One RingCentral connection: one account on one server, signed in with a JWT or through the
 * browser, its session kept in the SecretStore so a restart needs no new login, renewed by the
 * SDK and, when renewal fails or the session dies, got back by itself (reconnect.ts: the stored
 * JWT, or a renewal of the kept session, retried across outages inside the Auth group's 5 requests
 * a minute). `send` is the poller's transport. Nothing here logs or returns a token, secret, JWT,
 * authorization code or PKCE verifier, and error text from any server is redacted of them.
 */
export class Connection {
  private readonly serverUrl: string;
  private readonly store: SecretStore;
  private readonly redactor = new Redactor();
  private readonly log: (line: string) => void;
  private readonly box: StatusBox;
  private session: Session | null = null;
  /** The session's tokens are refused (revoked, expired, renewal refused): only a new sign-in helps. */
  private sessionDead = false;
  private readonly reconnector: Reconnector;
  private readonly budget: AuthBudget;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly closing = new AbortController();

  constructor(private readonly options: ConnectionOptions) {
    this.serverUrl = serverUrlOf(options.server);
    this.store = options.server.kind === 'demo' ? new MemorySecretStore() : options.secrets;
    this.log = this.redactor.wrap(options.log ?? (() => {}));
    const mode = options.server.kind === 'demo' ? 'demo' : 'account';
    this.box = new StatusBox({
      state: 'signedOut',
      mode,
      account: null,
      expiresAt: null,
      message: null,
      reconnect: null,
    });
    this.budget = options.authBudget ?? new AuthBudget();
    this.reconnector = new Reconnector({
      serverUrl: this.serverUrl,
      budget: this.budget,
      redactor: this.redactor,
      log: this.log,
      backoff: options.reconnectBackoff,
      way: () => this.wayBack(),
      noWay: (reason) =>
        this.session?.hasTokens || this.status().account
          ? `${reason}. This screen was signed in through the browser, and RingCentral does not let Callboard sign in again by itself: sign in to RingCentral again (Settings → Connection).`
          : `${reason}. Sign in to RingCentral again.`,
      discard: async () => this.session?.discard(),
      login: (jwt) => this.reloginWithJwt(jwt),
      refresh: () => this.renewSession(),
      needSignIn: (message) => this.needSignIn(message),
      waiting: (waiting) => this.showWaiting(waiting),
    });
  }

  status(): ConnectionStatus {
    return this.box.current;
  }

  /** Hear every status change; returns the function that stops listening. */
  /**
   * The signed-in session's SDK platform, for the live feed (main/core/live): its WebSocket
   * subscription and presence reads go through the same tokens and renewals. Null while signed out.
   */
  livePlatform(): Platform | null {
    return this.session?.hasTokens ? this.session.platform : null;
  }

  onChange(listener: (status: ConnectionStatus) => void): () => void {
    return this.box.subscribe(listener);
  }

  /** At start-up: the stored session, renewed if needed, else the stored JWT, else signInNeeded. */
  restore(): Promise<ConnectionStatus> {
    return this.exclusive(async () => {
      const clientId = this.options.clientId;
      if (!clientId) return this.needSignIn('No RingCentral app is configured. Sign in to continue.');
      this.box.set({ state: 'signingIn', message: null });
      try {
        const session = this.newSession(clientId, await this.store.get(this.options.profile, 'clientSecret'));
        await session.load();
        if (session.damaged) this.log('connection: the saved session was unreadable and is ignored');
        const facts = session.facts();
        if (facts.accessUsable) return await this.becomeSignedIn(session);
        if (facts.refreshUsable) return await this.renewAtStart(session);
      } catch (error) {
        return this.failStart(error);
      }
      this.sessionDead = true;
      await this.reconnector.run('No saved session');
      return this.status();
    });
  }

  /**
   * A headless start (an account from the environment, the demo): store the credentials, then sign
   * in and keep trying until the platform answers. Only a refusal of the credentials stops it.
   */
  startWithJwt(credentials: JwtCredentials): Promise<ConnectionStatus> {
    return this.exclusive(async () => {
      const { clientId, clientSecret, jwt } = credentials;
      this.redactor.remember(clientSecret, jwt);
      this.redactor.rememberClient(clientId, clientSecret);
      await this.beginSignIn();
      try {
        await this.store.set(this.options.profile, 'clientSecret', clientSecret);
        await this.store.set(this.options.profile, 'jwt', jwt);
      } catch (error) {
        return this.failStart(error);
      }
      this.newSession(clientId, clientSecret);
      this.sessionDead = true;
      await this.reconnector.run('Signing in to RingCentral');
      return this.status();
    });
  }

  /** Store the client secret and JWT in the secret store, then sign in with them. */
  signInWithJwt(credentials: JwtCredentials): Promise<ConnectionStatus> {
    return this.exclusive(async () => {
      const { clientId, clientSecret, jwt } = credentials;
      this.redactor.remember(clientSecret, jwt);
      this.redactor.rememberClient(clientId, clientSecret);
      await this.beginSignIn();
      try {
        // Stored first: without a keychain this fails before any token request is spent.
        await this.store.set(this.options.profile, 'clientSecret', clientSecret);
        await this.store.set(this.options.profile, 'jwt', jwt);
        const session = this.newSession(clientId, clientSecret);
        await session.platform.login({ jwt });
        session.adopt();
        return await this.becomeSignedIn(session);
      } catch (error) {
        throw await this.failSignIn(error, { forgetRefused: true });
      }
    });
  }

  /** Authorization code + PKCE through the system browser and a loopback redirect. */
  signInWithBrowser(request: BrowserSignInRequest): Promise<ConnectionStatus> {
    return this.exclusive(async () => {
      const { openBrowser } = this.options;
      if (!openBrowser) throw new Error('Browser sign-in is not available here: no way to open a browser');
      this.redactor.remember(request.clientSecret);
      if (request.clientSecret) this.redactor.rememberClient(request.clientId, request.clientSecret);
      await this.beginSignIn();
      try {
        const session = this.newSession(request.clientId, request.clientSecret ?? null);
        await browserSignIn({
          platform: session.platform,
          openBrowser,
          timeoutMs: this.options.browserTimeoutMs ?? 5 * 60_000,
          port: this.options.redirectPort,
          loginHint: request.loginHint,
          signal: anySignal(request.signal, this.closing.signal),
          log: this.log,
          remember: (...secrets) => this.redactor.remember(...secrets),
          complete: () => this.keepBrowserCredentials(session, request.clientSecret),
          describe: (error) => describeSignInFailure(error, this.serverUrl),
        });
        return await this.becomeSignedIn(session);
      } catch (error) {
        throw await this.failSignIn(error, { forgetRefused: false });
      }
    });
  }

  /** Revoke the session (best effort), delete it from the store; never throws. */
  signOut(options: SignOutOptions = {}): Promise<ConnectionStatus> {
    return this.exclusive(async () => {
      this.reconnector.stop();
      await this.endSession();
      if (options.forgetCredentials) {
        await this.store.deleteProfile(this.options.profile).catch((error: unknown) => {
          this.log(`connection: could not delete the stored credentials: ${errorText(error)}`);
        });
      }
      this.box.set({ state: 'signedOut', account: null, expiresAt: null, message: null, reconnect: null });
      return this.status();
    });
  }

  /**
   * The poller's transport: a response for any HTTP status; NetworkError, TimeoutError or
   * NotSignedInError when there is none. A session the platform no longer accepts is got back (the
   * stored JWT, or a renewal) and the request sent once more; meanwhile the state says reconnecting.
   * Error answers are redacted: a server echoing the request must not show a secret on screen.
   */
  send = async (request: ApiRequest): Promise<ApiResponse> => {
    // An attempt in progress (another request noticed first) decides whether this one can go.
    if (this.reconnector.inFlight) await this.reconnector.inFlight;
    let result = await this.attempt(request);
    if ('refreshFailed' in result || result.response.status === 401) {
      const reason = await this.noteLostSession(result);
      if (await this.reconnector.run(reason)) result = await this.attempt(request);
      if ('refreshFailed' in result) throw new NotSignedInError(this.status().message ?? undefined);
    }
    if (result.response.status !== 401 && result.response.status < 500) this.reconnector.healthy();
    return this.redactAnswer(result.response);
  };

  /** Stop timers and any browser sign-in; the stored session stays for the next start. */
  close(): void {
    this.reconnector.stop();
    this.closing.abort();
  }

  /** Why the session is in doubt, and whether its tokens are dead for good (refused, not unreachable). */
  private async noteLostSession(result: Exchange): Promise<string> {
    if (!('refreshFailed' in result)) {
      this.sessionDead = true;
      return 'RingCentral no longer accepts the session';
    }
    const failure = await describeSignInFailure(result.refreshFailed, this.serverUrl);
    if (isRetryable(failure))
      return `The session could not be renewed (${this.redactor.apply(failure.message)})`;
    this.sessionDead = true;
    return 'The session could not be renewed';
  }

  /** The stored JWT first; else the kept session, while its renewal may still work. */
  private async wayBack(): Promise<{ kind: 'jwt'; jwt: string } | { kind: 'refresh' } | null> {
    const jwt = await this.store.get(this.options.profile, 'jwt').catch(() => null);
    if (jwt) return { kind: 'jwt', jwt };
    if (!this.sessionDead && this.session?.facts().refreshUsable) return { kind: 'refresh' };
    return null;
  }

  /** Renew the kept session (browser sign-ins have no JWT to sign in with again). */
  private async renewSession(): Promise<boolean> {
    const session = this.session;
    if (!session) return false;
    await session.platform.refresh();
    session.adopt();
    if (this.session !== session) return false;
    await this.becomeSignedIn(session);
    return true;
  }

  private showWaiting(waiting: Waiting): void {
    this.box.set({
      state: 'reconnecting',
      message: waiting.message,
      reconnect: {
        unreachable: waiting.unreachable,
        nextAttemptAt: waiting.nextAttemptAt === null ? null : new Date(waiting.nextAttemptAt).toISOString(),
      },
    });
  }

  /** An error answer with every secret this connection knows (and any credential shape) removed. */
  private redactAnswer(response: ApiResponse): ApiResponse {
    if (response.status < 400 || response.bodyText === '') return response;
    const bodyText = this.redactor.apply(response.bodyText);
    if (bodyText === response.bodyText) return response;
    let body: unknown;
    try {
      body = JSON.parse(bodyText);
    } catch {
      body = undefined;
    }
    return { ...response, bodyText, body };
  }

  private attempt(request: ApiRequest): Promise<Exchange> {
    const session = this.session;
    if (!session?.hasTokens || this.status().state !== 'signedIn') {
      return Promise.reject(new NotSignedInError(this.status().message ?? undefined));
    }
    return session.send(request);
  }

  /** The recovery's login: on the current session, unless a sign-in or sign-out replaced it meanwhile. */
  private async reloginWithJwt(jwt: string): Promise<boolean> {
    const session = this.session;
    if (!session) return false;
    await session.platform.login({ jwt });
    session.adopt();
    if (this.session !== session) {
      await session.end({ revoke: true });
      return false;
    }
    await this.becomeSignedIn(session);
    return true;
  }

  /** Access token expired at start-up but the refresh token may still work. */
  private async renewAtStart(session: Session): Promise<ConnectionStatus> {
    try {
      await session.platform.refresh();
      session.adopt();
    } catch (error) {
      const failure = await describeSignInFailure(error, this.serverUrl);
      if (!isTransportFailure(failure)) {
        const retryable = isRetryable(failure);
        if (!retryable) this.sessionDead = true;
        const detail = retryable ? ` (${this.redactor.apply(failure.message)})` : '';
        await this.reconnector.run(`The saved session could not be renewed${detail}`);
        return this.status();
      }
      // Unreachable now: keep the session; the next request renews it, the poller backs off.
      this.log(`connection: could not renew the saved session yet: ${this.redactor.apply(failure.message)}`);
    }
    return this.becomeSignedIn(session);
  }

  private async becomeSignedIn(session: Session): Promise<ConnectionStatus> {
    const who = await session.lookupAccount();
    const facts = session.facts();
    const id = who?.id ?? facts.ownerId ?? 'unknown';
    const wasSignedIn = this.status().state === 'signedIn';
    this.sessionDead = false;
    this.box.set({
      state: 'signedIn',
      account: { id, ...(who?.name ? { name: who.name } : {}), server: this.serverUrl },
      expiresAt: facts.expiresAt,
      message: null,
      reconnect: null,
    });
    if (!wasSignedIn) this.log(`connection: signed in to ${this.serverUrl} (account ${id})`);
    return this.status();
  }

  private newSession(clientId: string, clientSecret: string | null): Session {
    const session = new Session({
      serverUrl: this.serverUrl,
      clientId,
      clientSecret,
      store: this.store,
      profile: this.options.profile,
      renewMarginMs: this.options.renewMarginMs ?? 60_000,
      requestLimitMs: this.options.requestLimitMs ?? 30_000,
      authBudget: this.budget,
      redactor: this.redactor,
      log: this.log,
      onRenewed: (renewed) => {
        if (this.session === renewed) this.box.set({ expiresAt: renewed.facts().expiresAt });
      },
    });
    this.session = session;
    return session;
  }

  /** After a browser sign-in: the secret it used (if any) is kept; an old JWT must not sign in again. */
  private async keepBrowserCredentials(session: Session, clientSecret?: string): Promise<void> {
    const { profile } = this.options;
    if (clientSecret) await this.store.set(profile, 'clientSecret', clientSecret);
    else await this.store.delete(profile, 'clientSecret');
    await this.store.delete(profile, 'jwt');
    session.adopt();
  }

  private async beginSignIn(): Promise<void> {
    this.reconnector.stop();
    await this.endSession();
    this.box.set({ state: 'signingIn', account: null, expiresAt: null, message: null, reconnect: null });
  }

  private async failSignIn(error: unknown, options: { forgetRefused: boolean }): Promise<Error> {
    const failure = await describeSignInFailure(error, this.serverUrl);
    failure.message = this.redactor.apply(failure.message);
    await this.endSession();
    if (options.forgetRefused && stateAfter(failure) === 'signInNeeded') {
      // Credentials the platform refused are not kept for an automatic sign-in to retry.
      await this.store.deleteProfile(this.options.profile).catch(() => {});
    }
    this.log(`connection: sign-in failed: ${failure.message}`);
    this.box.set({
      state: stateAfter(failure),
      account: null,
      expiresAt: null,
      message: failure.message,
      reconnect: null,
    });
    return failure;
  }

  private failStart(error: unknown): ConnectionStatus {
    const message = this.redactor.apply(error instanceof Error ? error.message : String(error));
    this.log(`connection: could not restore the session: ${message}`);
    this.box.set({ state: 'error', message, reconnect: null });
    return this.status();
  }

  /** Revoke and forget the current session, if any. Never throws. */
  private async endSession(): Promise<void> {
    const session = this.session;
    this.session = null;
    await session?.end({ revoke: true });
  }

  private needSignIn(message: string): ConnectionStatus {
    this.reconnector.stop();
    this.box.set({ state: 'signInNeeded', expiresAt: null, message, reconnect: null });
    return this.status();
  }

  /** Sign-ins, restore and sign-out run one at a time, in call order. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => {});
    return run;
  }
}

function anySignal(...signals: Array<AbortSignal | undefined>): AbortSignal {
  return AbortSignal.any(signals.filter((s): s is AbortSignal => s !== undefined));
}
