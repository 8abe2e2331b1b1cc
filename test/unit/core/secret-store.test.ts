import { describe, expect, it } from 'vitest';
import {
  KeychainSecretStore,
  MemorySecretStore,
  SecretStoreUnavailableError,
  openSecretStore,
  type KeytarApi,
} from '../../../main/core/secrets/secret-store';

/** keytar is faked here only to reproduce keychain failures; the real one is in test/integration/core. */
function failingKeytar(message: string): KeytarApi {
  const fail = () => Promise.reject(new Error(message));
  return { getPassword: fail, setPassword: fail, deletePassword: fail };
}

const lockedKeytar: KeytarApi = {
  getPassword: async () => null,
  setPassword: async () => undefined,
  deletePassword: async () => false,
};

describe('opening the keychain', () => {
  it('names the cause and the fix when there is no D-Bus session', async () => {
    const error = await KeychainSecretStore.open({
      keytar: failingKeytar('Cannot autolaunch D-Bus without X11 $DISPLAY'),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecretStoreUnavailableError);
    expect((error as Error).message).toContain('Cannot autolaunch D-Bus');
    expect((error as Error).message).toContain('dbus-run-session');
    expect((error as Error).message).toContain('CALLBOARD_SECRETS=memory');
  });

  it('detects a locked keyring that silently returns nothing', async () => {
    const error = await KeychainSecretStore.open({ keytar: lockedKeytar }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/locked/);
  });

  it('falls back to memory only when allowed, and says why', async () => {
    const keytar = failingKeytar('Cannot create an item in a locked collection');
    await expect(openSecretStore({ allowMemoryFallback: false, keytar })).rejects.toBeInstanceOf(
      SecretStoreUnavailableError,
    );
    const reasons: string[] = [];
    const store = await openSecretStore({
      allowMemoryFallback: true,
      keytar,
      onFallback: (e) => reasons.push(e.message),
    });
    expect(store.kind).toBe('memory');
    expect(reasons[0]).toContain('unlock it');
  });
});

describe('the memory store', () => {
  it('keeps secrets per profile and forgets a whole profile', async () => {
    const store = new MemorySecretStore();
    await store.set('a', 'jwt', 'secret-a');
    await store.set('b', 'jwt', 'secret-b');
    await store.set('a', 'tokens', '{"access_token":"x"}');
    await store.deleteProfile('a');
    expect(await store.get('a', 'jwt')).toBeNull();
    expect(await store.get('a', 'tokens')).toBeNull();
    expect(await store.get('b', 'jwt')).toBe('secret-b');
  });
});
