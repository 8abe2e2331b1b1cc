import {
  SecretStoreUnavailableError,
  openSecretStore,
  type SecretName,
  type SecretStore,
} from './secret-store';

/**
 * Which secret store a starting host uses. The OS keychain when there is one. `CALLBOARD_SECRETS=memory`
 * opts in to keeping secrets in process memory only (documented in docs/connection.md; nothing is ever
 * written to a plaintext file). Without a keychain and without the opt-in, the embedded demo still
 * runs (its credentials are public), but anything that would store a real secret fails with the
 * keychain's own explanation of what is missing and how to fix it.
 */

export interface SecretStoreChoice {
  store: SecretStore;
  /** What to tell the operator about where secrets live, or null when it is simply the keychain. */
  note: string | null;
}

export async function chooseSecretStore(
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<SecretStoreChoice> {
  const optedIn = env['CALLBOARD_SECRETS'] === 'memory';
  try {
    let note: string | null = null;
    const store = await openSecretStore({
      allowMemoryFallback: optedIn,
      onFallback: (reason) => {
        note = `Secrets are kept in memory only (CALLBOARD_SECRETS=memory): ${reason.message.split(' (')[0]}.`;
      },
    });
    return { store, note };
  } catch (error) {
    if (!(error instanceof SecretStoreUnavailableError)) throw error;
    log(error.message);
    return {
      store: new UnavailableSecretStore(error),
      note: 'No OS keychain: the demo runs, but signing in to an account will fail until one is available.',
    };
  }
}

/** Reads find nothing; writes fail with the keychain's explanation. Never stores anything anywhere. */
export class UnavailableSecretStore implements SecretStore {
  readonly kind = 'unavailable';
  constructor(private readonly reason: SecretStoreUnavailableError) {}

  async get(_profile: string, _name: SecretName): Promise<string | null> {
    return null;
  }

  async set(_profile: string, _name: SecretName, _value: string): Promise<void> {
    throw this.reason;
  }

  async delete(_profile: string, _name: SecretName): Promise<void> {}

  async deleteProfile(_profile: string): Promise<void> {}
}
