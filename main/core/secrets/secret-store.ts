/**
 * Where Callboard keeps secrets: the client secret, the JWT credential and the OAuth tokens. They live
 * in the OS keychain through keytar (a real Secret Service on Linux, Keychain on macOS, Credential
 * Manager on Windows) and in this process's memory — never in the settings file, a log or a renderer.
 *
 * When no keychain can be used, opening the store fails with an error that names the cause and the
 * fix. The only fallback is opt-in and keeps secrets in memory for the life of the process (headless
 * hubs read the JWT from the environment and sign in again after a restart); there is no plaintext file.
 */

export const SECRET_NAMES = ['clientSecret', 'jwt', 'tokens'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

export interface SecretStore {
  /** `keychain` persists across restarts; `memory` (opt-in) does not; `unavailable` stores nothing. */
  readonly kind: 'keychain' | 'memory' | 'unavailable';
  get(profile: string, name: SecretName): Promise<string | null>;
  set(profile: string, name: SecretName, value: string): Promise<void>;
  delete(profile: string, name: SecretName): Promise<void>;
  /** Remove every secret of a connection profile (sign-out, profile deleted). */
  deleteProfile(profile: string): Promise<void>;
}

/** The part of keytar Callboard uses; tests may pass a fake. */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export class SecretStoreUnavailableError extends Error {
  override readonly name = 'SecretStoreUnavailableError';
}

export const DEFAULT_SERVICE = 'Callboard';

const accountKey = (profile: string, name: SecretName) => `${profile}:${name}`;

export class KeychainSecretStore implements SecretStore {
  readonly kind = 'keychain';

  private constructor(
    private readonly keytar: KeytarApi,
    private readonly service: string,
  ) {}

  /**
   * Open the keychain and prove it works with a write, read and delete of a probe item: a locked
   * Linux keyring answers reads with null, so only a round trip tells a working keychain apart.
   */
  static async open(options: { service?: string; keytar?: KeytarApi } = {}): Promise<KeychainSecretStore> {
    const service = options.service ?? DEFAULT_SERVICE;
    let keytar = options.keytar;
    if (!keytar) {
      try {
        // keytar is CommonJS: under ESM its API is the default export.
        const loaded = (await import('keytar')) as unknown as KeytarApi & { default?: KeytarApi };
        keytar = loaded.default ?? loaded;
      } catch (error) {
        throw unavailable(error, 'the keytar module could not be loaded');
      }
    }
    const probe = `probe-${process.pid}-${Date.now()}`;
    try {
      await keytar.setPassword(service, probe, 'ok');
      const readBack = await keytar.getPassword(service, probe);
      await keytar.deletePassword(service, probe);
      if (readBack !== 'ok') throw new Error('the keychain did not return what was written (is it locked?)');
    } catch (error) {
      throw unavailable(error);
    }
    return new KeychainSecretStore(keytar, service);
  }

  get(profile: string, name: SecretName): Promise<string | null> {
    return this.keytar.getPassword(this.service, accountKey(profile, name));
  }

  set(profile: string, name: SecretName, value: string): Promise<void> {
    return this.keytar.setPassword(this.service, accountKey(profile, name), value);
  }

  async delete(profile: string, name: SecretName): Promise<void> {
    await this.keytar.deletePassword(this.service, accountKey(profile, name));
  }

  async deleteProfile(profile: string): Promise<void> {
    for (const name of SECRET_NAMES) await this.delete(profile, name);
  }
}

/** Opt-in fallback: secrets for this process only. */
export class MemorySecretStore implements SecretStore {
  readonly kind = 'memory';
  private readonly values = new Map<string, string>();

  async get(profile: string, name: SecretName): Promise<string | null> {
    return this.values.get(accountKey(profile, name)) ?? null;
  }

  async set(profile: string, name: SecretName, value: string): Promise<void> {
    this.values.set(accountKey(profile, name), value);
  }

  async delete(profile: string, name: SecretName): Promise<void> {
    this.values.delete(accountKey(profile, name));
  }

  async deleteProfile(profile: string): Promise<void> {
    for (const name of SECRET_NAMES) this.values.delete(accountKey(profile, name));
  }
}

/**
 * The keychain, or — only when `allowMemoryFallback` is set (CALLBOARD_SECRETS=memory) — process memory.
 * `onFallback` hears why the keychain could not be used, so the UI and the log can say so.
 */
export async function openSecretStore(options: {
  allowMemoryFallback: boolean;
  service?: string;
  keytar?: KeytarApi;
  onFallback?: (reason: SecretStoreUnavailableError) => void;
}): Promise<SecretStore> {
  try {
    return await KeychainSecretStore.open(options);
  } catch (error) {
    if (!(error instanceof SecretStoreUnavailableError) || !options.allowMemoryFallback) throw error;
    options.onFallback?.(error);
    return new MemorySecretStore();
  }
}

function unavailable(error: unknown, what?: string): SecretStoreUnavailableError {
  const detail = what ?? (error instanceof Error ? error.message : String(error));
  let fix =
    'Make an OS keychain available, or start with CALLBOARD_SECRETS=memory to keep secrets in memory only.';
  if (/autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|org\.freedesktop\.DBus/i.test(detail)) {
    fix = `No D-Bus session: run inside a desktop session or dbus-run-session with gnome-keyring unlocked. ${fix}`;
  } else if (/locked collection|is it locked/i.test(detail)) {
    fix = `The keyring is locked: unlock it (gnome-keyring-daemon --unlock). ${fix}`;
  } else if (/org\.freedesktop\.secrets|Secret Service/i.test(detail)) {
    fix = `No Secret Service is running: install and start gnome-keyring or KWallet. ${fix}`;
  }
  return new SecretStoreUnavailableError(`The OS keychain is not available (${detail}). ${fix}`, {
    cause: error,
  });
}
