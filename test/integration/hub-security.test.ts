import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../contract/settings';
import { startCli, type CliProcess } from '../support/cli-process';
import { rawRequest } from '../support/raw-request';
import { demoSettings } from '../support/demo';

/**
 * The hub as an attacker on the office network would meet it: a real `npm run serve` on a LAN
 * address (the embedded demo behind it), probed over HTTP for DNS rebinding, cross-site requests,
 * bad cookies, deep JSON and per-screen access; and started with weak keys, which it refuses.
 */

const ACCESS_KEY = 'office-viewer-key-7Hq2-Lm9x';
const ADMIN_KEY = 'office-admin-key-Pz4w-Rt6y';
const BOM_BOARD = 'Board from a file with a BOM';
const JSON_TYPE = { 'content-type': 'application/json' };

let dir: string;
let hub: CliProcess;
let base = '';
let port = '';

function serve(args: string[], env: NodeJS.ProcessEnv): Promise<CliProcess> {
  return startCli(
    'npx',
    ['tsx', 'main/hub/cli.ts', '--port', '0', '--renderer', join(dir, 'none'), ...args],
    {
      readyText: 'Stop with Ctrl+C',
      timeoutMs: 60_000,
      env: { ...process.env, CALLBOARD_SECRETS: 'memory', ...env },
    },
  );
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'callboard-hub-security-'));
  // A valid settings file as a Windows editor saves it: with a UTF-8 byte-order mark.
  const settings: Settings = demoSettings();
  const named = {
    ...settings,
    boards: settings.boards.map((board, i) => (i === 0 ? { ...board, name: BOM_BOARD } : board)),
  };
  await writeFile(join(dir, 'settings.json'), `\uFEFF${JSON.stringify({ version: 1, ...named }, null, 2)}`);
  hub = await serve(
    [
      '--host',
      '0.0.0.0',
      '--settings',
      join(dir, 'settings.json'),
      '--allowed-host',
      'callboard.office.example',
    ],
    {
      CALLBOARD_ACCESS_KEY: ACCESS_KEY,
      CALLBOARD_ADMIN_KEY: ADMIN_KEY,
    },
  );
  port = new URL(/Board:\s+(\S+)/.exec(hub.output())?.[1] ?? '').port;
  base = `http://127.0.0.1:${port}`;
}, 90_000);

afterAll(async () => {
  await hub?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** A request with exactly these headers (fetch will not send a foreign Host). */
const raw = (path: string, init: Parameters<typeof rawRequest>[2] = {}) => rawRequest(base, path, init);

const admin = async <T>(channel: string, body?: unknown) =>
  (await (
    await fetch(`${base}/api/invoke/${channel}`, {
      method: 'POST',
      headers: { ...JSON_TYPE, 'x-callboard-admin-key': ADMIN_KEY },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  ).json()) as { ok: boolean; value: T; error?: string };

const cookieOf = (headers: Record<string, string | string[] | undefined>) =>
  String([headers['set-cookie']].flat()[0] ?? '').split(';')[0]!;

describe('a LAN hub probed from the network', () => {
  it('tells the truth in its banner and stamps its log lines with the time', () => {
    expect(hub.output()).toMatch(
      /Access:\s+screens on the network that open the Board address \(with its key\) or pair/,
    );
    expect(hub.output()).toMatch(/Names:\s+IP addresses, localhost, callboard\.office\.example/);
    expect(hub.output()).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \[hub\] /m);
  });

  it('refuses every route under a rebinding host name, even with the key, and answers the names it serves', async () => {
    for (const path of ['/', '/api/snapshot', '/api/events', '/pair'])
      expect(
        (await raw(`${path}?key=${ACCESS_KEY}`, { headers: { host: 'attacker.example' } })).status,
        path,
      ).toBe(421);
    for (const channel of ['settings:get', 'board:export', 'connection:status']) {
      const answer = await raw(`/api/invoke/${channel}?key=${ACCESS_KEY}`, {
        method: 'POST',
        headers: { host: `attacker.example:${port}`, ...JSON_TYPE },
        body: channel === 'board:export' ? '{"boardId":"x"}' : '',
      });
      expect(answer.status, channel).toBe(421);
      expect(answer.body).not.toMatch(/account|Northwind/);
    }
    expect(
      (
        await raw(`/api/snapshot?key=${ACCESS_KEY}`, {
          headers: { host: `callboard.office.example:${port}` },
        })
      ).status,
    ).not.toBe(421);
    expect(
      (await raw(`/api/snapshot?key=${ACCESS_KEY}`, { headers: { host: `localhost:${port}` } })).status,
    ).not.toBe(421);
  });

  it('refuses text/plain and foreign-Origin POSTs before reading them', async () => {
    const post = (headers: Record<string, string>) =>
      raw(`/api/invoke/screen:visibility?key=${ACCESS_KEY}`, {
        method: 'POST',
        headers: { host: `127.0.0.1:${port}`, ...headers },
        body: '{"screenId":"page-12345678","visible":true}',
      });
    expect((await post({ 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post({ 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await post({ ...JSON_TYPE, origin: 'http://attacker.example' })).status).toBe(403);
    expect((await post({ ...JSON_TYPE, origin: `http://127.0.0.1:${port}` })).status).toBe(200);
  });

  it('ignores a cookie that does not decode: the key in the address still lets a screen in', async () => {
    const answer = await raw(`/api/snapshot?key=${ACCESS_KEY}`, {
      headers: { cookie: 'callboard_access=%ZZ' },
    });
    expect([200, 204]).toContain(answer.status);
    expect((await raw('/api/snapshot', { headers: { cookie: 'callboard_access=%ZZ' } })).status).toBe(401);
  });

  it('names the depth limit for JSON nested 10,000 deep', async () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const answer = await fetch(`${base}/api/invoke/board:import`, {
      method: 'POST',
      headers: { ...JSON_TYPE, 'x-callboard-admin-key': ADMIN_KEY },
      body: deep,
    });
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { error: string }).error).toMatch(
      /not valid JSON \(it nests more than 64 levels deep, the most allowed\)/,
    );
  });

  it('loaded the settings file that starts with a byte-order mark as it is, not the backup', async () => {
    const settings = await admin<Settings>('settings:get');
    expect(settings.value.boards[0]?.name).toBe(BOM_BOARD);
    expect(await readdir(dir)).not.toContainEqual(
      expect.stringMatching(/settings\.json\.(corrupt|unreadable)/),
    );
  });

  it('answers health to GET and HEAD without a key, and reveals nothing', async () => {
    const get = await raw('/api/health');
    expect(get.status).toBe(200);
    expect(JSON.parse(get.body)).toEqual({ ok: true });
    const head = await raw('/api/health', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('shuts out a revoked screen while the others keep working, across a pairing code and the key', async () => {
    const withKey = await raw(`/?key=${ACCESS_KEY}`);
    expect(withKey.status).toBe(303);
    const keyScreen = cookieOf(withKey.headers);
    const { value: code } = await admin<{ code: string }>('screens:pair', { name: 'Corridor TV' });
    const paired = await raw('/api/pair', {
      method: 'POST',
      headers: { host: `127.0.0.1:${port}`, ...JSON_TYPE },
      body: JSON.stringify({ code: code.code }),
    });
    expect(paired.status).toBe(200);
    const corridor = cookieOf(paired.headers);
    for (const cookie of [keyScreen, corridor])
      expect((await raw('/api/health', { headers: { cookie } })).status).toBe(200);
    const { value: screens } = await admin<Array<{ id: string; name: string }>>('screens:list');
    const corridorId = screens.find((screen) => screen.name === 'Corridor TV')!.id;
    await admin('screens:revoke', { id: corridorId });
    expect((await raw('/api/snapshot', { headers: { cookie: corridor } })).status).toBe(401);
    expect((await raw('/', { headers: { cookie: corridor } })).status).toBe(401);
    expect([200, 204]).toContain((await raw('/api/snapshot', { headers: { cookie: keyScreen } })).status);
    // The screens file holds no token: a copy of it lets nobody in.
    expect(hub.output()).not.toContain(corridor.split('=')[1]);
  });
});

describe('a LAN hub started with a weak key', () => {
  const refusal = async (env: NodeJS.ProcessEnv) => {
    const started = serve(['--host', '0.0.0.0', '--settings', join(dir, 'weak', 'settings.json')], env);
    await expect(started).rejects.toThrow(/exited early/);
    return started.catch((error: unknown) => String(error));
  };

  it('refuses an empty access key and says why', async () => {
    expect(await refusal({ CALLBOARD_ACCESS_KEY: '', CALLBOARD_ADMIN_KEY: ADMIN_KEY })).toMatch(
      /could not start: CALLBOARD_ACCESS_KEY is empty/,
    );
  });

  it('refuses a short access key or admin key and says how long it must be', async () => {
    expect(await refusal({ CALLBOARD_ACCESS_KEY: 'tv1234', CALLBOARD_ADMIN_KEY: ADMIN_KEY })).toMatch(
      /CALLBOARD_ACCESS_KEY is 6 characters long; .* at least 20/,
    );
    expect(await refusal({ CALLBOARD_ACCESS_KEY: ACCESS_KEY, CALLBOARD_ADMIN_KEY: 'admin' })).toMatch(
      /CALLBOARD_ADMIN_KEY is 5 characters long/,
    );
  });
});
