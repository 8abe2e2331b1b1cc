import { isIP } from 'node:net';

/**
 * Where a request may come from, checked before anything else answers it:
 * - Host: a web page the supervisor visits can point a name it controls at 127.0.0.1 or a LAN
 *   address (DNS rebinding) and then read the hub as "its own" origin. The browser still sends that
 *   name as Host, so only the names the hub serves are accepted: IP literals (a rebinding needs a
 *   name), `localhost`, and the names configured for a deployment (its DNS name, the reverse proxy's).
 * - Origin and Content-Type on every POST: a cross-site form or `no-cors` fetch can send text/plain,
 *   form or multipart bodies without a preflight, never application/json; and a browser names the
 *   page that sent the request in Origin. Non-browser clients (curl, scripts) send no Origin.
 */

export class HostPolicy {
  private readonly names: ReadonlySet<string>;

  /** `names`: extra host names (without port) this hub answers to, e.g. `callboard.office.example`. */
  constructor(names: readonly string[]) {
    this.names = new Set(['localhost', ...names.map(normalizeName)]);
  }

  /** Whether a Host header (name or address, optionally with a port) is one this hub serves. */
  allows(host: string | undefined): boolean {
    const name = hostName(host);
    if (name === null) return false;
    return isIP(name.replace(/^\[|\]$/g, '')) !== 0 || this.names.has(name);
  }

  /** The names besides IP addresses and localhost, for the banner and messages. */
  get configuredNames(): string[] {
    return [...this.names].filter((name) => name !== 'localhost');
  }
}

/** The host name of a Host header, lower-cased, without port or trailing dot; null when unusable. */
export function hostName(host: string | undefined): string | null {
  if (host === undefined) return null;
  const trimmed = host.trim().toLowerCase();
  const bracketed = /^(\[[0-9a-f:.]+\])(?::\d{1,5})?$/.exec(trimmed);
  if (bracketed) return bracketed[1]!;
  const plain = /^([a-z0-9.-]+?)\.?(?::\d{1,5})?$/.exec(trimmed);
  return plain ? plain[1]! : null;
}

function normalizeName(name: string): string {
  const normalized = hostName(name);
  if (normalized === null || normalized === '') throw new Error(`"${name}" is not a host name`);
  return normalized;
}

/**
 * A POST's Origin, if any, must be the hub itself: the same host and port the request was sent to.
 * The scheme is not compared, so a TLS-terminating reverse proxy that passes the Host on still works.
 */
export function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  if (host === undefined) return false;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host.trim().toLowerCase();
  } catch {
    // "null" (a sandboxed frame, a file:// page) and anything unreadable.
    return false;
  }
}

/** application/json, with or without parameters (`; charset=utf-8`). */
export function isJsonContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  return contentType.split(';')[0]!.trim().toLowerCase() === 'application/json';
}

export type PostRefusal = { status: 403 | 415; error: string } | null;

/** Why a state-changing request is refused, or null when it may go on. */
export function refusePost(headers: {
  origin?: string | undefined;
  host?: string | undefined;
  'content-type'?: string | undefined;
}): PostRefusal {
  if (!sameOrigin(headers.origin, headers.host)) {
    return { status: 403, error: 'Refused: this request came from another web site.' };
  }
  if (!isJsonContentType(headers['content-type'])) {
    return { status: 415, error: 'Requests that change something must be sent as application/json.' };
  }
  return null;
}
