import { mkdir, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';
import { describeIssue } from '../../../contract/describe-issue';
import { errorText } from '../../../contract/error-text';
import { removeInterruptedWrites, writeDurably } from '../files/durable-file';
import { readJsonText } from '../json-text';

/**
 * One versioned JSON document on disk (the settings file): validated against a schema, migrated from
 * older versions, written durably (durable-file.ts: whole or not at all, and on disk before save()
 * resolves) with the previous good copy kept as `<file>.bak`, itself written the same way and only
 * ever a valid earlier version. A file that is corrupt or invalid is never silently reset: it is
 * set aside as `<file>.corrupt-<time>`, the backup is used instead, and the caller learns exactly
 * what was wrong (`recovery`). Temporary files of writes a crash interrupted are removed at load.
 */

export interface Migration {
  /** Migrates a document of version `from` to version `from + 1`. */
  readonly from: number;
  migrate(document: Record<string, unknown>): Record<string, unknown>;
}

export interface JsonFileStoreOptions<T> {
  path: string;
  schema: z.ZodType<T>;
  /** The version this build writes. */
  version: number;
  migrations: readonly Migration[];
  defaults: () => T;
}

export interface Recovery {
  /** What was wrong with the file, naming the field where the schema refused it. */
  problem: string;
  /** Where the loaded value came from instead. */
  usedInstead: 'backup' | 'defaults';
  /** Where the unreadable file was moved, so nothing is lost. */
  preservedAs: string;
}

export interface Loaded<T> {
  value: T;
  /** Set when the file was written by an older version and has been migrated in memory. */
  migratedFrom?: number;
  recovery?: Recovery;
}

export class DocumentError extends Error {
  override readonly name = 'DocumentError';
}

export class JsonFileStore<T> {
  constructor(private readonly options: JsonFileStoreOptions<T>) {}

  get backupPath(): string {
    return `${this.options.path}.bak`;
  }

  async load(): Promise<Loaded<T>> {
    const { path } = this.options;
    await removeInterruptedWrites(path);
    await removeInterruptedWrites(this.backupPath);
    const text = await readText(path);
    if (text === null) return { value: this.options.defaults() };
    try {
      return this.decode(text, path);
    } catch (error) {
      const problem = errorText(error);
      const preservedAs = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await rename(path, preservedAs);
      const backup = await readText(this.backupPath);
      if (backup !== null) {
        try {
          const restored = this.decode(backup, this.backupPath);
          return { ...restored, recovery: { problem, usedInstead: 'backup', preservedAs } };
        } catch {
          // The backup is no better; fall through to defaults, keeping both files.
        }
      }
      return { value: this.options.defaults(), recovery: { problem, usedInstead: 'defaults', preservedAs } };
    }
  }

  /** Validate and write atomically, keeping the file being replaced as the backup. */
  async save(value: T): Promise<void> {
    const parsed = this.options.schema.safeParse(value);
    if (!parsed.success) throw new DocumentError(`Not saved: ${describeIssue(parsed.error)}`);
    const document = { ...(parsed.data as object), version: this.options.version };
    // First save on a fresh machine: the hub's ~/.config/callboard may not exist yet.
    await mkdir(dirname(this.options.path), { recursive: true, mode: 0o700 });
    // The file being replaced becomes the backup, but only if it is a valid document: a damaged
    // file must never push out the last good copy.
    const previous = await readText(this.options.path);
    if (previous !== null && this.isValid(previous)) await writeDurably(this.backupPath, previous);
    await writeDurably(this.options.path, `${JSON.stringify(document, null, 2)}\n`);
  }

  private isValid(text: string): boolean {
    try {
      this.decode(text, this.options.path);
      return true;
    } catch {
      return false;
    }
  }

  /** Parse, migrate and validate; every failure names the file and what is wrong. */
  decode(text: string, source: string): Loaded<T> {
    const read = readJsonText(text);
    if (!read.ok) throw new DocumentError(`${source} is not valid JSON (${read.problem})`);
    const json = read.value;
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new DocumentError(`${source} does not hold a JSON object`);
    }
    let document = json as Record<string, unknown>;
    const version = document.version;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
      throw new DocumentError(`${source}: version is missing or not a positive integer`);
    }
    if (version > this.options.version) {
      throw new DocumentError(
        `${source} was written by a newer Callboard (version ${version}; this one reads up to ${this.options.version})`,
      );
    }
    for (let from = version; from < this.options.version; from++) {
      const migration = this.options.migrations.find((m) => m.from === from);
      if (!migration) throw new DocumentError(`${source}: no migration from version ${from}`);
      document = { ...migration.migrate(document), version: from + 1 };
    }
    const parsed = this.options.schema.safeParse(document);
    if (!parsed.success) throw new DocumentError(`${source}: ${describeIssue(parsed.error)}`);
    return version < this.options.version
      ? { value: parsed.data, migratedFrom: version }
      : { value: parsed.data };
  }
}

async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
