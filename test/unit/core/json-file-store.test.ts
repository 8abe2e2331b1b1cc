import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DocumentError, JsonFileStore } from '../../../main/core/settings/json-file-store';

/** Real files in a temporary directory: atomic writes, backups, migrations and recovery. */

const Schema = z.object({
  version: z.number(),
  boards: z.array(z.object({ name: z.string().min(1), seconds: z.number().int().positive() })),
});
type Doc = z.infer<typeof Schema>;

let dir: string;
let path: string;
const store = () =>
  new JsonFileStore<Doc>({
    path,
    schema: Schema,
    version: 2,
    migrations: [
      // v1 kept rotation in minutes under `minutes`.
      {
        from: 1,
        migrate: (doc) => ({
          ...doc,
          boards: (doc.boards as Array<{ name: string; minutes: number }>).map((b) => ({
            name: b.name,
            seconds: b.minutes * 60,
          })),
        }),
      },
    ],
    defaults: () => ({ version: 2, boards: [{ name: 'Queues', seconds: 30 }] }),
  });

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'callboard-settings-'));
  path = join(dir, 'settings.json');
});

describe('JsonFileStore', () => {
  it('gives defaults when there is no file yet, and writes it owner-only', async () => {
    const loaded = await store().load();
    expect(loaded).toEqual({ value: { version: 2, boards: [{ name: 'Queues', seconds: 30 }] } });
    await store().save(loaded.value);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('creates a missing folder on the first save, owner-only', async () => {
    path = join(dir, 'config', 'callboard', 'settings.json');
    await store().save({ version: 2, boards: [{ name: 'New', seconds: 15 }] });
    expect((await store().load()).value.boards[0]?.name).toBe('New');
    expect((await stat(join(dir, 'config', 'callboard'))).mode & 0o777).toBe(0o700);
  });

  it('keeps the previous file as a backup on every save', async () => {
    await store().save({ version: 2, boards: [{ name: 'First', seconds: 10 }] });
    await store().save({ version: 2, boards: [{ name: 'Second', seconds: 20 }] });
    expect(JSON.parse(await readFile(`${path}.bak`, 'utf8')).boards[0].name).toBe('First');
    expect((await store().load()).value.boards[0]?.name).toBe('Second');
  });

  it('never lets a damaged file push the last good copy out of the backup', async () => {
    await store().save({ version: 2, boards: [{ name: 'Good', seconds: 10 }] });
    await store().save({ version: 2, boards: [{ name: 'Better', seconds: 10 }] });
    await writeFile(path, '{"version": 2, "boards": [{"name": ""'); // hand-edited and broken
    await store().save({ version: 2, boards: [{ name: 'Fixed', seconds: 10 }] });
    // The broken file was not made the backup: the backup is still the last valid earlier version.
    expect(JSON.parse(await readFile(`${path}.bak`, 'utf8')).boards[0].name).toBe('Good');
  });

  it('reads a file that starts with a byte-order mark as the same document', async () => {
    await writeFile(path, `\uFEFF${JSON.stringify({ version: 2, boards: [{ name: 'BOM', seconds: 5 }] })}`);
    const loaded = await store().load();
    expect(loaded.recovery).toBeUndefined();
    expect(loaded.value.boards[0]?.name).toBe('BOM');
  });

  it('removes temporary files that a crash left behind, at load', async () => {
    await store().save({ version: 2, boards: [{ name: 'Kept', seconds: 5 }] });
    await writeFile(`${path}.3141592653`, '{"version": 2, "boa');
    await writeFile(`${path}.bak.2718281828`, '');
    expect((await store().load()).value.boards[0]?.name).toBe('Kept');
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('refuses to save an invalid document, naming the field, and leaves the file alone', async () => {
    await store().save({ version: 2, boards: [{ name: 'Good', seconds: 10 }] });
    const bad = { version: 2, boards: [{ name: '', seconds: 10 }] };
    await expect(store().save(bad)).rejects.toThrow(/boards\[0\]\.name/);
    await expect(store().save(bad)).rejects.toBeInstanceOf(DocumentError);
    expect((await store().load()).value.boards[0]?.name).toBe('Good');
  });

  it('migrates an older version in memory', async () => {
    await writeFile(path, JSON.stringify({ version: 1, boards: [{ name: 'Old', minutes: 2 }] }));
    const loaded = await store().load();
    expect(loaded.migratedFrom).toBe(1);
    expect(loaded.value.boards).toEqual([{ name: 'Old', seconds: 120 }]);
  });

  it('recovers a corrupt file from the backup, keeps the corrupt file, and says what was wrong', async () => {
    await store().save({ version: 2, boards: [{ name: 'Saved', seconds: 10 }] });
    await store().save({ version: 2, boards: [{ name: 'Latest', seconds: 10 }] });
    await writeFile(path, '{"version": 2, "boards": [');
    const loaded = await store().load();
    expect(loaded.value.boards[0]?.name).toBe('Saved');
    expect(loaded.recovery?.usedInstead).toBe('backup');
    expect(loaded.recovery?.problem).toMatch(/settings\.json is not valid JSON/);
    expect(await readFile(loaded.recovery!.preservedAs, 'utf8')).toBe('{"version": 2, "boards": [');
  });

  it('names the invalid field, and uses defaults when the backup is no better', async () => {
    await writeFile(path, JSON.stringify({ version: 2, boards: [{ name: 'X', seconds: -5 }] }));
    const loaded = await store().load();
    expect(loaded.recovery).toMatchObject({ usedInstead: 'defaults' });
    expect(loaded.recovery?.problem).toMatch(/settings\.json: boards\[0\]\.seconds/);
    expect(loaded.value.boards[0]?.name).toBe('Queues');
    expect((await readdir(dir)).some((f) => f.startsWith('settings.json.corrupt-'))).toBe(true);
  });

  it('will not read a file from a newer version', async () => {
    await writeFile(path, JSON.stringify({ version: 9, boards: [] }));
    const loaded = await store().load();
    expect(loaded.recovery?.problem).toContain('written by a newer Callboard (version 9');
  });
});
