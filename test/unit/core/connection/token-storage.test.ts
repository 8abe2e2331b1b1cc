import { SDK } from '@ringcentral/sdk';
import { describe, expect, it } from 'vitest';
import { TokenStorage } from '../../../../main/core/connection/token-storage';
import {
  MemorySecretStore,
  type SecretName,
  type SecretStore,
} from '../../../../main/core/secrets/secret-store';

const KEY = 'prefix-platform';

function storage(store: SecretStore = new MemorySecretStore(), lines: string[] = []) {
  return { store, lines, adapter: new TokenStorage(store, 'main', KEY, (line) => lines.push(line)) };
}

/** A store whose writes fail the way a locked keychain's do. */
class FailingStore extends MemorySecretStore {
  override async set(_profile: string, _name: SecretName, _value: string): Promise<void> {
    throw new Error('Cannot create an item in a locked collection');
  }
}

describe('TokenStorage (the SDK localStorage adapter)', () => {
  it('persists only the session key, without the cache prefix, under <profile>:tokens', async () => {
    const { store, adapter } = storage();
    await adapter.setItem(KEY, '{"access_token":"a"}');
    await adapter.setItem('prefix-platform-discovery', '{"x":1}');
    expect(await store.get('main', 'tokens')).toBe('{"access_token":"a"}');
    expect(await adapter.getItem('prefix-platform-discovery')).toBe('{"x":1}');
    expect(await adapter.keys()).toEqual([KEY, 'prefix-platform-discovery']);
  });

  it('strips the PKCE verifier before it is kept anywhere', async () => {
    const { store, adapter } = storage();
    await adapter.setItem(KEY, '{"access_token":"a","code_verifier":"spent-verifier"}');
    expect(await store.get('main', 'tokens')).toBe('{"access_token":"a"}');
    expect(await adapter.getItem(KEY)).toBe('{"access_token":"a"}');
  });

  it('loads what an earlier process stored, whatever prefix that process used', async () => {
    const store = new MemorySecretStore();
    await store.set('main', 'tokens', '{"access_token":"from-before"}');
    const { adapter } = storage(store);
    expect(await adapter.getItem(KEY)).toBeNull();
    expect(await adapter.load()).toBe('{"access_token":"from-before"}');
    expect(await adapter.getItem(KEY)).toBe('{"access_token":"from-before"}');
    expect(adapter.current()).toBe('{"access_token":"from-before"}');
  });

  it('removing the session deletes it from the store', async () => {
    const { store, adapter } = storage();
    await adapter.setItem(KEY, '{"access_token":"a"}');
    await adapter.removeItem(KEY);
    expect(await store.get('main', 'tokens')).toBeNull();
    expect(adapter.current()).toBeNull();
  });

  it('a store failure is logged and kept for the sign-in to report; the session stays in memory', async () => {
    const { adapter, lines } = storage(new FailingStore());
    await expect(adapter.setItem(KEY, '{"access_token":"a"}')).resolves.toBeUndefined();
    expect(adapter.current()).toBe('{"access_token":"a"}');
    expect(lines.join('\n')).toMatch(/could not save the session.*locked collection/);
    expect(lines.join('\n')).not.toContain('"access_token"');
    expect(() => adapter.takeFailure()).toThrow(/locked collection/);
    expect(() => adapter.takeFailure()).not.toThrow();
  });

  it('writes land in call order even when the store is slow', async () => {
    const order: string[] = [];
    class SlowStore extends MemorySecretStore {
      override async set(profile: string, name: SecretName, value: string): Promise<void> {
        await new Promise((resolve) => setTimeout(resolve, 20));
        order.push('set');
        await super.set(profile, name, value);
      }
      override async delete(profile: string, name: SecretName): Promise<void> {
        order.push('delete');
        await super.delete(profile, name);
      }
    }
    const { store, adapter } = storage(new SlowStore());
    const writes = [adapter.setItem(KEY, '{"access_token":"a"}'), adapter.removeItem(KEY)];
    await Promise.all(writes);
    expect(order).toEqual(['set', 'delete']);
    expect(await store.get('main', 'tokens')).toBeNull();
  });

  it('is what the real SDK needs: its auth data round-trips and Cache.clean() empties it', async () => {
    const { store, adapter } = storage();
    const sdk = new SDK({
      server: 'http://127.0.0.1:9',
      clientId: 'app',
      cachePrefix: 'prefix-',
      localStorage: adapter,
    });
    await sdk.platform().auth().setData({ access_token: 'a1', expires_in: '3600', refresh_token: 'r1' });
    const saved = JSON.parse((await store.get('main', 'tokens'))!) as Record<string, unknown>;
    expect(saved).toMatchObject({ access_token: 'a1', refresh_token: 'r1' });
    expect(saved['expire_time']).toEqual(expect.any(Number));
    expect(await sdk.platform().auth().accessTokenValid()).toBe(true);
    await sdk.cache().clean();
    expect(await store.get('main', 'tokens')).toBeNull();
    expect(await sdk.platform().auth().accessTokenValid()).toBe(false);
  });
});
