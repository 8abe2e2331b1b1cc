import { randomBytes } from 'node:crypto';
import type { CookieSerializeOptions } from '@fastify/cookie';
import { sameKey } from './access';
import { AttemptLimiter } from './attempt-limiter';

/**
 * The settings pages' sign-in: an IT admin types the admin key once and gets a session cookie
 * (HttpOnly, SameSite=Strict, for this hub's path only), so the key is not kept in the page. Sessions
 * live in memory (a hub restart signs admins out) and last ADMIN_SESSION_MS since their last use (the
 * cookie is set again on use). Wrong keys are limited per caller and hub-wide (attempt-limiter.ts).
 */

export const ADMIN_COOKIE = 'callboard_admin';
export const ADMIN_SESSION_MS = 8 * 3_600_000;
/** Wrong admin keys a minute, per caller and for the whole hub (the key itself has 120+ bits). */
export const ADMIN_ATTEMPTS = { perCaller: 10, perHub: 100 } as const;
const MAX_SESSIONS = 100;

export const ADMIN_COOKIE_OPTIONS: CookieSerializeOptions = {
  path: '/',
  httpOnly: true,
  sameSite: 'strict',
  maxAge: ADMIN_SESSION_MS / 1000,
};

export type AdminSignIn = { ok: true; token: string } | { ok: false; status: 403 | 429; error: string };

export class AdminSessions {
  private readonly sessions = new Map<string, number>();
  private readonly attempts: AttemptLimiter;

  constructor(
    private readonly adminKey: string,
    private readonly now: () => number = Date.now,
  ) {
    this.attempts = new AttemptLimiter(ADMIN_ATTEMPTS, now);
  }

  /** `caller`: who is trying (the network address), so wrong keys are limited per caller. */
  signIn(key: unknown, caller: string): AdminSignIn {
    const now = this.now();
    if (this.attempts.blocked(caller)) {
      return { ok: false, status: 429, error: 'Too many wrong keys. Wait a minute, then try again.' };
    }
    if (typeof key !== 'string' || !sameKey(key, this.adminKey)) {
      this.attempts.fail(caller);
      return { ok: false, status: 403, error: 'That is not this hub’s admin key.' };
    }
    this.expire(now);
    if (this.sessions.size >= MAX_SESSIONS) {
      const oldest = [...this.sessions.entries()].sort((a, b) => a[1] - b[1])[0];
      if (oldest) this.sessions.delete(oldest[0]);
    }
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(token, now + ADMIN_SESSION_MS);
    return { ok: true, token };
  }

  /** Whether a cookie is a live session; a use extends it. */
  valid(token: string | undefined): boolean {
    if (token === undefined) return false;
    const now = this.now();
    const expires = this.sessions.get(token);
    if (expires === undefined) return false;
    if (expires <= now) {
      this.sessions.delete(token);
      return false;
    }
    this.sessions.set(token, now + ADMIN_SESSION_MS);
    return true;
  }

  signOut(token: string | undefined): void {
    if (token !== undefined) this.sessions.delete(token);
  }

  private expire(now: number): void {
    for (const [token, expires] of this.sessions) if (expires <= now) this.sessions.delete(token);
  }
}
