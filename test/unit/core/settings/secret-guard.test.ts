import { describe, expect, it } from 'vitest';
import { assertNoSecrets, findSecretField, isSecretName } from '../../../../main/core/settings/secret-guard';
import { SettingsError } from '../../../../main/core/settings/settings-error';

/** Defence in depth: nothing named like a credential reaches the settings file. */

describe('secret guard', () => {
  it('recognises credential names however they are written', () => {
    for (const name of [
      'clientSecret',
      'client_secret',
      'jwt',
      'JWT',
      'accessToken',
      'refresh-token',
      'password',
      'token',
      'apiKey',
      'adminKey',
    ]) {
      expect(isSecretName(name), name).toBe(true);
    }
    for (const name of ['keys', 'clientId', 'tokenExpiresAt', 'server', 'title', 'text', 'grouping']) {
      expect(isSecretName(name), name).toBe(false);
    }
  });

  it('finds a secret anywhere and names its path', () => {
    expect(findSecretField({ a: [{ b: 1 }, { c: { accessToken: 'x' } }] })).toBe('a[1].c.accessToken');
    expect(findSecretField([{ jwt: 'x' }])).toBe('[0].jwt');
    expect(findSecretField({ boards: [{ keys: ['3001'], text: 'password is on the wiki' }] })).toBeNull();
  });

  it('lets flags and nulls through, since they cannot hold a secret', () => {
    expect(findSecretField({ useJwt: true, clientSecret: null })).toBeNull();
    expect(findSecretField({ clientSecret: '' })).toBe('clientSecret');
  });

  it('copes with cycles', () => {
    const cyclic: Record<string, unknown> = { name: 'x' };
    cyclic.self = cyclic;
    expect(findSecretField(cyclic)).toBeNull();
  });

  it('throws a SettingsError naming the field', () => {
    expect(() => assertNoSecrets({ connection: { password: 'p' } }, 'Not saved')).toThrow(SettingsError);
    expect(() => assertNoSecrets({ connection: { password: 'p' } }, 'Not saved')).toThrow(
      /^Not saved: connection\.password looks like a secret/,
    );
  });
});
