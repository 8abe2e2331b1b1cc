import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScreenInfo } from '../../../contract/screens';
import type { HubServer } from '../../../main/hub/hub-server';
import { ScreenRegistry } from '../../../main/hub/screen-registry';
import {
  ADMIN_KEY,
  fakeSnapshot,
  FakeCore,
  JSON_TYPE,
  removeDir,
  rendererDir,
  startHub,
} from './hub-fixture';

/**
 * Screens on a LAN hub: each gets its own token when it presents the key or a pairing code, an admin
 * lists and revokes them, and a revoked screen is shut out at once while the others keep working.
 */

const KEY = 'viewer-key-0123456789abc';
let dir: string;
let core: FakeCore;
let server: HubServer;
let base: string;

beforeEach(async () => {
  dir = await rendererDir();
  core = new FakeCore();
  core.current = fakeSnapshot;
  const registry = await ScreenRegistry.open(join(dir, 'screens.json'), () => {});
  ({ server, base } = await startHub(core, dir, KEY, { registry }));
});
afterEach(async () => {
  await server.close();
  await removeDir(dir);
});

const cookieOf = (response: Response) => (response.headers.get('set-cookie') ?? '').split(';')[0]!;

async function join_(): Promise<string> {
  const first = await fetch(`${base}/?key=${KEY}`, { redirect: 'manual' });
  expect(first.status).toBe(303);
  return cookieOf(first);
}

async function admin<T>(channel: string, body?: unknown): Promise<{ ok: boolean; value: T; error?: string }> {
  const response = await fetch(`${base}/api/invoke/${channel}`, {
    method: 'POST',
    headers: { ...JSON_TYPE, 'x-callboard-admin-key': ADMIN_KEY },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await response.json()) as { ok: boolean; value: T; error?: string };
}

async function openStream(cookie: string): Promise<{ done: Promise<void>; stop: () => void }> {
  const controller = new AbortController();
  const response = await fetch(`${base}/api/events?screen=page-abcdefgh`, {
    headers: { cookie },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const done = (async () => {
    try {
      while (!(await reader.read()).done);
    } catch {
      // aborted
    }
  })();
  return { done, stop: () => controller.abort() };
}

describe('screen tokens', () => {
  it('gives a screen that presents the key its own token, not the key', async () => {
    const cookie = await join_();
    expect(cookie).toMatch(/^callboard_access=[\w-]+\.[\w-]+$/);
    expect(cookie).not.toContain(KEY);
    expect((await fetch(`${base}/api/snapshot`, { headers: { cookie } })).status).toBe(200);
  });

  it('swaps a cookie that holds the key itself (set before tokens) for a token on the next page load', async () => {
    const page = await fetch(`${base}/`, { headers: { cookie: `callboard_access=${KEY}` } });
    expect(page.status).toBe(200);
    expect(cookieOf(page)).toMatch(/^callboard_access=[\w-]+\.[\w-]+$/);
    const { value } = await admin<ScreenInfo[]>('screens:list');
    expect(value).toHaveLength(1);
  });

  it('lists screens with their open streams, and a revoked screen is shut out at once; others keep working', async () => {
    const lost = await join_();
    const kept = await join_();
    const stream = await openStream(lost);
    const listed = await admin<ScreenInfo[]>('screens:list');
    expect(listed.value.map((screen) => screen.connected).sort()).toEqual([0, 1]);
    const lostId = listed.value.find((screen) => screen.connected === 1)!.id;
    const revoked = await admin<ScreenInfo[]>('screens:revoke', { id: lostId });
    expect(revoked.value.map((screen) => screen.id)).not.toContain(lostId);
    await stream.done;
    expect((await fetch(`${base}/api/snapshot`, { headers: { cookie: lost } })).status).toBe(401);
    expect((await fetch(`${base}/`, { headers: { cookie: lost } })).status).toBe(401);
    expect((await fetch(`${base}/api/snapshot`, { headers: { cookie: kept } })).status).toBe(200);
    expect((await admin('screens:revoke', { id: lostId })).error).toMatch(/No screen/);
  });

  it('needs the admin key to list, pair or revoke', async () => {
    const cookie = await join_();
    for (const channel of ['screens:list', 'screens:pair', 'screens:revoke']) {
      const response = await fetch(`${base}/api/invoke/${channel}`, {
        method: 'POST',
        headers: { ...JSON_TYPE, cookie },
        body: '{}',
      });
      expect(response.status, channel).toBe(403);
    }
  });
});

describe('pairing with a code', () => {
  it('serves the pairing page and its script without a key, under the hub’s CSP', async () => {
    const page = await fetch(`${base}/pair`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<script src="/hub-form.js"></script>');
    expect(html).not.toMatch(/<script>/);
    expect((await fetch(`${base}/hub-form.js`)).headers.get('content-type')).toMatch(/javascript/);
  });

  it('lets a screen in with a code an admin asked for, once, under the name given', async () => {
    const { value: issued } = await admin<{ code: string }>('screens:pair', { name: 'Lobby TV' });
    const pair = (code: string) =>
      fetch(`${base}/api/pair`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ code }) });
    const wrong = await pair(issued.code === '000000' ? '000001' : '000000');
    expect(wrong.status).toBe(403);
    expect(((await wrong.json()) as { error: string }).error).toMatch(/not valid/);
    const right = await pair(issued.code);
    expect(right.status).toBe(200);
    const cookie = cookieOf(right);
    expect((await fetch(`${base}/api/snapshot`, { headers: { cookie } })).status).toBe(200);
    expect((await pair(issued.code)).status).toBe(403);
    const { value } = await admin<ScreenInfo[]>('screens:list');
    expect(value).toEqual([expect.objectContaining({ name: 'Lobby TV', joinedWith: 'code' })]);
  });

  it('refuses a pairing request from another site', async () => {
    const response = await fetch(`${base}/api/pair`, {
      method: 'POST',
      headers: { ...JSON_TYPE, origin: 'http://evil.example' },
      body: '{"code":"123456"}',
    });
    expect(response.status).toBe(403);
  });
});

describe('visibility of a screen', () => {
  it('applies to the caller’s own open stream only; ids without one are not kept', async () => {
    const cookie = await join_();
    const stream = await openStream(cookie);
    const report = (screenId: string, visible: boolean) =>
      fetch(`${base}/api/invoke/screen:visibility`, {
        method: 'POST',
        headers: { ...JSON_TYPE, cookie },
        body: JSON.stringify({ screenId, visible }),
      });
    expect([...core.screens.values()]).toEqual([true]);
    expect((await report('page-abcdefgh', false)).status).toBe(200);
    expect([...core.screens.values()]).toEqual([false]);
    for (let i = 0; i < 50; i++) await report(`unknown-page-${i}`, true);
    expect(core.screens.size).toBe(1);
    // Another screen cannot show or hide this one's stream, even knowing its page id.
    const other = await join_();
    await fetch(`${base}/api/invoke/screen:visibility`, {
      method: 'POST',
      headers: { ...JSON_TYPE, cookie: other },
      body: JSON.stringify({ screenId: 'page-abcdefgh', visible: true }),
    });
    expect([...core.screens.values()]).toEqual([false]);
    stream.stop();
  });
});

describe('on loopback', () => {
  it('has no screens to pair', async () => {
    await server.close();
    ({ server, base } = await startHub(core, dir, null));
    const pair = await admin('screens:pair', { name: 'TV' });
    expect(pair.ok).toBe(false);
    expect(pair.error).toMatch(/serves this machine only/);
  });
});
