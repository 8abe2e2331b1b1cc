import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ACCESS_COOKIE, ACCESS_KEY_PARAM, ADMIN_KEY_HEADER } from '../../contract/hub-api';

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

export function cookieValue(request: IncomingMessage, name: string): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

export type ViewerCheck = 'allowed' | 'allowedWithKey' | 'denied';

/** Whether a request may view; `allowedWithKey` means it presented the key in the URL (set the cookie). */
export function checkViewer(request: IncomingMessage, url: URL, policy: AccessPolicy): ViewerCheck {
  if (policy.accessKey === null) return 'allowed';
  if (sameKey(cookieValue(request, ACCESS_COOKIE), policy.accessKey)) return 'allowed';
  if (sameKey(url.searchParams.get(ACCESS_KEY_PARAM), policy.accessKey)) return 'allowedWithKey';
  return 'denied';
}

export function isAdmin(request: IncomingMessage, policy: AccessPolicy): boolean {
  const header = request.headers[ADMIN_KEY_HEADER];
  return sameKey(Array.isArray(header) ? header[0] : header, policy.adminKey);
}

export function accessCookie(key: string): string {
  // One year: a TV should not need the key again after a reboot.
  return `${ACCESS_COOKIE}=${encodeURIComponent(key)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=31536000`;
}
