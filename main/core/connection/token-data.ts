import { z } from 'zod';

/**
 * The session as the SDK keeps it (its `AuthData`: tokens plus absolute expiry times in ms), and
 * what Callboard reads from it. Persisted tokens come back from the keychain as text that may be
 * old, foreign or damaged, so they are parsed, never trusted.
 */

const NumberLike = z.union([z.number(), z.string()]);

/** Loose on purpose: the SDK adds fields over time and must get them all back on restore. */
export const StoredTokensSchema = z.looseObject({
  token_type: z.string().optional(),
  access_token: z.string(),
  expires_in: NumberLike.optional(),
  expire_time: z.number(),
  refresh_token: z.string().optional(),
  refresh_token_expires_in: NumberLike.optional(),
  refresh_token_expire_time: z.number().optional(),
  scope: z.string().optional(),
  owner_id: NumberLike.optional(),
  endpoint_id: z.string().optional(),
});
export type StoredTokens = z.infer<typeof StoredTokensSchema>;

/** Persisted text → tokens, or null when there is nothing usable (absent, not JSON, wrong shape). */
export function parseStoredTokens(text: string | null | undefined): StoredTokens | null {
  if (!text) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = StoredTokensSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

export interface TokenFacts {
  /** The SDK would use the access token as it is (valid for longer than the renewal margin). */
  accessUsable: boolean;
  /** A refresh can still be tried (the refresh token exists and has not expired by the clock). */
  refreshUsable: boolean;
  /** When the sign-in lapses unless renewed: the refresh token's expiry, else the access token's. */
  expiresAt: string | null;
  ownerId: string | null;
}

/** `renewMarginMs` is the SDK's refresh handicap: it renews that long before the access token expires. */
export function tokenFacts(tokens: StoredTokens | null, now: number, renewMarginMs: number): TokenFacts {
  if (!tokens) return { accessUsable: false, refreshUsable: false, expiresAt: null, ownerId: null };
  const refreshUsable = !!tokens.refresh_token && (tokens.refresh_token_expire_time ?? 0) > now;
  const lapse = tokens.refresh_token ? tokens.refresh_token_expire_time : tokens.expire_time;
  return {
    accessUsable: !!tokens.access_token && tokens.expire_time - renewMarginMs > now,
    refreshUsable,
    expiresAt: lapse && Number.isFinite(lapse) ? new Date(lapse).toISOString() : null,
    ownerId: tokens.owner_id === undefined ? null : String(tokens.owner_id),
  };
}

/**
 * The PKCE verifier is spent once the code is redeemed, but the SDK saves it with the tokens
 * (`code_verifier` in its auth data); it is dropped before anything is stored.
 */
export function withoutVerifier(text: string): string {
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json !== 'object' || json === null || !('code_verifier' in json)) return text;
    const { code_verifier: _spent, ...rest } = json as Record<string, unknown>;
    return JSON.stringify(rest);
  } catch {
    return text;
  }
}
