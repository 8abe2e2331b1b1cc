import type { SecretStore } from '../secrets/secret-store';
import { withoutVerifier } from './token-data';
import { errorText } from '../../../contract/error-text';

/**
 * The `localStorage` the SDK is given. In Node the SDK keeps tokens in one in-memory storage shared
 * by every SDK instance, so a restart would mean a new login; this adapter persists its session
 * into the SecretStore (`<profile>:tokens`) instead.
 *
 * Shape (from the SDK's core/Cache.ts): `getItem`, `setItem`, `removeItem`, all awaited, values are
 * JSON strings under `<cachePrefix><key>`; `keys()` is what `Cache.clean()` enumerates (without it
 * the SDK would call Object.keys on this object and clean nothing). The SDK reads its auth data
 * two or three times per API request, so reads come from memory; writes go through to the store.
 * Only the session key is persisted, without the cache prefix, so any later SDK instance
 * (with its own prefix) finds it.
 */
export class TokenStorage {
  private readonly memory = new Map<string, string>();
  private persistFailure: Error | null = null;
  /** Writes run one at a time, in order: a late "save" must never land after a "delete". */
  private writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: SecretStore,
    private readonly profile: string,
    /** The SDK key of the session: `<cachePrefix>platform`. */
    private readonly sessionKey: string,
    private readonly log: (line: string) => void,
  ) {}

  /** Load the persisted session into memory (start-up). Returns the stored text, or null. */
  async load(): Promise<string | null> {
    const text = await this.store.get(this.profile, 'tokens');
    if (text) this.memory.set(this.sessionKey, text);
    else this.memory.delete(this.sessionKey);
    return text;
  }

  /** The session text the SDK holds right now (memory), or null. */
  current(): string | null {
    return this.memory.get(this.sessionKey) ?? null;
  }

  async getItem(key: string): Promise<string | null> {
    return this.memory.get(key) ?? null;
  }

  async setItem(key: string, value: string): Promise<void> {
    const text = key === this.sessionKey ? withoutVerifier(value) : value;
    this.memory.set(key, text);
    if (key === this.sessionKey) await this.persist(() => this.store.set(this.profile, 'tokens', text));
  }

  async removeItem(key: string): Promise<void> {
    this.memory.delete(key);
    if (key === this.sessionKey) await this.persist(() => this.store.delete(this.profile, 'tokens'));
  }

  async keys(): Promise<string[]> {
    return [...this.memory.keys()];
  }

  /** Forget the session here and in the store. */
  async clear(): Promise<void> {
    await this.removeItem(this.sessionKey);
  }

  /**
   * Throw the first persistence failure since the last call, if any. A failing keychain must not
   * break a running session (a refresh that cannot be saved still works until the next restart),
   * so writes only record failures; a sign-in calls this to refuse a session it could not save.
   */
  takeFailure(): void {
    const failure = this.persistFailure;
    this.persistFailure = null;
    if (failure) throw failure;
  }

  private persist(write: () => Promise<void>): Promise<void> {
    this.writes = this.writes.then(write).catch((error: unknown) => {
      this.persistFailure ??= error instanceof Error ? error : new Error(errorText(error));
      this.log(`connection: could not save the session in the secret store: ${errorText(error)}`);
    });
    return this.writes;
  }
}
