import type { ConnectionStatus } from '../../../contract/connection';
import type { ApiRequest, ApiResponse } from '../poller/transport';
import { MemorySecretStore, type SecretStore } from '../secrets/secret-store';
import type { Exchange } from './api-send';
import { browserSignIn } from './browser-sign-in';
import type {
  BrowserSignInRequest,
  ConnectionOptions,
  JwtCredentials,
  SignOutOptions,
} from './connection-options';
import { NotSignedInError } from './errors';
import { Redactor } from './redact';
import { serverUrlOf } from './servers';
import { Session } from './session';
import { JwtRecovery } from './jwt-recovery';
import { describeSignInFailure, isTransportFailure, stateAfter } from './sign-in-failure';
import { StatusBox } from './status-box';
import { errorText } from '../../../contract/error-text';

/**
 * One RingCentral connection: one account on one server, signed in with a JWT or through the
 * browser, its session kept in the SecretStore so a restart needs no new login, renewed by the
 * SDK and, when renewal fails, signed in again with the stored JWT (once; the token endpoint
 * allows 5 calls a minute). `send` is the poller's transport. Nothing here logs or returns a
 * token, secret, JWT, authorization code or PKCE verifier.
 */
export class Connection {
  private readonly serverUrl: string;
  private readonly store: SecretStore;
  private readonly redactor = new Redactor();
  private readonly log: (line: string) => void;
  private readonly box: StatusBox;
  private session: Session | null = null;
  private readonly recovery: JwtRecovery;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly closing = new AbortController();

  constructor(private readonly options: ConnectionOptions) {
    this.serverUrl = serverUrlOf(options.server);
    this.store = options.server.kind === 'demo' ? new MemorySecretStore() : options.secrets;
    this.log = this.redactor.wrap(options.log ?? (() => {}));
    const mode = options.server.kind === 'demo' ? 'demo' : 'account';
    this.box = new StatusBox({ state: 'signedOut', mode, account: null, expiresAt: null, message: null });
    this.recovery = new JwtRecovery({
      serverUrl: this.serverUrl,
      cooldownMs: options.reloginCooldownMs ?? 60_000,
      redactor: this.redactor,
      log: this.log,
      discard: async () => this.session?.discard(),
      readJwt: () => this.store.get(options.profile, 'jwt'),
      login: (jwt) => this.reloginWithJwt(jwt),
      needSignIn: (message) => this.needSignIn(message),
      unreachable: (message) => this.box.set({ state: 'error', message }),
    });
  }

  status(): ConnectionStatus {
    return this.box.current;
  }

  /** Hear every status change; returns the function that stops listening. */
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
        await this.recovery.run('No saved session');
        return this.status();
      } catch (error) {
        return this.failStart(error);
      }
    });
  }

  /** Store the client secret and JWT in the secret store, then sign in with them. */
  signInWithJwt(credentials: JwtCredentials): Promise<ConnectionStatus> {
    return this.exclusive(async () => {
      const { clientId, clientSecret, jwt } = credentials;
      this.redactor.remember(clientSecret, jwt);
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
      this.recovery.stop();
      await this.endSession();
      if (options.forgetCredentials) {
        await this.store.deleteProfile(this.options.profile).catch((error: unknown) => {
          this.log(`connection: could not delete the stored credentials: ${errorText(error)}`);
        });
      }
      this.box.set({ state: 'signedOut', account: null, expiresAt: null, message: null });
      return this.status();
    });
  }

  /**
   * The poller's transport: a response for any HTTP status; NetworkError, TimeoutError or
   * NotSignedInError when there is none. A session the platform no longer accepts is replaced
   * with the stored JWT (and the request sent once more), or the state becomes signInNeeded.
   */
  send = async (request: ApiRequest): Promise<ApiResponse> => {
    // A renewal in progress (another request noticed first) decides whether this one can go.
    if (this.recovery.inFlight) await this.recovery.inFlight;
    let result = await this.attempt(request);
    if ('refreshFailed' in result || result.response.status === 401) {
      const reason =
        'refreshFailed' in result
          ? 'The session could not be renewed'
          : 'RingCentral no longer accepts the session';
      if (await this.recovery.run(reason)) result = await this.attempt(request);
      if ('refreshFailed' in result) throw new NotSignedInError(this.status().message ?? undefined);
    }
    return result.response;
  };

  /** Stop timers and any browser sign-in; the stored session stays for the next start. */
  close(): void {
    this.recovery.stop();
    this.closing.abort();
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
        await this.recovery.run('The saved session could not be renewed');
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
    this.box.set({
      state: 'signedIn',
      account: { id, ...(who?.name ? { name: who.name } : {}), server: this.serverUrl },
      expiresAt: facts.expiresAt,
      message: null,
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
    this.recovery.stop();
    await this.endSession();
    this.box.set({ state: 'signingIn', account: null, expiresAt: null, message: null });
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
    this.box.set({ state: stateAfter(failure), account: null, expiresAt: null, message: failure.message });
    return failure;
  }

  private failStart(error: unknown): ConnectionStatus {
    const message = this.redactor.apply(error instanceof Error ? error.message : String(error));
    this.log(`connection: could not restore the session: ${message}`);
    this.box.set({ state: 'error', message });
    return this.status();
  }

  /** Revoke and forget the current session, if any. Never throws. */
  private async endSession(): Promise<void> {
    const session = this.session;
    this.session = null;
    await session?.end({ revoke: true });
  }

  private needSignIn(message: string): ConnectionStatus {
    this.box.set({ state: 'signInNeeded', expiresAt: null, message });
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
