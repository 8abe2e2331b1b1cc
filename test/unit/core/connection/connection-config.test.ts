import { describe, expect, it } from 'vitest';
import { SignInJwtSchema } from '../../../../contract/bridge';
import { ConnectionConfigSchema } from '../../../../contract/connection';
import { describeIssue } from '../../../../contract/describe-issue';
import { accountFromEnv } from '../../../../main/core/env-account';
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

  it('refuses a URL with a user name or password, without repeating it', () => {
    for (const url of ['http://user:hunter2-secret@platform.example', 'https://admin@platform.example']) {
      for (const schema of [ConnectionConfigSchema, SignInJwtSchema]) {
        const input = { ...base, clientSecret: 's', jwt: 'j', server: { kind: 'custom', url } };
        const result = schema.safeParse(input);
        expect(result.success).toBe(false);
        const text = describeIssue(result.error!);
        expect(text).toBe(
          'server.url: must not contain a user name or password (put credentials in the sign-in fields instead)',
        );
        expect(text).not.toMatch(/hunter2|admin@/);
      }
    }
  });

  it('refuses such a URL from the environment too, saying only which variable', () => {
    const env = {
      CALLBOARD_RC_SERVER: 'http://user:hunter2-secret@platform.example',
      CALLBOARD_RC_CLIENT_ID: 'app',
      CALLBOARD_RC_CLIENT_SECRET: 'secret',
      CALLBOARD_RC_JWT: 'jwt',
    };
    expect(() => accountFromEnv(env)).toThrow(
      'CALLBOARD_RC_SERVER must not contain a user name or password (put credentials in the sign-in fields instead)',
    );
    expect(() => accountFromEnv({ ...env, CALLBOARD_RC_SERVER: 'not a url hunter2' })).toThrow(
      /^CALLBOARD_RC_SERVER must be an http\(s\) URL/,
    );
    expect(accountFromEnv({ ...env, CALLBOARD_RC_SERVER: 'https://platform.example/' })?.serverUrl).toBe(
      'https://platform.example',
    );
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
