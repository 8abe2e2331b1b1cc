import type { InvokeRequest } from '../../contract/bridge';
import type { ConnectionConfig, ConnectionStatus, Server } from '../../contract/connection';
import { Connection, PRODUCTION_SERVER, serverUrlOf, type ServerTarget, type Transport } from './connection';
import { AuthBudget } from './connection/auth-budget';
import type { DemoPlatform } from './demo';
import type { AccountCredentials } from './env-account';
import { MemorySecretStore, type SecretStore } from './secrets/secret-store';
import { errorText } from '../../contract/error-text';

export type { AccountCredentials } from './env-account';

/**
 * Which connection the core uses right now, and switching between them: the embedded demo (when no
 * account is configured), an account from the settings (restored from the keychain), or a headless
 * account from the environment. A sign-in builds a new Connection beside the current one and only
 * swaps it in once it has succeeded, so a wrong JWT leaves the board running as it was.
 */

export interface SessionManagerOptions {
  secrets: SecretStore;
  openBrowser: (url: string) => Promise<void>;
  log: (line: string) => void;
  startDemo: () => Promise<DemoPlatform>;
  /** The status or the transport changed. */
  onChange: () => void;
}

/** Keychain entries of the account configured in the settings window. */
const SETTINGS_PROFILE = 'default';

const IDLE_DEMO: ConnectionStatus = {
  state: 'signedOut',
  mode: 'demo',
  account: null,
  expiresAt: null,
  message: null,
  reconnect: null,
};

export class SessionManager {
  private pendingBrowserPage: string | null = null;
  private connection: Connection | null = null;
  private unsubscribe: (() => void) | null = null;
  private demo: DemoPlatform | null = null;
  private swapped = false;
  private fallbackStatus: ConnectionStatus = IDLE_DEMO;
  private closed = false;
  /** One Auth-group budget per app on a server: a candidate sign-in and the current one share it. */
  private readonly budgets = new Map<string, AuthBudget>();

  constructor(private readonly options: SessionManagerOptions) {}

  /** At start-up: the environment's account wins, then the settings' account, else the demo. */
  async open(config: ConnectionConfig | null, envAccount: AccountCredentials | null): Promise<void> {
    if (envAccount) return this.openEnvAccount(envAccount);
    if (config) return this.restore(config);
    return this.useDemo();
  }

  status(): ConnectionStatus {
    return this.connection?.status() ?? this.fallbackStatus;
  }

  isDemo(): boolean {
    return this.demo !== null;
  }

  /** What the poller sends through, or null while there is no connection. */
  transport(): Transport | null {
    return this.connection?.send ?? null;
  }

  /** True once after the connection object was replaced (the poller must be rebuilt). */
  transportChanged(): boolean {
    const changed = this.swapped;
    this.swapped = false;
    return changed;
  }

  /**
   * The poller saw a 401 or a failed renewal. The connection already re-logged in with the stored
   * JWT or moved to signInNeeded inside `send`; all that is left is to show the new status.
   */
  handleAuthProblem(): void {
    this.options.onChange();
  }

  /** Sign in to an account with a JWT; returns the settings' connection part (no secrets). */
  async signInWithJwt(request: InvokeRequest<'connection:signInJwt'>): Promise<ConnectionConfig> {
    const server = serverOf(request.server);
    const candidate = new Connection(this.connectionOptions(server, request.clientId));
    try {
      await candidate.signInWithJwt({
        clientId: request.clientId,
        clientSecret: request.clientSecret,
        jwt: request.jwt,
      });
    } catch (error) {
      candidate.close();
      throw error;
    }
    await this.adopt(candidate);
    return { server, clientId: request.clientId, authMethod: 'jwt', profile: SETTINGS_PROFILE };
  }

  /**
   * RingCentral's sign-in page while a browser sign-in waits for it, else null: a hub has no browser
   * of its own, so the admin page offers this address as a link (it holds no secret: the PKCE
   * verifier stays here).
   */
  browserPage(): string | null {
    return this.pendingBrowserPage;
  }

  /** Sign in through the system browser (authorization code + PKCE). */
  async signInWithBrowser(request: InvokeRequest<'connection:signInBrowser'>): Promise<ConnectionConfig> {
    const server = serverOf(request.server);
    const options = this.connectionOptions(server, request.clientId);
    const candidate = new Connection({
      ...options,
      openBrowser: (url) => {
        this.pendingBrowserPage = url;
        return this.options.openBrowser(url);
      },
    });
    try {
      await candidate.signInWithBrowser({ clientId: request.clientId, clientSecret: request.clientSecret });
    } catch (error) {
      candidate.close();
      throw error;
    } finally {
      this.pendingBrowserPage = null;
    }
    await this.adopt(candidate);
    return { server, clientId: request.clientId, authMethod: 'browser', profile: SETTINGS_PROFILE };
  }

  /** Revoke the session and forget the stored credentials; the board shows "Sign-in needed". */
  async signOut(): Promise<void> {
    if (!this.connection) return;
    if (this.demo) {
      await this.connection.signOut();
    } else {
      await this.connection.signOut({ forgetCredentials: true });
    }
    this.options.onChange();
  }

  /** Leave any account (revoking its session) and run on the embedded demo. */
  async useDemo(): Promise<void> {
    if (this.demo && this.connection?.status().state === 'signedIn') return;
    if (this.connection && !this.demo) await this.connection.signOut({ forgetCredentials: true });
    let platform: DemoPlatform;
    try {
      platform = this.demo ?? (await this.options.startDemo());
    } catch (error) {
      this.fallbackStatus = {
        ...IDLE_DEMO,
        state: 'error',
        message: `The embedded demo could not start: ${errorText(error)}`,
      };
      this.options.log(`session: ${this.fallbackStatus.message}`);
      this.options.onChange();
      return;
    }
    const connection = new Connection({
      ...this.connectionOptions({ kind: 'demo', url: platform.serverUrl }, platform.clientId),
      profile: 'demo',
    });
    await this.adopt(connection, platform);
    // Keeps trying until the demo answers: it runs in this process, but a busy start may be slow.
    await connection.startWithJwt({
      clientId: platform.clientId,
      clientSecret: platform.clientSecret,
      jwt: platform.jwt,
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.detach();
    await this.stopDemo();
  }

  private async openEnvAccount(account: AccountCredentials): Promise<void> {
    const server: ServerTarget =
      account.serverUrl === PRODUCTION_SERVER
        ? { kind: 'production' }
        : { kind: 'custom', url: account.serverUrl };
    // The environment is the source of truth for a headless account: nothing goes to the keychain.
    const connection = new Connection({
      ...this.connectionOptions(server, account.clientId),
      profile: 'environment',
      secrets: new MemorySecretStore(),
    });
    await this.adopt(connection);
    // A TV started while the network or RingCentral is down keeps trying and goes Live when it can.
    await connection.startWithJwt({
      clientId: account.clientId,
      clientSecret: account.clientSecret,
      jwt: account.jwt,
    });
  }

  private async restore(config: ConnectionConfig): Promise<void> {
    const connection = new Connection(this.connectionOptions(config.server, config.clientId));
    await this.adopt(connection);
    await connection.restore();
  }

  private connectionOptions(server: ServerTarget, clientId: string) {
    const app = `${serverUrlOf(server)} ${clientId}`;
    let authBudget = this.budgets.get(app);
    if (!authBudget) {
      authBudget = new AuthBudget();
      this.budgets.set(app, authBudget);
    }
    return {
      server,
      clientId,
      authBudget,
      profile: SETTINGS_PROFILE,
      secrets: this.options.secrets,
      openBrowser: this.options.openBrowser,
      log: this.options.log,
    };
  }

  /** Make `connection` the current one; the previous one is closed and a demo no longer needed stops. */
  private async adopt(connection: Connection, demo: DemoPlatform | null = null): Promise<void> {
    if (this.closed) {
      connection.close();
      await demo?.stop();
      return;
    }
    this.detach();
    if (this.demo && this.demo !== demo) await this.stopDemo();
    this.demo = demo;
    this.connection = connection;
    this.unsubscribe = connection.onChange(() => this.options.onChange());
    this.swapped = true;
    this.options.onChange();
  }

  private detach(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.connection?.close();
    this.connection = null;
  }

  private async stopDemo(): Promise<void> {
    const demo = this.demo;
    this.demo = null;
    await demo?.stop().catch((error: unknown) => {
      this.options.log(`session: the demo did not stop cleanly: ${errorText(error)}`);
    });
  }
}

function serverOf(server: InvokeRequest<'connection:signInJwt'>['server']): Server {
  return server.kind === 'production' ? { kind: 'production' } : { kind: 'custom', url: server.url };
}
