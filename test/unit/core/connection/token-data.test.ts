import { describe, expect, it } from 'vitest';
import { parseStoredTokens, tokenFacts, withoutVerifier } from '../../../../main/core/connection/token-data';

const NOW = Date.parse('2026-11-25T15:00:00Z');
const MINUTE = 60_000;

function stored(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    token_type: 'bearer',
    access_token: 'access-1',
    expires_in: 3600,
    expire_time: NOW + 30 * MINUTE,
    refresh_token: 'refresh-1',
    refresh_token_expires_in: 604800,
    refresh_token_expire_time: NOW + 7 * 24 * 60 * MINUTE,
    scope: 'Analytics ReadAccounts',
    owner_id: '1101',
    ...overrides,
  });
}

describe('parseStoredTokens', () => {
  it('reads what the SDK stores, keeping fields it does not know', () => {
    const tokens = parseStoredTokens(stored({ session_id: 's-1' }));
    expect(tokens).toMatchObject({ access_token: 'access-1', owner_id: '1101', session_id: 's-1' });
  });

  it.each([
    ['nothing', null],
    ['an empty string', ''],
    ['text that is not JSON', '{"access_token":'],
    ['JSON of the wrong shape', '{"access_token": 42}'],
    ['a JSON array', '[]'],
    ['the SDK default of an empty session without expiry', '{"access_token":""}'],
  ])('gives null for %s', (_what, text) => {
    expect(parseStoredTokens(text)).toBeNull();
  });
});

describe('tokenFacts', () => {
  it('a fresh session: access usable, refresh usable, lapses with the refresh token', () => {
    const facts = tokenFacts(parseStoredTokens(stored()), NOW, MINUTE);
    expect(facts).toEqual({
      accessUsable: true,
      refreshUsable: true,
      expiresAt: new Date(NOW + 7 * 24 * 60 * MINUTE).toISOString(),
      ownerId: '1101',
    });
  });

  it('an access token inside the renewal margin is not usable as it is', () => {
    const tokens = parseStoredTokens(stored({ expire_time: NOW + 30_000 }));
    expect(tokenFacts(tokens, NOW, MINUTE).accessUsable).toBe(false);
    expect(tokenFacts(tokens, NOW, 10_000).accessUsable).toBe(true);
  });

  it('a cancelled access token (after a 401) needs a refresh', () => {
    const tokens = parseStoredTokens(stored({ access_token: '', expire_time: NOW - 1000 }));
    expect(tokenFacts(tokens, NOW, MINUTE)).toMatchObject({ accessUsable: false, refreshUsable: true });
  });

  it('an expired refresh token cannot be renewed', () => {
    const tokens = parseStoredTokens(stored({ expire_time: NOW - 1000, refresh_token_expire_time: NOW - 1 }));
    expect(tokenFacts(tokens, NOW, MINUTE)).toMatchObject({ accessUsable: false, refreshUsable: false });
  });

  it('no session: nothing usable, no expiry, no owner', () => {
    expect(tokenFacts(null, NOW, MINUTE)).toEqual({
      accessUsable: false,
      refreshUsable: false,
      expiresAt: null,
      ownerId: null,
    });
  });

  it('a numeric owner id becomes a string', () => {
    expect(tokenFacts(parseStoredTokens(stored({ owner_id: 42 })), NOW, MINUTE).ownerId).toBe('42');
  });
});

describe('withoutVerifier', () => {
  it('drops the spent PKCE verifier the SDK saves with the tokens', () => {
    const text = withoutVerifier(stored({ code_verifier: 'verifier-value' }));
    expect(text).not.toContain('verifier-value');
    expect(JSON.parse(text)).toMatchObject({ access_token: 'access-1' });
  });

  it('leaves other text as it is', () => {
    expect(withoutVerifier('not json')).toBe('not json');
    expect(withoutVerifier('{"a":1}')).toBe('{"a":1}');
  });
});
