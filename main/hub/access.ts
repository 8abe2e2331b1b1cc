import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { CookieSerializeOptions } from '@fastify/cookie';
import { ADMIN_KEY_HEADER } from '../../contract/hub-api';

/**
 * Who may see the board and who may change settings. On 127.0.0.1 anyone on this machine may view;
 * serving a LAN needs the access key (presented once as `?key=`, traded for the screen's own token in
 * a cookie) or a pairing code. Settings and sign-in calls always need the separate admin key in a
 * header. Keys are compared in constant time, and a LAN is never served with a weak one.
 */

export interface AccessPolicy {
  /** null: viewers need no key (loopback only). */
  accessKey: string | null;
  adminKey: string;
}

/** 20 characters of base64url are 120 bits; generated keys have 32 (192 bits). */
export const MIN_KEY_LENGTH = 20;

export function generateKey(): string {
  return randomBytes(24).toString('base64url');
}

/** Why a key given by the admin (environment, file) must not be used, or null when it is strong enough. */
export function weakKeyProblem(where: string, key: string): string | null {
  if (key.trim() === '')
    return `${where} is empty: unset it to have a strong key generated, or set one of at least ${MIN_KEY_LENGTH} characters`;
  if (key.length < MIN_KEY_LENGTH) {
    return `${where} is ${key.length} characters long; a key that guards a network needs at least ${MIN_KEY_LENGTH} (unset it to have one generated)`;
  }
  if (/[\s"',;\\]/.test(key))
    return `${where} contains spaces, quotes, commas, semicolons or backslashes; use letters, digits, - and _`;
  return null;
}

/** Constant time, over digests of equal length, so neither the key nor its length shows in the timing. */
export function sameKey(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** What a viewer presented: the access cookie's value and the `?key=` parameter, either possibly absent. */
export interface ViewerCredentials {
  cookie: string | undefined;
  key: string | null;
}

/**
 * - open: a loopback hub, no key needed;
 * - screen: a screen's own token (a cookie issued by this hub, not revoked);
 * - key: the access key itself, in the address or in a cookie set before screens had tokens;
 * - denied: nothing valid.
 */
export type Viewer =
  | { kind: 'open' }
  | { kind: 'screen'; screenId: string }
  | { kind: 'key'; via: 'address' | 'oldCookie' }
  | { kind: 'denied' };

export function checkViewer(
  presented: ViewerCredentials,
  policy: AccessPolicy,
  screenOf: (token: string | undefined) => string | null,
): Viewer {
  if (policy.accessKey === null) return { kind: 'open' };
  const screenId = screenOf(presented.cookie);
  if (screenId !== null) return { kind: 'screen', screenId };
  if (sameKey(presented.key, policy.accessKey)) return { kind: 'key', via: 'address' };
  if (sameKey(presented.cookie, policy.accessKey)) return { kind: 'key', via: 'oldCookie' };
  return { kind: 'denied' };
}

export function isAdmin(headers: IncomingHttpHeaders, policy: AccessPolicy): boolean {
  const header = headers[ADMIN_KEY_HEADER];
  return sameKey(Array.isArray(header) ? header[0] : header, policy.adminKey);
}

/** The access cookie: script-proof, never sent cross-site; a year, so a TV need not join again. */
export const ACCESS_COOKIE_OPTIONS: CookieSerializeOptions = {
  path: '/',
  httpOnly: true,
  sameSite: 'strict',
  maxAge: 31_536_000,
};

/**
 * A cookie's options for this request: Secure when the page came over https (directly, or through a
 * TLS reverse proxy the hub trusts, --trust-proxy), so the cookie never travels over plain http then.
 */
export function cookieFor(
  request: { protocol: string },
  options: CookieSerializeOptions,
): CookieSerializeOptions {
  return request.protocol === 'https' ? { ...options, secure: true } : options;
}
