import { beforeAll, describe, expect, it } from 'vitest';
import { KeychainSecretStore } from '../../../main/core/secrets/secret-store';
import { requireKeyring } from '../../support/keyring';

/**
 * The real keychain: keytar against gnome-keyring in a private D-Bus session, as
 * `npm run test:integration` starts it (test/support/with-keyring.mjs).
 */
describe('secrets in the real OS keychain (needs gnome-keyring; see with-keyring.mjs)', () => {
  const service = `Callboard-test-${process.pid}`;
  beforeAll(requireKeyring);

  it('stores, reads back across a restart, and deletes', async () => {
    const first = await KeychainSecretStore.open({ service });
    expect(first.kind).toBe('keychain');
    await first.set('profile-1', 'jwt', 'eyJ-test-credential');
    await first.set('profile-1', 'tokens', JSON.stringify({ refresh_token: 'r1' }));
    await first.set('profile-2', 'jwt', 'other-credential');

    const afterRestart = await KeychainSecretStore.open({ service });
    expect(await afterRestart.get('profile-1', 'jwt')).toBe('eyJ-test-credential');
    expect(JSON.parse((await afterRestart.get('profile-1', 'tokens'))!)).toEqual({ refresh_token: 'r1' });

    await afterRestart.deleteProfile('profile-1');
    expect(await afterRestart.get('profile-1', 'jwt')).toBeNull();
    expect(await afterRestart.get('profile-1', 'tokens')).toBeNull();
    expect(await afterRestart.get('profile-2', 'jwt')).toBe('other-credential');
    await afterRestart.deleteProfile('profile-2');
  });
});
