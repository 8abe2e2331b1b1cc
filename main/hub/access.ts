import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { CookieSerializeOptions } from '@fastify/cookie';
import { ADMIN_KEY_HEADER } from '../../contract/hub-api';

/**
 * Who may see the board and who may change settings. On 127.0.0.1 anyone on this machine may view;
 * serving a LAN needs the access key (presented once as `?key=`, then carried by a cookie). Settings
 * and sign-in calls always need the separate admin key in a header. Keys are compared in constant time.
 */

export interface AccessPolicy {
  /** null: viewers need no key (loopback only). */
  accessKey: string | null;
  adminKey: string;
}

export function generateKey(): string {
  return randomBytes(24).toString('base64url');
}

export function sameKey(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** What a viewer presented: the access cookie's value and the `?key=` parameter, either possibly absent. */
export interface ViewerCredentials {
  cookie: string | undefined;
  key: string | null;
}

export type ViewerCheck = 'allowed' | 'allowedWithKey' | 'denied';

/** Whether a request may view; `allowedWithKey` means it presented the key in the URL (set the cookie). */
export function checkViewer(presented: ViewerCredentials, policy: AccessPolicy): ViewerCheck {
  if (policy.accessKey === null) return 'allowed';
  if (sameKey(presented.cookie, policy.accessKey)) return 'allowed';
  if (sameKey(presented.key, policy.accessKey)) return 'allowedWithKey';
  return 'denied';
}

export function isAdmin(headers: IncomingHttpHeaders, policy: AccessPolicy): boolean {
  const header = headers[ADMIN_KEY_HEADER];
  return sameKey(Array.isArray(header) ? header[0] : header, policy.adminKey);
}

/** The access cookie: script-proof, never sent cross-site; a year, so a TV need not see the key again. */
export const ACCESS_COOKIE_OPTIONS: CookieSerializeOptions = {
  path: '/',
  httpOnly: true,
  sameSite: 'strict',
  maxAge: 31_536_000,
};
