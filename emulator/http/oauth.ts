import { AuthorizationCodes, randomToken as token, sameText } from './oauth-codes';
import { OAuthError } from './oauth-error';
import { PERMISSIONS } from './permissions';

/**
 * The OAuth side of the platform: authorization codes (with PKCE), JWT-bearer, authorization-code
 * and refresh-token grants, single-use refresh tokens, revocation, and bearer-token checks for
 * every API call. Lifetimes are configurable so tests can watch tokens expire in seconds.
 */

export interface OAuthApp {
  clientId: string;
  /** Confidential apps authenticate with Basic; apps also accept `client_id` in the body unless `requireSecret`. */
  clientSecret?: string;
  requireSecret?: boolean;
  /** Allowed redirect URIs; empty allows any http loopback URI. */
  redirectUris?: string[];
  /**
   * The app's permissions (RingCentral's app scopes, e.g. `ReadPresence`); omitted, every permission
   * the emulator knows (PERMISSIONS). Tests give an app fewer to see the platform refuse.
   */
  permissions?: readonly string[];
}

export interface OAuthOptions {
  apps: OAuthApp[];
  /** JWT assertion → extension id of the user it signs in. */
  jwts: Record<string, string>;
  defaultOwnerId: string;
  accessTokenTtl: number;
  refreshTokenTtl: number;
}

export interface Session {
  readonly id: string;
  readonly clientId: string;
  readonly ownerId: string;
  readonly endpointId: string;
  accessToken: string;
  accessExpires: number;
  refreshToken: string;
  refreshExpires: number;
  /** Access tokens issued before a refresh stay valid until they expire. */
  readonly previousAccess: Map<string, number>;
  /** The app's permissions when the tokens were issued (a refresh takes the app's current ones). */
  permissions: ReadonlySet<string>;
}

export { OAuthError };

export type AuthCheck = { ok: true; session: Session } | { ok: false; errorCode: string; message: string };

function permissionsOf(app: OAuthApp): ReadonlySet<string> {
  return new Set(app.permissions ?? PERMISSIONS);
}

export class OAuthServer {
  private readonly sessions = new Map<string, Session>();
  private readonly byAccess = new Map<string, Session>();
  private readonly byRefresh = new Map<string, Session>();
  private readonly codes: AuthorizationCodes;
  private readonly revokedAccess = new Set<string>();

  constructor(
    public options: OAuthOptions,
    knownUser: (idOrNumber: string) => string | undefined,
  ) {
    this.codes = new AuthorizationCodes(knownUser);
  }

  /** GET /restapi/oauth/authorize: the user is signed in and consents at once; 302 back with a code. */
  authorize(query: URLSearchParams): string {
    return this.codes.authorize(query, this.options.apps, this.options.defaultOwnerId);
  }

  /** Which app a token request comes from, for rate limiting (before it is authenticated). */
  clientOf(form: URLSearchParams, authorization: string | undefined): string {
    return this.basicCredentials(authorization)?.clientId ?? form.get('client_id') ?? 'anonymous';
  }

  /** POST /restapi/oauth/token */
  token(form: URLSearchParams, authorization: string | undefined): Record<string, unknown> {
    const app = this.authenticateClient(form, authorization);
    const grant = form.get('grant_type');
    switch (grant) {
      case 'urn:ietf:params:oauth:grant-type:jwt-bearer': {
        const ownerId = this.options.jwts[form.get('assertion') ?? ''];
        if (!ownerId) throw new OAuthError(400, 'invalid_grant', 'Invalid JWT assertion', 'OAU-144');
        return this.issue(this.newSession(app, ownerId, form), form);
      }
      case 'authorization_code':
        return this.issue(this.newSession(app, this.codes.redeem(app.clientId, form), form), form);
      case 'refresh_token':
        return this.refresh(app, form);
      default:
        throw new OAuthError(400, 'unsupported_grant_type', `Unsupported grant type [${grant}]`, 'OAU-250');
    }
  }

  /** POST /restapi/oauth/revoke: ends the whole session of an access or refresh token. */
  revoke(tokenValue: string | null, form: URLSearchParams, authorization: string | undefined): void {
    this.authenticateClient(form, authorization);
    if (!tokenValue) throw new OAuthError(400, 'invalid_request', 'Parameter [token] is required', 'OAU-101');
    const session = this.byAccess.get(tokenValue) ?? this.byRefresh.get(tokenValue);
    if (session) this.endSession(session);
  }

  /** Check a bearer token for an API call. */
  authenticate(authorization: string | undefined, now = Date.now()): AuthCheck {
    const match = /^bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) return { ok: false, errorCode: 'AGW-401', message: 'Authorization header is not specified' };
    const value = match[1]!;
    const session = this.byAccess.get(value);
    if (!session) {
      const revoked = this.revokedAccess.has(value);
      return { ok: false, errorCode: 'OAU-213', message: revoked ? 'Token is revoked' : 'Token not found' };
    }
    const expires =
      value === session.accessToken ? session.accessExpires : (session.previousAccess.get(value) ?? 0);
    if (expires <= now) return { ok: false, errorCode: 'OAU-213', message: 'Token expired' };
    return { ok: true, session };
  }

  /** Every access and refresh token now valid: tests search logs and responses for them. */
  liveTokens(): string[] {
    return [...this.byAccess.keys(), ...this.byRefresh.keys()];
  }

  /** Revoke every session (fault injection: "the admin revoked the app"). */
  revokeAll(): number {
    const count = this.sessions.size;
    for (const session of [...this.sessions.values()]) this.endSession(session);
    return count;
  }

  /** Expire every access token now; refresh tokens stay valid unless `refreshToo`. */
  expireAll(refreshToo = false): number {
    const now = Date.now();
    for (const session of this.sessions.values()) {
      session.accessExpires = Math.min(session.accessExpires, now);
      for (const key of session.previousAccess.keys()) session.previousAccess.set(key, now);
      if (refreshToo) session.refreshExpires = Math.min(session.refreshExpires, now);
    }
    return this.sessions.size;
  }

  /** Adds an app, or replaces the one with its client id; sessions keep their permissions until a refresh. */
  putApp(app: OAuthApp): void {
    this.options.apps = [...this.options.apps.filter((known) => known.clientId !== app.clientId), app];
  }

  /** The session behind an id (WebSocket connections outlive the access token they started with). */
  session(id: string): Session | undefined {
    return this.sessions.get(id);
  }

  reset(): void {
    this.sessions.clear();
    this.byAccess.clear();
    this.byRefresh.clear();
    this.codes.clear();
    this.revokedAccess.clear();
  }

  get sessionCount(): number {
    return this.sessions.size;
  }

  private basicCredentials(authorization: string | undefined): { clientId: string; secret: string } | null {
    const match = /^basic\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) return null;
    const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon < 0
      ? { clientId: decoded, secret: '' }
      : { clientId: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
  }

  private authenticateClient(form: URLSearchParams, authorization: string | undefined): OAuthApp {
    const basic = this.basicCredentials(authorization);
    const clientId = basic?.clientId ?? form.get('client_id');
    const app = this.options.apps.find((a) => a.clientId === clientId);
    if (!app) throw new OAuthError(401, 'invalid_client', 'Invalid client', 'OAU-153');
    const secret = basic?.secret ?? form.get('client_secret');
    if (secret !== null) {
      if (!app.clientSecret || !sameText(secret, app.clientSecret)) {
        throw new OAuthError(401, 'invalid_client', 'Invalid client credentials', 'OAU-123');
      }
    } else if (app.requireSecret) {
      throw new OAuthError(401, 'invalid_client', 'Client authentication is required', 'OAU-123');
    }
    return app;
  }

  private refresh(app: OAuthApp, form: URLSearchParams): Record<string, unknown> {
    const value = form.get('refresh_token') ?? '';
    const session = this.byRefresh.get(value);
    if (!session || session.clientId !== app.clientId) {
      throw new OAuthError(400, 'invalid_grant', 'Token not found', 'OAU-211');
    }
    if (session.refreshExpires <= Date.now()) {
      this.endSession(session);
      throw new OAuthError(400, 'invalid_grant', 'Refresh token has expired', 'OAU-211');
    }
    this.byRefresh.delete(value);
    const now = Date.now();
    for (const [access, expires] of session.previousAccess) {
      if (expires <= now) {
        session.previousAccess.delete(access);
        this.byAccess.delete(access);
      }
    }
    session.previousAccess.set(session.accessToken, session.accessExpires);
    session.permissions = permissionsOf(app);
    return this.issue(session, form);
  }

  private newSession(app: OAuthApp, ownerId: string, form: URLSearchParams): Session {
    const session: Session = {
      id: token(),
      clientId: app.clientId,
      ownerId,
      endpointId: form.get('endpoint_id') ?? token().slice(0, 22),
      accessToken: '',
      accessExpires: 0,
      refreshToken: '',
      refreshExpires: 0,
      previousAccess: new Map(),
      permissions: permissionsOf(app),
    };
    this.sessions.set(session.id, session);
    return session;
  }

  /** New access and refresh tokens; a client may ask for shorter lifetimes, never longer ones. */
  private issue(session: Session, form: URLSearchParams): Record<string, unknown> {
    const ttl = (requested: string | null, max: number) => {
      const value = Number(requested);
      return requested && Number.isFinite(value) && value > 0 ? Math.min(value, max) : max;
    };
    const accessTtl = ttl(form.get('access_token_ttl'), this.options.accessTokenTtl);
    const refreshTtl = ttl(form.get('refresh_token_ttl'), this.options.refreshTokenTtl);
    const now = Date.now();
    session.accessToken = token();
    session.refreshToken = token();
    session.accessExpires = now + accessTtl * 1000;
    session.refreshExpires = now + refreshTtl * 1000;
    this.byAccess.set(session.accessToken, session);
    this.byRefresh.set(session.refreshToken, session);
    return {
      access_token: session.accessToken,
      token_type: 'bearer',
      expires_in: accessTtl,
      refresh_token: session.refreshToken,
      refresh_token_expires_in: refreshTtl,
      scope: [...session.permissions].join(' '),
      owner_id: session.ownerId,
      endpoint_id: session.endpointId,
      session_id: session.id,
    };
  }

  private endSession(session: Session): void {
    this.sessions.delete(session.id);
    for (const access of [session.accessToken, ...session.previousAccess.keys()]) {
      this.byAccess.delete(access);
      this.revokedAccess.add(access);
    }
    this.byRefresh.delete(session.refreshToken);
  }
}
