import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_APP, startEmulator, type Emulator } from '../../emulator/emulator';
import { startCli, type CliProcess } from '../support/cli-process';
import { waitFor } from '../support/wait-for';

/**
 * `npm run serve` as an IT admin runs it on a LAN with a headless account from the environment: a
 * real child process, a real emulator standing in for RingCentral. What it prints must say where to
 * point the TVs, and nothing it prints or serves may carry a secret.
 */

let emulator: Emulator;
let hub: CliProcess;
let dir: string;
let base = '';
let boardAddress = '';
const ACCESS_KEY = 'lan-viewer-key-5521-abcdef';
const ADMIN_KEY = 'lan-admin-key-8830-ghijkl';
const JSON_TYPE = { 'Content-Type': 'application/json' };

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: 9, log: () => {} });
  dir = await mkdtemp(join(tmpdir(), 'callboard-hub-cli-'));
  hub = await startCli(
    'npx',
    [
      'tsx',
      'main/hub/cli.ts',
      '--host',
      '0.0.0.0',
      '--port',
      '0',
      '--settings',
      join(dir, 'settings.json'),
      '--renderer',
      join(dir, 'none'),
    ],
    {
      readyText: 'Stop with Ctrl+C',
      timeoutMs: 60_000,
      env: {
        ...process.env,
        CALLBOARD_RC_SERVER: emulator.url,
        CALLBOARD_RC_CLIENT_ID: DEMO_APP.clientId,
        CALLBOARD_RC_CLIENT_SECRET: DEMO_APP.clientSecret,
        CALLBOARD_RC_JWT: DEMO_APP.jwt,
        CALLBOARD_ACCESS_KEY: ACCESS_KEY,
        CALLBOARD_ADMIN_KEY: ADMIN_KEY,
        CALLBOARD_SECRETS: 'memory',
      },
    },
  );
  boardAddress = /Board:\s+(\S+)/.exec(hub.output())?.[1] ?? '';
  const port = new URL(boardAddress).port;
  base = `http://127.0.0.1:${port}`;
}, 90_000);

afterAll(async () => {
  await hub?.stop();
  await emulator.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('npm run serve on a LAN with an account from the environment', () => {
  it('prints the mode, a board address with the access key, and where the admin key is', () => {
    expect(hub.output()).toContain('Callboard hub is running.');
    expect(hub.output()).toMatch(/Mode:\s+account \S+ on http:\/\/127\.0\.0\.1:\d+/);
    expect(boardAddress).toContain(`?key=${ACCESS_KEY}`);
    expect(hub.output()).toContain('Admin key: in CALLBOARD_ADMIN_KEY');
    expect(hub.output()).toMatch(/Requests per refresh: \d+/);
  });

  it('serves numbers to a viewer with the key and refuses one without it', async () => {
    expect((await fetch(`${base}/api/snapshot`)).status).toBe(401);
    const snapshot = async () => {
      const response = await fetch(`${base}/api/snapshot?key=${ACCESS_KEY}`);
      return response.status === 200
        ? ((await response.json()) as { demo: boolean; status: { light: string } })
        : null;
    };
    // The hub polls only while a screen watches: be one, through the event stream.
    const screen = new AbortController();
    const stream = await fetch(`${base}/api/events?key=${ACCESS_KEY}`, { signal: screen.signal });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    await waitFor(async () => (await snapshot())?.status.light === 'live', {
      timeoutMs: 30_000,
      intervalMs: 200,
    });
    screen.abort();
    expect((await snapshot())?.demo).toBe(false);
    const save = await fetch(`${base}/api/invoke/settings:save?key=${ACCESS_KEY}`, {
      method: 'POST',
      headers: JSON_TYPE,
      body: '{}',
    });
    expect(save.status).toBe(403);
  });

  it('never prints, stores or serves a secret or a token', async () => {
    const served = await (await fetch(`${base}/api/snapshot?key=${ACCESS_KEY}`)).text();
    const status = await (
      await fetch(`${base}/api/invoke/connection:status?key=${ACCESS_KEY}`, {
        method: 'POST',
        headers: JSON_TYPE,
      })
    ).text();
    const settings = await (
      await fetch(`${base}/api/invoke/settings:get?key=${ACCESS_KEY}`, { method: 'POST', headers: JSON_TYPE })
    ).text();
    const onDisk = await readFile(join(dir, 'settings.json'), 'utf8').catch(() => '');
    const everything = [hub.output(), served, status, settings, onDisk].join('\n');
    for (const secret of [DEMO_APP.clientSecret, DEMO_APP.jwt, ADMIN_KEY])
      expect(everything).not.toContain(secret);
    // Tokens the emulator issued to the hub: none of them appears anywhere either.
    expect(everything).not.toMatch(/access_token|refresh_token|Bearer /);
    const tokens = emulator.oauth.liveTokens();
    expect(tokens.length).toBeGreaterThan(0);
    for (const token of tokens) expect(everything).not.toContain(token);
  });
});
