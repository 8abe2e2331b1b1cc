import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DisplayMemoryStore, EMPTY_MEMORY } from '../../../main/electron/display-memory';

/** The per-display memory survives restarts; a broken file is kept aside and said so, never lost silently. */

let folder: string;
let path: string;
const log = vi.fn();

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'callboard-displays-'));
  path = join(folder, 'displays.json');
  log.mockClear();
});

describe('DisplayMemoryStore', () => {
  it('starts empty without a file, quietly (a first start is not a problem)', async () => {
    const store = await DisplayMemoryStore.open(path, log);
    expect(store.current()).toEqual(EMPTY_MEMORY);
    expect(log).not.toHaveBeenCalled();
  });

  it('remembers each display’s mode and bounds across a restart', async () => {
    const store = await DisplayMemoryStore.open(path, log);
    await store.update((memory) => ({
      ...memory,
      displays: { 'LG TV 3840x2160': { label: 'LG TV', mode: 'kiosk', bounds: null } },
      settingsDisplay: 'Built-in 1440x900',
    }));
    const again = await DisplayMemoryStore.open(path, log);
    expect(again.current().displays['LG TV 3840x2160']?.mode).toBe('kiosk');
    expect(again.current().settingsDisplay).toBe('Built-in 1440x900');
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ version: 1 });
  });

  it('keeps a corrupt file aside, names the problem in the log, and starts from the defaults', async () => {
    await writeFile(path, '{"version":1,"displays":{"TV":{"label":"TV","mode":"sideways"}}}');
    const store = await DisplayMemoryStore.open(path, log, () => 1234);
    expect(store.current()).toEqual(EMPTY_MEMORY);
    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(/displays\.TV\.mode.*kept as .*displays\.json\.corrupt-1234/),
    );
    expect(await readdir(folder)).toContain('displays.json.corrupt-1234');
    expect(await readFile(join(folder, 'displays.json.corrupt-1234'), 'utf8')).toContain('sideways');
  });

  it('says when the file is not JSON at all', async () => {
    await writeFile(path, '{ half a file');
    await DisplayMemoryStore.open(path, log, () => 1);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('not JSON'));
  });

  it('refuses a change that would write an invalid file', async () => {
    const store = await DisplayMemoryStore.open(path, log);
    expect(() =>
      store.update((memory) => ({
        ...memory,
        displays: { x: { label: 'x', mode: 'huge' as never, bounds: null } },
      })),
    ).toThrow();
    expect(store.current()).toEqual(EMPTY_MEMORY);
  });
});
