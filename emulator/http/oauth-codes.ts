import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { OAuthApp } from './oauth';
import { OAuthError } from './oauth-error';

/**
 * The authorization-code flow's codes: issued by GET /restapi/oauth/authorize (PKCE S256 or plain),
 * redeemed once by the token endpoint within a minute, for the same app and redirect URI.
 */

export function randomToken(): string {
  return randomBytes(24).toString('base64url');
}

export function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function isLoopbackRedirect(uri: string): boolean {
  try {
    const url = new URL(uri);
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  ownerId: string;
  challenge: string | null;
  method: 'S256' | 'plain';
  expires: number;
}

export class AuthorizationCodes {
  private readonly codes = new Map<string, PendingCode>();

  constructor(private readonly knownUser: (idOrNumber: string) => string | undefined) {}

  /** GET /restapi/oauth/authorize: the user is signed in and consents at once; 302 back with a code. */
  authorize(query: URLSearchParams, apps: readonly OAuthApp[], defaultOwnerId: string): string {
    const clientId = query.get('client_id') ?? '';
    const app = apps.find((a) => a.clientId === clientId);
    if (!app)
      throw new OAuthError(
        400,
        'invalid_request',
        `Client application [${clientId}] is not found`,
        'OAU-153',
      );
    if (query.get('response_type') !== 'code') {
      throw new OAuthError(
        400,
        'unsupported_response_type',
        'Only response_type=code is supported',
        'OAU-150',
      );
    }
    const redirectUri = query.get('redirect_uri') ?? '';
    const allowed = app.redirectUris?.length
      ? app.redirectUris.includes(redirectUri)
      : isLoopbackRedirect(redirectUri);
    if (!allowed) {
      throw new OAuthError(
        400,
        'invalid_request',
        `Redirect URI [${redirectUri}] is not registered for this app`,
        'OAU-101',
      );
    }
    const target = new URL(redirectUri);
    const state = query.get('state');
    if (state !== null) target.searchParams.set('state', state);
    const hint = query.get('login_hint');
    if (hint === 'deny') {
      target.searchParams.set('error', 'access_denied');
      target.searchParams.set('error_description', 'The user denied access');
      return target.toString();
    }
    const ownerId = (hint && this.knownUser(hint)) || defaultOwnerId;
    const method = query.get('code_challenge_method') ?? 'plain';
    if (method !== 'S256' && method !== 'plain') {
      throw new OAuthError(400, 'invalid_request', 'code_challenge_method must be S256 or plain', 'OAU-101');
    }
    const code = randomToken();
    this.codes.set(code, {
      clientId,
      redirectUri,
      ownerId,
      challenge: query.get('code_challenge'),
      method,
      expires: Date.now() + 60_000,
    });
    target.searchParams.set('code', code);
    return target.toString();
  }

  /** The owner a valid code (for this app, redirect URI and verifier) was issued for; single use. */
  redeem(clientId: string, form: URLSearchParams): string {
    const code = form.get('code') ?? '';
    const pending = this.codes.get(code);
    this.codes.delete(code);
    if (!pending || pending.expires < Date.now() || pending.clientId !== clientId) {
      throw new OAuthError(400, 'invalid_grant', 'Authorization code is invalid or expired', 'OAU-109');
    }
    if ((form.get('redirect_uri') ?? '') !== pending.redirectUri) {
      throw new OAuthError(
        400,
        'invalid_grant',
        'Redirect URI does not match the authorization request',
        'OAU-109',
      );
    }
    if (pending.challenge !== null) {
      const verifier = form.get('code_verifier') ?? '';
      const computed =
        pending.method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
      if (!verifier || !sameText(computed, pending.challenge)) {
        throw new OAuthError(
          400,
          'invalid_grant',
          'Code verifier does not match the code challenge',
          'OAU-109',
        );
      }
    }
    return pending.ownerId;
  }

  clear(): void {
    this.codes.clear();
  }
}
