import { describe, expect, it } from 'vitest';
import { ConnectionConfigSchema } from '../../../../contract/connection';
import { PRODUCTION_SERVER, serverUrlOf } from '../../../../main/core/connection/servers';

const base = { clientId: 'app', authMethod: 'jwt', profile: 'main' } as const;

describe('ConnectionConfigSchema', () => {
  it('accepts production and an http(s) custom server', () => {
    expect(ConnectionConfigSchema.parse({ ...base, server: { kind: 'production' } }).server).toEqual({
      kind: 'production',
    });
    for (const url of ['https://platform.ringcentral.com', 'http://127.0.0.1:4010']) {
      expect(ConnectionConfigSchema.safeParse({ ...base, server: { kind: 'custom', url } }).success).toBe(
        true,
      );
    }
  });

  it('refuses other URLs with a message that says what is expected', () => {
    for (const url of ['javascript:alert(1)', 'ftp://files.example', 'platform.ringcentral.com']) {
      const result = ConnectionConfigSchema.safeParse({ ...base, server: { kind: 'custom', url } });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]).toMatchObject({
        path: ['server', 'url'],
        message: 'must be an http(s) URL such as https://platform.ringcentral.com',
      });
    }
  });

  it('refuses an unknown sign-in method and an empty client id', () => {
    expect(
      ConnectionConfigSchema.safeParse({ ...base, server: { kind: 'production' }, authMethod: 'password' })
        .success,
    ).toBe(false);
    expect(
      ConnectionConfigSchema.safeParse({ ...base, server: { kind: 'production' }, clientId: '' }).success,
    ).toBe(false);
  });
});

describe('serverUrlOf', () => {
  it('resolves production, custom and demo targets without a trailing slash', () => {
    expect(serverUrlOf({ kind: 'production' })).toBe(PRODUCTION_SERVER);
    expect(serverUrlOf({ kind: 'custom', url: 'https://platform.example/' })).toBe(
      'https://platform.example',
    );
    expect(serverUrlOf({ kind: 'demo', url: 'http://127.0.0.1:4010' })).toBe('http://127.0.0.1:4010');
  });
});
