import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../../contract/settings';
import { CallboardCore } from '../../../main/core/core';
import type { DemoProfile, DemoProvider } from '../../../main/core/demo';
import type { SecretStore } from '../../../main/core/secrets/secret-store';
import { SettingsService } from '../../../main/core/settings/settings-store';
import { assembleSnapshot } from '../../../main/core/snapshot-assembly';
import { demoProfile, demoScope, demoSettings } from '../../support/demo';

/**
 * What the core does with the demo's zone: at boot, untouched default boards saved in yesterday's
 * zone follow today's; the profile's note reaches every snapshot taken on the demo.
 */

let dir: string;
const cores: CallboardCore[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'callboard-demo-boot-'));
});

afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.stop()));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A demo that never starts: the boot's settings step is all these tests look at. */
function offlineDemo(profile: DemoProfile): DemoProvider {
  return { profile, start: () => Promise.reject(new Error('no demo platform in this test')) };
}

const noSecrets: SecretStore = {
  kind: 'unavailable',
  get: () => Promise.reject(new Error('no keychain in this test')),
  set: () => Promise.reject(new Error('no keychain in this test')),
  delete: () => Promise.reject(new Error('no keychain in this test')),
  deleteProfile: () => Promise.reject(new Error('no keychain in this test')),
};

/** Write `settings` as an earlier run would have, then boot a core on a demo in `profile`'s zone. */
async function bootOver(name: string, settings: Settings, profile: DemoProfile) {
  const settingsPath = join(dir, name, 'settings.json');
  const earlier = new SettingsService(settingsPath, demoScope('Europe/London'));
  await earlier.load();
  await earlier.save(settings);
  const core = await CallboardCore.start({
    settingsPath,
    secrets: noSecrets,
    openBrowser: async () => {},
    demo: offlineDemo(profile),
  });
  cores.push(core);
  const reread = new SettingsService(settingsPath, demoScope('Europe/London'));
  return { core, onDisk: (await reread.load()).settings };
}

describe('the core at boot on the demo', () => {
  it('moves yesterday’s untouched default boards to today’s demo zone, and saves that', async () => {
    const { core, onDisk } = await bootOver(
      'untouched',
      demoSettings('Europe/London'),
      demoProfile('Asia/Tokyo'),
    );
    expect(core.settings.current().boards).toEqual(demoSettings('Asia/Tokyo').boards);
    expect(onDisk.boards).toEqual(demoSettings('Asia/Tokyo').boards);
  });

  it('keeps boards someone has edited in the zone they were saved in', async () => {
    const london = demoSettings('Europe/London');
    const edited: Settings = {
      ...london,
      boards: london.boards.map((board) => ({ ...board, name: `${board.name}!` })),
    };
    const { core, onDisk } = await bootOver('edited', edited, demoProfile('Asia/Tokyo'));
    expect(core.settings.current().boards).toEqual(edited.boards);
    expect(onDisk.boards).toEqual(edited.boards);
  });
});

describe('the demo note in snapshots', () => {
  const base = {
    settings: demoSettings('Asia/Tokyo'),
    plan: { queries: [], tiles: new Map(), requestsPerRefresh: 0 },
    states: new Map(),
    connection: {
      state: 'signedIn',
      mode: 'demo',
      account: null,
      expiresAt: null,
      message: null,
      reconnect: null,
    },
    names: () => null,
    now: Date.parse('2026-11-29T03:00:00Z'),
    sequence: 1,
    budget: { limit: 50, windowMs: 60_000, budget: 30, sentInWindow: 0, blockedUntil: 0, penalty: null },
    paused: false,
    notice: null,
    boardSource: null,
  } as const;
  const note = demoProfile('Asia/Tokyo').note;

  it('carries the note while the board shows the demo, and null otherwise', () => {
    expect(note).toContain('Asia/Tokyo');
    expect(assembleSnapshot({ ...base, demo: true, demoNote: note }).demoNote).toBe(note);
    expect(assembleSnapshot({ ...base, demo: true, demoNote: null }).demoNote).toBeNull();
    expect(assembleSnapshot({ ...base, demo: false, demoNote: note }).demoNote).toBeNull();
  });
});
