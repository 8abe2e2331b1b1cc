import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HubServer } from '../../../main/hub/hub-server';
import { fakeSnapshot, FakeCore, JSON_TYPE, removeDir, rendererDir, startHub as start } from './hub-fixture';

/** The hub's HTTP surface with a stand-in core: access keys, admin keys, SSE, static files. */

let dir: string;
let core: FakeCore;
let server: HubServer;
let base: string;

async function startHub(accessKey: string | null) {
  ({ server, base } = await start(core, dir, accessKey));
}

beforeEach(async () => {
  dir = await rendererDir();
  core = new FakeCore();
});

afterEach(async () => {
  await server.close();
  await removeDir(dir);
});

describe('hub on loopback', () => {
  beforeEach(() => startHub(null));

  it('serves the board, its assets and a single-page fallback with security headers', async () => {
    const index = await fetch(`${base}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(index.headers.get('cache-control')).toBe('no-store');
    expect(await (await fetch(`${base}/assets/app.js`)).text()).toBe('console.log(1)');
    expect(await (await fetch(`${base}/some/board/route`)).text()).toContain('<title>board</title>');
  });

  it('never serves files outside the renderer folder', async () => {
    const response = await fetch(`${base}/..%2f..%2foutside.txt`);
    expect(await response.text()).not.toContain('secret outside');
  });

  it('answers 204 before the first snapshot and the snapshot afterwards', async () => {
    expect((await fetch(`${base}/api/snapshot`)).status).toBe(204);
    core.push(fakeSnapshot);
    expect(await (await fetch(`${base}/api/snapshot`)).json()).toEqual(fakeSnapshot);
  });

  it('streams snapshots over SSE and counts the screen while it is connected', async () => {
    core.push(fakeSnapshot);
    const controller = new AbortController();
    const response = await fetch(`${base}/api/events`, { signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes('"sequence":7')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('event: snapshot');
    expect([...core.screens.values()]).toEqual([true]);
    core.push({ ...fakeSnapshot, sequence: 8 });
    while (!text.includes('"sequence":8')) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([...core.screens.values()]).toEqual([false]);
  });

  it('lets anyone read but only the admin key change settings', async () => {
    const read = await fetch(`${base}/api/invoke/settings:get`, { method: 'POST', headers: JSON_TYPE });
    expect(read.status).toBe(200);
    const refused = await fetch(`${base}/api/invoke/settings:save`, {
      method: 'POST',
      body: '{}',
      headers: JSON_TYPE,
    });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toMatch(/admin key/);
    const wrong = await fetch(`${base}/api/invoke/settings:save`, {
      method: 'POST',
      body: '{}',
      headers: { ...JSON_TYPE, 'x-callboard-admin-key': 'nope' },
    });
    expect(wrong.status).toBe(403);
    const allowed = await fetch(`${base}/api/invoke/settings:save`, {
      method: 'POST',
      body: '{}',
      headers: { ...JSON_TYPE, 'x-callboard-admin-key': 'admin-key-123' },
    });
    expect(allowed.status).toBe(200);
    expect(core.invoked.map((call) => call.channel)).toEqual(['settings:get', 'settings:save']);
  });

  it('names bad requests: unknown channels and invalid JSON', async () => {
    const unknown = await fetch(`${base}/api/invoke/tokens:steal`, { method: 'POST', headers: JSON_TYPE });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: string }).error).toBe('Unknown channel "tokens:steal"');
    const bad = await fetch(`${base}/api/invoke/board:export`, {
      method: 'POST',
      body: '{"boardId":',
      headers: JSON_TYPE,
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/not valid JSON/);
  });
});

describe('hub on a LAN', () => {
  beforeEach(() => startHub('viewer-key-456'));

  it('refuses viewers without the access key, pages and API alike', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(401);
    expect(await page.text()).toContain('Access key needed');
    expect((await fetch(`${base}/api/snapshot`)).status).toBe(401);
    expect((await fetch(`${base}/api/events`)).status).toBe(401);
    expect((await fetch(`${base}/?key=wrong`)).status).toBe(401);
  });

  it('trades the key in the address for a cookie and then lets the screen in', async () => {
    const first = await fetch(`${base}/?key=viewer-key-456`, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/');
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const again = await fetch(`${base}/`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(again.status).toBe(200);
  });

  it('still needs the admin key for settings even with the viewer cookie', async () => {
    const cookie = 'callboard_access=viewer-key-456';
    const refused = await fetch(`${base}/api/invoke/settings:save`, {
      method: 'POST',
      body: '{}',
      headers: { ...JSON_TYPE, cookie },
    });
    expect(refused.status).toBe(403);
  });
});
