import { randomBytes } from 'node:crypto';
import type { Session } from '../http/oauth';

/**
 * WebSocket access tokens (POST /restapi/oauth/wstoken). Each one lets its holder open sockets as
 * the signed-in user and app until it expires. RingCentral's guide calls the token single-use, but
 * its own client (@rc-ex/ws) keeps it and reconnects with it until 80% of `expires_in` has passed,
 * so the emulator accepts it for every connection within its lifetime.
 */

export interface WsGrant {
  readonly oauthSessionId: string;
  readonly ownerId: string;
  readonly clientId: string;
  readonly permissions: ReadonlySet<string>;
  expires: number;
}

export type WsTokenCheck = { ok: true; grant: WsGrant } | { ok: false; message: string };

export class WsTokenStore {
  private readonly grants = new Map<string, WsGrant>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(session: Session, ttlSeconds: number): { token: string; expiresIn: number } {
    this.sweep();
    const token = randomBytes(24).toString('base64url');
    this.grants.set(token, {
      oauthSessionId: session.id,
      ownerId: session.ownerId,
      clientId: session.clientId,
      permissions: session.permissions,
      expires: this.now() + ttlSeconds * 1000,
    });
    return { token, expiresIn: Math.round(ttlSeconds) };
  }

  check(token: string | null): WsTokenCheck {
    if (!token) return { ok: false, message: 'Parameter [access_token] is required' };
    const grant = this.grants.get(token);
    if (!grant) return { ok: false, message: 'WebSocket access token is not found' };
    if (grant.expires <= this.now()) return { ok: false, message: 'WebSocket access token has expired' };
    return { ok: true, grant };
  }

  /** Every token issued so far stops working (fault injection). */
  expireAll(): number {
    const now = this.now();
    for (const grant of this.grants.values()) grant.expires = Math.min(grant.expires, now);
    return this.grants.size;
  }

  reset(): void {
    this.grants.clear();
  }

  /** Forgets tokens an hour after they expired (until then they still answer "has expired"). */
  private sweep(): void {
    const cutoff = this.now() - 3_600_000;
    for (const [token, grant] of this.grants) if (grant.expires <= cutoff) this.grants.delete(token);
  }
}
