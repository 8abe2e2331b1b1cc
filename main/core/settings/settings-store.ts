import { basename } from 'node:path';
import { describeIssue } from '../../../contract/describe-issue';
import { SETTINGS_VERSION, SettingsSchema, type Settings } from '../../../contract/settings';
import { defaultSettings, type DefaultScope } from './default-boards';
import { JsonFileStore, type Loaded } from './json-file-store';
import { MIGRATIONS } from './migrations';
import { assertNoSecrets } from './secret-guard';
import { SettingsError } from './settings-error';
import { errorText } from '../../../contract/error-text';

/**
 * The settings service: the one owner of settings.json in a running core. It loads (migrating or
 * recovering, and saying so in words a person can act on), hands out the current settings, saves
 * validated input one write at a time, and tells listeners about every change. Where the file lives
 * is the host's choice (docs/configuration.md); secrets are refused, never stored.
 */

export type SettingsListener = (settings: Settings) => void;

export interface LoadResult {
  settings: Settings;
  /** Set when the file was migrated or recovered: tell the user, once. */
  notice: string | null;
}

export class SettingsService {
  private readonly store: JsonFileStore<Settings>;
  private settings: Settings | null = null;
  private readonly listeners = new Set<SettingsListener>();
  /** Every load and save runs after the previous one settles, so writes and backups never interleave. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly path: string,
    defaults: DefaultScope,
  ) {
    this.store = new JsonFileStore<Settings>({
      path,
      schema: SettingsSchema,
      version: SETTINGS_VERSION,
      migrations: MIGRATIONS,
      defaults: () => defaultSettings(defaults),
    });
  }

  load(): Promise<LoadResult> {
    return this.enqueue(async () => {
      const loaded = await this.store.load();
      let notice = loadNotice(this.path, loaded);
      // Write back what is now in use: otherwise a recovered file's absence would mean silent
      // defaults on the next start, and a migrated file would be migrated again every time.
      if (loaded.recovery || loaded.migratedFrom !== undefined) {
        try {
          await this.store.save(loaded.value);
        } catch (error) {
          notice = `${notice ?? ''} Writing the repaired settings failed (${errorText(error)}); they will be written on the next save.`;
        }
      }
      this.commit(loaded.value);
      return { settings: loaded.value, notice };
    });
  }

  /** The settings in use; load() first. Treat as read-only: save a changed copy instead. */
  current(): Settings {
    if (!this.settings) throw new Error('SettingsService.current() called before load()');
    return this.settings;
  }

  /**
   * Validate and write `input`; on any problem nothing changes and a SettingsError names the field.
   * `precondition` runs in the write queue against the settings in use just before this write (after
   * every earlier save has landed), so a check such as "still the revision the draft came from" and
   * the write cannot be interleaved with another save.
   */
  async save(input: unknown, precondition?: (current: Settings) => void): Promise<Settings> {
    assertNoSecrets(input, 'Not saved');
    const parsed = SettingsSchema.safeParse(input);
    if (!parsed.success) throw new SettingsError(`Not saved: ${describeIssue(parsed.error)}`);
    const settings = parsed.data;
    assertNoSecrets(settings, 'Not saved');
    return this.enqueue(async () => {
      if (precondition && this.settings) precondition(this.settings);
      try {
        await this.store.save(settings);
      } catch (error) {
        throw new SettingsError(`Not saved: could not write ${this.path} (${errorText(error)})`, {
          cause: error,
        });
      }
      this.commit(settings);
      return settings;
    });
  }

  /** Called after every load and save with the settings now in use; returns the unsubscribe. */
  onChange(listener: SettingsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private commit(settings: Settings): void {
    this.settings = settings;
    for (const listener of [...this.listeners]) {
      try {
        listener(settings);
      } catch (error) {
        // The write has happened; one failing subscriber must not turn a good save into an error.
        console.error('settings listener failed:', error);
      }
    }
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** Construct and load in one step. */
export async function openSettings(
  path: string,
  defaults: DefaultScope,
): Promise<{ service: SettingsService; notice: string | null }> {
  const service = new SettingsService(path, defaults);
  const { notice } = await service.load();
  return { service, notice };
}

/** What a person should be told about how the file was loaded, or null when it simply loaded. */
export function loadNotice(path: string, loaded: Loaded<unknown>): string | null {
  const name = basename(path);
  const parts: string[] = [];
  if (loaded.recovery) {
    const { problem, usedInstead, preservedAs } = loaded.recovery;
    const reason = `${name} could not be read (${withoutPath(problem, path)})`;
    parts.push(
      usedInstead === 'backup'
        ? `${reason}; the previous copy from the backup is in use and the unreadable file was kept as ${preservedAs}.`
        : `${reason} and no usable backup was found; the default boards are in use and the unreadable file was kept as ${preservedAs}.`,
    );
  }
  if (loaded.migratedFrom !== undefined) {
    const source = loaded.recovery ? 'The backup' : name;
    parts.push(
      `${source} was written by an older Callboard (format version ${loaded.migratedFrom}) and has been updated to version ${SETTINGS_VERSION}; the old file is kept as ${basename(path)}.bak.`,
    );
  }
  return parts.length > 0 ? parts.join(' ') : null;
}

/** The store's problems start with the file's path; inside our sentence the name is already said. */
function withoutPath(problem: string, path: string): string {
  for (const source of [`${path}.bak`, path]) {
    if (problem.startsWith(`${source}: `)) return problem.slice(source.length + 2);
    if (problem.startsWith(`${source} `)) return `it ${problem.slice(source.length + 1)}`;
  }
  return problem;
}
