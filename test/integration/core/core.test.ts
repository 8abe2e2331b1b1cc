import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardSnapshot } from '../../../contract/snapshot';
import { DEMO_APP, startEmulator, type Emulator } from '../../../emulator/emulator';
import { CallboardCore, type CoreOptions } from '../../../main/core/core';
import { embeddedDemo } from '../../../main/demo/embedded-demo';
import { KeychainSecretStore, type SecretStore } from '../../../main/core/secrets/secret-store';
import { HubServer } from '../../../main/hub/hub-server';
import { requireKeyring } from '../../support/keyring';
import { demoProfile } from '../../support/demo';
import { waitFor } from '../../support/wait-for';

/**
 * The whole core as the hub and Electron run it: settings file, embedded demo, connection through
 * the real SDK, planner, poller, KPIs, snapshots; an account signed in through the Bridge with its
 * secrets in the real keychain (gnome-keyring, started by test/support/with-keyring.mjs).
 */

const TOKEN_PATH = '/restapi/oauth/token';

let dir: string;
const logLines: string[] = [];
const cores: CallboardCore[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'callboard-core-'));
});

afterAll(async () => {
  await Promise.all(cores.map((core) => core.stop()));
  await rm(dir, { recursive: true, force: true });
});

async function startCore(options: Partial<CoreOptions> & { secrets: SecretStore; settingsPath: string }) {
  const core = await CallboardCore.start({
    openBrowser: async () => {},
    log: (line) => logLines.push(line),
    demo: embeddedDemo(),
    alwaysActive: true,
    tickMs: 200,
    ...options,
  });
  cores.push(core);
  return core;
}

const numbersOn = (snapshot: BoardSnapshot | null) =>
  snapshot?.boards.flatMap((board) =>
    board.tiles.flatMap((tile) => tile.rows.flatMap((row) => row.values.filter((v) => v !== null))),
  ) ?? [];

async function filesUnder(folder: string): Promise<string> {
  const names = await readdir(folder);
  const texts = await Promise.all(names.map((name) => readFile(join(folder, name), 'utf8').catch(() => '')));
  return texts.join('\n');
}

describe('the core on the embedded demo', () => {
  it('signs in to the demo, plans the default boards and publishes snapshots with numbers', async () => {
    const settingsPath = join(dir, 'demo', 'settings.json');
    const core = await startCore({
      settingsPath,
      // The demo's public credentials never go near the keychain: any use of it would fail here.
      secrets: unavailableStore(),
    });
    const snapshot = await waitFor(() => {
      const current = core.snapshot();
      return current?.status.light === 'live' && numbersOn(current).length > 10 ? current : null;
    });
    expect(snapshot.demo).toBe(true);
    expect(snapshot.boards.map((board) => board.name)).toHaveLength(2);
    const tiles = snapshot.boards.flatMap((board) => board.tiles).length;
    expect(snapshot.polling.requestsPerRefresh).toBeGreaterThan(0);
    expect(snapshot.polling.requestsPerRefresh).toBeLessThan(tiles / 2);
    expect(core.connectionStatus()).toMatchObject({ state: 'signedIn', mode: 'demo' });
    // With no settings file the defaults say "demo" by having no connection.
    const settings = await core.invoke('settings:get', undefined, { screenId: 't' });
    expect(settings.ok && settings.value).toMatchObject({ connection: null });
  });

  it('answers Bridge calls with validated errors in plain words', async () => {
    const core = await startCore({
      settingsPath: join(dir, 'bridge', 'settings.json'),
      secrets: unavailableStore(),
    });
    const refused = await core.invoke('settings:save', { version: 1, boards: 'none' }, { screenId: 't' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatch(/boards/);
    const unknownBoard = await core.invoke('board:export', { boardId: 'nope' }, { screenId: 't' });
    expect(unknownBoard.ok).toBe(false);
    if (!unknownBoard.ok) expect(unknownBoard.error).toMatch(/nope/);
    const settings = await core.invoke('settings:get', undefined, { screenId: 't' });
    expect(settings.ok).toBe(true);
  });
});

describe('an account signed in through the Bridge (real keychain)', () => {
  let account: Emulator;
  const service = `Callboard-core-test-${process.pid}`;

  beforeAll(async () => {
    requireKeyring();
    account = await startEmulator({ port: 0, seed: 5, log: () => {} });
  });

  afterAll(async () => {
    if (!account) return;
    const store = await KeychainSecretStore.open({ service });
    await store.deleteProfile('default');
    await account.stop();
  });

  it('keeps secrets in the keychain only, survives a restart without a new login, and signs out', async () => {
    const settingsPath = join(dir, 'account', 'settings.json');
    const secrets = await KeychainSecretStore.open({ service });
    const first = await startCore({ settingsPath, secrets });
    const signedIn = await first.invoke(
      'connection:signInJwt',
      { server: { kind: 'custom', url: account.url }, ...DEMO_APP },
      { screenId: 't' },
    );
    expect(signedIn.ok ? signedIn.value : signedIn.error).toMatchObject({
      state: 'signedIn',
      mode: 'account',
    });
    const withData = await waitFor(() => (numbersOn(first.snapshot()).length > 10 ? first.snapshot() : null));
    expect(withData.demo).toBe(false);
    // The untouched demo boards became the account's defaults: every queue, not the demo's own.
    const saved = await first.invoke('settings:get', undefined, { screenId: 't' });
    expect(JSON.stringify(saved)).not.toContain(`"${demoProfile().queueKeys[0]}"`);
    expect(saved).toMatchObject({
      ok: true,
      value: { connection: { authMethod: 'jwt', profile: 'default' } },
    });

    const tokens = JSON.parse((await secrets.get('default', 'tokens')) ?? '{}') as Record<string, unknown>;
    expect(typeof tokens['access_token']).toBe('string');
    const secretValues = [
      DEMO_APP.clientSecret,
      DEMO_APP.jwt,
      String(tokens['access_token']),
      String(tokens['refresh_token']),
    ];
    expect(await secrets.get('default', 'jwt')).toBe(DEMO_APP.jwt);
    const onDisk = await filesUnder(join(dir, 'account'));
    expect(onDisk).toContain(account.url);
    const visible = [onDisk, logLines.join('\n'), JSON.stringify(first.snapshot())].join('\n');
    for (const secret of secretValues) expect(visible).not.toContain(secret);

    await first.stop();
    const tokenRequests = account.stats.snapshot().requests.byPath[TOKEN_PATH] ?? 0;
    const second = await startCore({ settingsPath, secrets: await KeychainSecretStore.open({ service }) });
    expect(second.connectionStatus()).toMatchObject({ state: 'signedIn', mode: 'account' });
    await waitFor(() => numbersOn(second.snapshot()).length > 10);
    expect(account.stats.snapshot().requests.byPath[TOKEN_PATH] ?? 0).toBe(tokenRequests);

    const out = await second.invoke('connection:signOut', undefined, { screenId: 't' });
    expect(out).toMatchObject({ ok: true, value: { state: 'signedOut' } });
    expect(await secrets.get('default', 'tokens')).toBeNull();
    expect(await secrets.get('default', 'jwt')).toBeNull();
    await waitFor(() => second.snapshot()?.status.light === 'signInNeeded');
  });

  it('going back to the demo revokes the account, forgets its secrets and restores the demo boards', async () => {
    const secrets = await KeychainSecretStore.open({ service });
    const core = await startCore({ settingsPath: join(dir, 'back', 'settings.json'), secrets });
    await waitFor(() => core.connectionStatus().state === 'signedIn');
    const demoBoards = await core.invoke('settings:get', undefined, { screenId: 't' });
    await core.invoke(
      'connection:signInJwt',
      { server: { kind: 'custom', url: account.url }, ...DEMO_APP },
      { screenId: 't' },
    );
    expect(await secrets.get('default', 'jwt')).toBe(DEMO_APP.jwt);
    const back = await core.invoke('connection:useDemo', undefined, { screenId: 't' });
    expect(back).toMatchObject({ ok: true, value: { state: 'signedIn', mode: 'demo' } });
    expect(await secrets.get('default', 'jwt')).toBeNull();
    expect(await secrets.get('default', 'tokens')).toBeNull();
    const settings = await core.invoke('settings:get', undefined, { screenId: 't' });
    expect(settings).toMatchObject({ ok: true, value: { connection: null } });
    if (!settings.ok || !demoBoards.ok) throw new Error('settings:get failed');
    expect((settings.value as { boards: unknown }).boards).toEqual(
      (demoBoards.value as { boards: unknown }).boards,
    );
    await waitFor(() => core.snapshot()?.demo === true && numbersOn(core.snapshot()).length > 10);
  });

  it('a wrong JWT is refused in the platform’s words and the board keeps running as it was', async () => {
    const core = await startCore({
      settingsPath: join(dir, 'wrong', 'settings.json'),
      secrets: await KeychainSecretStore.open({ service }),
    });
    await waitFor(() => core.connectionStatus().state === 'signedIn');
    const refused = await core.invoke(
      'connection:signInJwt',
      { server: { kind: 'custom', url: account.url }, ...DEMO_APP, jwt: 'not-a-valid-jwt' },
      { screenId: 't' },
    );
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).not.toMatch(/^\d{3} /);
    expect(core.connectionStatus()).toMatchObject({ state: 'signedIn', mode: 'demo' });
    const settings = await core.invoke('settings:get', undefined, { screenId: 't' });
    expect(settings).toMatchObject({ ok: true, value: { connection: null } });
  });
});

describe('the hub in front of a real core', () => {
  it('on a LAN refuses viewers without the key and settings changes without the admin key; leaks no secret', async () => {
    const core = await startCore({
      settingsPath: join(dir, 'hub', 'settings.json'),
      secrets: unavailableStore(),
    });
    await waitFor(() => numbersOn(core.snapshot()).length > 0);
    const server = new HubServer({
      core,
      rendererDir: join(dir, 'no-renderer'),
      access: { accessKey: 'viewer-key-1', adminKey: 'admin-key-1' },
    });
    const { port } = await server.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${port}`;
    try {
      expect((await fetch(`${base}/api/snapshot`)).status).toBe(401);
      const withKey = await fetch(`${base}/api/snapshot?key=viewer-key-1`);
      expect(withKey.status).toBe(200);
      const body = await withKey.text();
      expect(JSON.parse(body)).toMatchObject({ demo: true });
      for (const secret of [DEMO_APP.clientSecret, DEMO_APP.jwt, 'admin-key-1', 'viewer-key-1']) {
        expect(body).not.toContain(secret);
      }
      const save = await fetch(`${base}/api/invoke/settings:save?key=viewer-key-1`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({}),
      });
      expect(save.status).toBe(403);
      const status = await fetch(`${base}/api/invoke/connection:status?key=viewer-key-1`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
      });
      const statusText = await status.text();
      expect(JSON.parse(statusText)).toMatchObject({ ok: true, value: { mode: 'demo' } });
      expect(statusText).not.toMatch(/token|secret/i);
    } finally {
      await server.close();
    }
  });
});

function unavailableStore(): SecretStore {
  const fail = () => Promise.reject(new Error('no keychain in this test'));
  return { kind: 'unavailable', get: fail, set: fail, delete: fail, deleteProfile: fail };
}
