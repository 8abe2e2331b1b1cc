import { DEMO_APP, type Emulator } from '../../emulator/emulator';
import { Connection } from '../../main/core/connection';
import type { Transport } from '../../main/core/poller/transport';
import { MemorySecretStore } from '../../main/core/secrets/secret-store';

/**
 * A real Connection (the real @ringcentral/sdk over HTTP) signed in to a test's emulator with the
 * demo app's JWT: what the poller sends through in production, minus the keychain.
 */
export async function signedInTransport(
  emulator: Emulator,
): Promise<{ transport: Transport; close: () => void }> {
  const connection = new Connection({
    server: { kind: 'demo', url: emulator.url },
    profile: 'test',
    secrets: new MemorySecretStore(),
  });
  await connection.signInWithJwt({ ...DEMO_APP });
  return { transport: connection.send, close: () => connection.close() };
}
