import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SETTINGS_VERSION, type Settings } from '../../../../contract/settings';
import { defaultSettings } from '../../../../main/core/settings/default-boards';
import { MIGRATIONS } from '../../../../main/core/settings/migrations';
import { SettingsError } from '../../../../main/core/settings/settings-error';
import { loadNotice, openSettings, SettingsService } from '../../../../main/core/settings/settings-store';
import { demoScope } from '../../../support/demo';

/** The settings service on real files in a temporary directory. */

const DEFAULTS = demoScope('Europe/London');
let dir: string;
let path: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'callboard-settings-service-'));
  path = join(dir, 'settings.json');
});

const service = () => new SettingsService(path, DEFAULTS);
const named = (settings: Settings, name: string): Settings => ({
  ...settings,
  boards: settings.boards.map((board, index) => (index === 0 ? { ...board, name } : board)),
});
/** Defaults with the queue board's third tile pushed off the right edge of its 6-column grid. */
function offGrid(): Settings {
  const settings = defaultSettings(DEFAULTS);
  const [queues, ...rest] = settings.boards;
  const tiles = queues!.tiles.map((tile, index) =>
    index === 2 ? { ...tile, layout: { x: 5, y: 0, w: 2, h: 1 } } : tile,
  );
  return { ...settings, boards: [{ ...queues!, tiles }, ...rest] };
}
const corruptFiles = async () => (await readdir(dir)).filter((f) => f.startsWith('settings.json.corrupt-'));

describe('SettingsService.load', () => {
  it('gives the default boards and no notice when there is no file, and writes nothing', async () => {
    const { settings, notice } = await service().load();
    expect(settings).toEqual(defaultSettings(DEFAULTS));
    expect(notice).toBeNull();
    expect(await readdir(dir)).toEqual([]);
  });

  it('round-trips a save through the file', async () => {
    const first = service();
    const { settings } = await first.load();
    const saved = await first.save(named(settings, 'Front desk'));
    const stored = JSON.parse(await readFile(path, 'utf8'));
    expect(stored.version).toBe(SETTINGS_VERSION);
    const reloaded = await service().load();
    expect(reloaded).toEqual({ settings: saved, notice: null });
    expect(reloaded.settings.boards[0]?.name).toBe('Front desk');
  });

  it('recovers a corrupt file from the backup, says what was wrong, and keeps the corrupt file', async () => {
    const writer = service();
    const { settings } = await writer.load();
    await writer.save(named(settings, 'Saved first'));
    await writer.save(named(settings, 'Saved second'));
    const corrupt = JSON.stringify({ ...offGrid(), version: SETTINGS_VERSION });
    await writeFile(path, corrupt);

    const { settings: recovered, notice } = await service().load();
    expect(recovered.boards[0]?.name).toBe('Saved first');
    expect(notice).toMatch(
      /^settings\.json could not be read \(boards\[0\]\.tiles\[2\]\.layout: lies outside the 6×4 grid\); the previous copy from the backup is in use and the unreadable file was kept as .*settings\.json\.corrupt-/,
    );
    const [kept] = await corruptFiles();
    expect(notice).toContain(join(dir, kept!));
    expect(await readFile(join(dir, kept!), 'utf8')).toBe(corrupt);
    // The recovered settings were written back: the next start loads them quietly.
    expect(await service().load()).toEqual({ settings: recovered, notice: null });
  });

  it('falls back to the defaults when there is no backup, and keeps the corrupt file', async () => {
    await writeFile(path, '{"version": 1, "boards": [');
    const { settings, notice } = await service().load();
    expect(settings).toEqual(defaultSettings(DEFAULTS));
    expect(notice).toMatch(/^settings\.json could not be read \(it is not valid JSON/);
    expect(notice).toMatch(/no usable backup was found; the default boards are in use/);
    const [kept] = await corruptFiles();
    expect(await readFile(join(dir, kept!), 'utf8')).toBe('{"version": 1, "boards": [');
  });

  it('refuses a file written by a newer Callboard and keeps it', async () => {
    const newer = JSON.stringify({ ...defaultSettings(DEFAULTS), version: SETTINGS_VERSION + 1 });
    await writeFile(path, newer);
    const { settings, notice } = await service().load();
    expect(settings).toEqual(defaultSettings(DEFAULTS));
    expect(notice).toContain(`written by a newer Callboard (version ${SETTINGS_VERSION + 1}`);
    const [kept] = await corruptFiles();
    expect(await readFile(join(dir, kept!), 'utf8')).toBe(newer);
  });

  it('openSettings loads in one step', async () => {
    const { service: opened, notice } = await openSettings(path, {
      kind: 'account',
      timeZone: 'America/New_York',
    });
    expect(notice).toBeNull();
    expect(opened.current().boards.every((board) => board.timeZone === 'America/New_York')).toBe(true);
  });

  it('refuses current() before load()', () => {
    expect(() => service().current()).toThrow(/before load/);
  });
});

describe('SettingsService.save', () => {
  it('refuses invalid settings naming the field, and changes nothing on disk or in memory', async () => {
    const settings = service();
    const { settings: loaded } = await settings.load();
    const saved = await settings.save(loaded);
    const before = await readFile(path, 'utf8');
    const listener = vi.fn();
    settings.onChange(listener);

    const attempt = settings.save(offGrid());
    await expect(attempt).rejects.toBeInstanceOf(SettingsError);
    await expect(attempt).rejects.toThrow('Not saved: boards[0].tiles[2].layout: lies outside the 6×4 grid');
    await expect(settings.save({ boards: [] })).rejects.toThrow(/boards: needs at least one board/);
    expect(await readFile(path, 'utf8')).toBe(before);
    expect(settings.current()).toBe(saved);
    expect(listener).not.toHaveBeenCalled();
  });

  it('refuses anything named like a secret, naming where it is', async () => {
    const settings = service();
    const { settings: loaded } = await settings.load();
    const withSecret = { ...loaded, connection: { clientId: 'abc', clientSecret: 'shh' } };
    await expect(settings.save(withSecret)).rejects.toThrow(
      /^Not saved: connection\.clientSecret looks like a secret/,
    );
    const deep = named(loaded, 'X') as unknown as { boards: Array<Record<string, unknown>> };
    deep.boards[1] = { ...deep.boards[1], extra: [{ refresh_token: 'r' }] };
    await expect(settings.save(deep)).rejects.toThrow(
      /boards\[1\]\.extra\[0\]\.refresh_token looks like a secret/,
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('saves a real connection: its own fields are not mistaken for secrets', async () => {
    const settings = service();
    const { settings: loaded } = await settings.load();
    const connection = {
      server: { kind: 'custom', url: 'https://rc.example' },
      clientId: 'app',
      authMethod: 'jwt',
      profile: 'main',
    };
    const saved = await settings.save({ ...loaded, connection });
    expect(saved.connection).toEqual(connection);
    expect(JSON.parse(await readFile(path, 'utf8')).connection).toEqual(connection);
  });

  it('serialises concurrent saves: each write backs up the one before it', async () => {
    const settings = service();
    const { settings: loaded } = await settings.load();
    await settings.save(named(loaded, 'Start'));
    const seen: string[] = [];
    settings.onChange((s) => seen.push(s.boards[0]!.name));

    const names = ['One', 'Two', 'Three', 'Four', 'Five'];
    const results = await Promise.allSettled([
      ...names.slice(0, 2).map((name) => settings.save(named(loaded, name))),
      settings.save(offGrid()),
      ...names.slice(2).map((name) => settings.save(named(loaded, name))),
    ]);

    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    expect(seen).toEqual(names);
    expect(JSON.parse(await readFile(path, 'utf8')).boards[0].name).toBe('Five');
    expect(JSON.parse(await readFile(`${path}.bak`, 'utf8')).boards[0].name).toBe('Four');
    expect(settings.current().boards[0]?.name).toBe('Five');
  });

  it('reports a failed write as a SettingsError and keeps the settings in use', async () => {
    const settings = new SettingsService(join(dir, 'not-a-folder', 'settings.json'), DEFAULTS);
    const { settings: loaded } = await settings.load();
    // A file where the settings folder should be: neither the folder nor the file can be made.
    await writeFile(join(dir, 'not-a-folder'), 'x');
    await expect(settings.save(named(loaded, 'Lost'))).rejects.toThrow(
      /^Not saved: could not write .*not-a-folder/,
    );
    expect(settings.current()).toBe(loaded);
  });

  it('tells listeners until they unsubscribe, and survives a failing listener', async () => {
    const settings = service();
    const { settings: loaded } = await settings.load();
    const listener = vi.fn();
    const unsubscribe = settings.onChange(listener);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    settings.onChange(() => {
      throw new Error('listener bug');
    });
    const saved = await settings.save(named(loaded, 'Heard'));
    expect(listener).toHaveBeenCalledWith(saved);
    expect(errors).toHaveBeenCalled();
    unsubscribe();
    await settings.save(named(loaded, 'Unheard'));
    expect(listener).toHaveBeenCalledTimes(1);
    errors.mockRestore();
  });
});

describe('migrations', () => {
  it('has a migration from every older format version', () => {
    for (let from = 1; from < SETTINGS_VERSION; from++) {
      expect(
        MIGRATIONS.some((m) => m.from === from),
        `migration from ${from}`,
      ).toBe(true);
    }
    expect(MIGRATIONS.every((m) => m.from >= 1 && m.from < SETTINGS_VERSION)).toBe(true);
  });

  it('tells the user when the file was migrated', () => {
    const notice = loadNotice(path, { value: {}, migratedFrom: 1 });
    expect(notice).toBe(
      `settings.json was written by an older Callboard (format version 1) and has been updated to version ${SETTINGS_VERSION}; the old file is kept as settings.json.bak.`,
    );
    expect(loadNotice(path, { value: {} })).toBeNull();
  });
});
