import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeInterruptedWrites, writeDurably } from '../../../../main/core/files/durable-file';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'callboard-durable-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('writeDurably', () => {
  it('replaces the file whole, owner-only, and leaves no temporary file', async () => {
    const path = join(dir, 'settings.json');
    await writeDurably(path, 'first');
    await writeDurably(path, 'second');
    expect(await readFile(path, 'utf8')).toBe('second');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['settings.json']);
  });
});

describe('removeInterruptedWrites', () => {
  it('removes only the temporary files interrupted writes of this file left behind', async () => {
    const names = [
      'settings.json',
      'settings.json.bak',
      'settings.json.12345678',
      'settings.json.bak.987',
      'settings.json.corrupt-2026-12-02T07-00-00-000Z',
      'settings.json.notes',
      'other.json.4242',
    ];
    for (const name of names) await writeFile(join(dir, name), 'x');
    expect(await removeInterruptedWrites(join(dir, 'settings.json'))).toEqual(['settings.json.12345678']);
    expect(await removeInterruptedWrites(join(dir, 'settings.json.bak'))).toEqual(['settings.json.bak.987']);
    expect((await readdir(dir)).sort()).toEqual(
      names.filter((name) => !/\.(12345678|987)$/.test(name)).sort(),
    );
  });

  it('is quiet when the folder does not exist yet', async () => {
    expect(await removeInterruptedWrites(join(dir, 'missing', 'settings.json'))).toEqual([]);
  });
});
