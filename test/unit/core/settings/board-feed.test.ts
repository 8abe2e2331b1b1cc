import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOARDS_FILE_FORMAT } from '../../../../contract/board-source';
import type { Settings } from '../../../../contract/settings';
import { BoardFeed, type FetchedText } from '../../../../main/core/settings/board-feed';
import { exportBoard } from '../../../../main/core/settings/board-files';
import { SettingsService } from '../../../../main/core/settings/settings-store';
import { demoScope } from '../../../support/demo';
import { VirtualClock } from '../../../support/virtual-clock';

/**
 * Following a boards file at a URL: valid files replace the boards, anything else (an invalid file,
 * a server that cannot be reached, a 404) keeps the last good boards and says why, unchanged files
 * are asked for conditionally, and the file is read again at its interval.
 */

const START = Date.parse('2026-12-02T09:00:00Z');
const URL_SHOWN = 'https://boards.example.com/fleet/boards.json';
const URL_WITH_TOKEN = `${URL_SHOWN}?token=abc123`;

let dir: string;
let settings: SettingsService;
let clock: VirtualClock;
let served: () => Promise<FetchedText>;
let asked: Array<{ url: string; headers: Record<string, string> }>;
let lines: string[];
let feed: BoardFeed;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'callboard-feed-'));
  settings = new SettingsService(join(dir, 'settings.json'), demoScope('Europe/London'));
  await settings.load();
  clock = new VirtualClock(START);
  asked = [];
  lines = [];
  feed = new BoardFeed({
    settings,
    clock,
    log: (line) => lines.push(line),
    fetchText: (url, headers) => {
      asked.push({ url, headers });
      return served();
    },
  });
});
afterEach(async () => {
  feed.stop();
  await rm(dir, { recursive: true, force: true });
});

const ok = (text: string, etag: string | null = null): FetchedText => ({
  status: 200,
  text,
  etag,
  lastModified: null,
});

function fleetFile(from: Settings, name: string, pinned?: Settings['pinned']): string {
  const board = { ...from.boards[0]!, id: 'fleet-main', name };
  return JSON.stringify({
    format: BOARDS_FILE_FORMAT,
    version: 1,
    boards: [board],
    ...(pinned === undefined ? {} : { pinned }),
  });
}

async function follow(everyMinutes = 5): Promise<void> {
  feed.follow({ url: URL_WITH_TOKEN, everyMinutes });
  await feed.readNow();
}

describe('following a boards file at a URL', () => {
  it('takes on a valid file’s boards, saved like any settings change, and says where they come from', async () => {
    const original = settings.current();
    served = async () => ok(fleetFile(original, 'From the fleet file', null));
    await follow();
    expect(settings.current().boards.map((board) => board.name)).toEqual(['From the fleet file']);
    expect(settings.current().pinned).toBeNull();
    const onDisk = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')) as Settings;
    expect(onDisk.boards[0]!.name).toBe('From the fleet file');
    const status = feed.status()!;
    expect(status.shownUrl).toBe(URL_SHOWN);
    expect(JSON.stringify(status)).not.toContain('abc123');
    expect(status.appliedAt).toBe(new Date(START).toISOString());
    expect(status.problem).toBeNull();
  });

  it('keeps the last good boards when the file is invalid, naming the field, and when the server cannot be reached', async () => {
    served = async () => ok(fleetFile(settings.current(), 'Good'));
    await follow();
    const good = settings.current();
    const broken = JSON.parse(fleetFile(good, 'Broken')) as {
      boards: Array<{ tiles: Array<{ layout: { x: number } }> }>;
    };
    broken.boards[0]!.tiles[0]!.layout.x = 99;
    served = async () => ok(JSON.stringify(broken));
    await feed.readNow();
    expect(settings.current()).toEqual(good);
    expect(feed.status()!.problem).toMatch(/^Not applied: boards\[0\]\.tiles\[0\]\.layout/);

    served = async () => Promise.reject(new Error('getaddrinfo ENOTFOUND boards.example.com'));
    await feed.readNow();
    expect(settings.current()).toEqual(good);
    expect(feed.status()!.problem).toMatch(/could not read the file \(getaddrinfo ENOTFOUND/);
    served = async () => ({ status: 404, text: 'nope', etag: null, lastModified: null });
    await feed.readNow();
    expect(feed.status()!.problem).toMatch(/no file at this address \(404\)/);
    expect(settings.current()).toEqual(good);
    expect(lines.some((line) => line.includes('the last good boards stay'))).toBe(true);
  });

  it('refuses a file that carries a secret, and a single board’s file becomes the only board', async () => {
    const current = settings.current();
    served = async () =>
      ok(JSON.stringify({ format: BOARDS_FILE_FORMAT, version: 1, boards: current.boards, jwt: 'x' }));
    await follow();
    expect(feed.status()!.problem).toMatch(/jwt looks like a secret/);
    expect(settings.current()).toEqual(current);

    served = async () => ok(exportBoard(current, current.boards[1]!.id));
    await feed.readNow();
    expect(settings.current().boards.map((board) => board.id)).toEqual([current.boards[1]!.id]);
  });

  it('reads the file again at its interval, conditionally, and saves nothing when it has not changed', async () => {
    served = async () => ok(fleetFile(settings.current(), 'Every minute'), '"v1"');
    await follow(1);
    expect(asked).toHaveLength(1);
    let saves = 0;
    settings.onChange(() => saves++);
    served = async () => ({ status: 304, text: '', etag: '"v1"', lastModified: null });
    clock.fireNext(START + 60_000);
    await feed.readNow();
    expect(asked.length).toBeGreaterThanOrEqual(2);
    expect(asked[1]!.headers['if-none-match']).toBe('"v1"');
    expect(saves).toBe(0);
    expect(feed.status()!.readAt).toBe(new Date(START + 60_000).toISOString());
  });

  it('checks a URL for the settings window without applying anything', async () => {
    const current = settings.current();
    served = async () => ok(fleetFile(current, 'Only checked', current.boards[0]!));
    expect(await feed.test(URL_WITH_TOKEN)).toEqual({
      ok: true,
      boards: ['Only checked'],
      pinned: current.boards[0]!.name,
    });
    expect(settings.current()).toEqual(current);
    served = async () => ok('{"format":"callboard-boards","version":1,"boards":[]}');
    expect(await feed.test(URL_WITH_TOKEN)).toEqual({
      ok: false,
      problem: 'Not applied: boards: needs at least one board',
    });
  });

  it('drops an answer that arrives after the source was removed', async () => {
    const before = settings.current();
    let answer: (fetched: FetchedText) => void = () => {};
    served = () => new Promise((resolve) => (answer = resolve));
    feed.follow({ url: URL_WITH_TOKEN, everyMinutes: 5 });
    const reading = feed.readNow();
    feed.follow(null);
    answer(ok(fleetFile(before, 'Too late')));
    await reading;
    expect(settings.current()).toEqual(before);
  });

  it('lays the file’s boards over an admin’s save that got in first, never over the settings before it', async () => {
    const before = settings.current();
    let answer: (fetched: FetchedText) => void = () => {};
    served = () => new Promise((resolve) => (answer = resolve));
    feed.follow({ url: URL_WITH_TOKEN, everyMinutes: 5 });
    const reading = feed.readNow();
    // The admin's save is queued, not yet written, when the file arrives.
    const adminSave = settings.save({
      ...settings.current(),
      display: { ...before.display, theme: 'light' },
    });
    answer(ok(fleetFile(before, 'From the file')));
    await Promise.all([adminSave, reading]);
    expect(settings.current().display.theme).toBe('light');
    expect(settings.current().boards[0]!.name).toBe('From the file');
    expect(settings.current().boardSource).toEqual(before.boardSource);
  });

  it('stops following when the source is removed, keeping the boards it brought', async () => {
    served = async () => ok(fleetFile(settings.current(), 'Kept'));
    await follow();
    feed.follow(null);
    expect(feed.status()).toBeNull();
    expect(settings.current().boards[0]!.name).toBe('Kept');
    clock.fireNext(START + 10 * 60_000);
    expect(asked).toHaveLength(1);
  });
});
