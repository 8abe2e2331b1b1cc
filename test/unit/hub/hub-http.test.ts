import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HubServer } from '../../../main/hub/hub-server';
import { FakeCore, JSON_TYPE, rawRequest, removeDir, rendererDir, startHub } from './hub-fixture';

/**
 * The hub's HTTP edges: paths that try to leave the renderer folder, cookies that do not decode,
 * bodies too large or oddly labelled, HEAD, caching, errors that still carry the security headers,
 * and a close() that does not wait for screens to hang up.
 */

const KEY = 'viewer-key-456';
const SECURITY = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

let dir: string;
let core: FakeCore;
let server: HubServer;
let base: string;

async function open(accessKey: string | null): Promise<void> {
  ({ server, base } = await startHub(core, dir, accessKey));
}

beforeEach(async () => {
  dir = await rendererDir();
  core = new FakeCore();
});

afterEach(async () => {
  await server.close();
  await removeDir(dir);
});

describe('paths', () => {
  beforeEach(() => open(null));

  it.each([
    '/../outside.txt',
    '/assets/../../outside.txt',
    '/%2e%2e/outside.txt',
    '/assets/%2e%2e/%2e%2e/outside.txt',
    '/..%2f..%2foutside.txt',
    '/assets%2f..%2f..%2foutside.txt',
    '/..\\outside.txt',
  ])('refuses or falls back on %s, never serving what lies outside', async (path) => {
    const response = await rawRequest(base, path);
    expect(response.body).not.toContain('secret outside');
    expect([200, 403]).toContain(response.status);
    if (response.status === 200) expect(response.body).toContain('<title>board</title>');
    expect(response.headers).toMatchObject(SECURITY);
  });

  it('answers HEAD on a file with its headers and no body', async () => {
    const response = await fetch(`${base}/assets/app.js`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('content-length')).toBe('14');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await response.text()).toBe('');
  });

  it('refuses other methods on pages, and answers unknown API paths and bad addresses in JSON', async () => {
    const post = await fetch(`${base}/some/page`, { method: 'POST', body: '{}', headers: JSON_TYPE });
    expect(post.status).toBe(405);
    expect(await post.json()).toEqual({ error: 'Method not allowed' });
    const api = await fetch(`${base}/api/nothing-here`);
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: 'No such hub endpoint: /api/nothing-here' });
    expect((await fetch(`${base}/api/health`, { method: 'PUT' })).status).toBe(404);
    const bad = await rawRequest(base, '/%ZZ');
    expect(bad.status).toBe(400);
    expect(bad.headers).toMatchObject(SECURITY);
  });

  it('answers 503 with a hint while the board is not built', async () => {
    await rm(join(dir, 'index.html'));
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/npm run build/);
  });
});

describe('bodies', () => {
  beforeEach(() => open(null));

  it('refuses a body over 1 MB with a 413 that names the limit', async () => {
    const response = await rawRequest(base, '/api/invoke/board:export', {
      method: 'POST',
      headers: JSON_TYPE,
      body: Buffer.alloc(1_000_001, 'a'),
    });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toEqual({
      ok: false,
      error: 'The request body is larger than 1000000 bytes',
    });
    expect(response.headers).toMatchObject(SECURITY);
    expect(core.invoked).toEqual([]);
  });

  it('takes JSON with or without parameters, and an empty body as no request', async () => {
    for (const contentType of ['application/json', 'Application/JSON; charset=utf-8']) {
      const response = await rawRequest(base, '/api/invoke/board:export', {
        method: 'POST',
        headers: { 'Content-Type': contentType },
        body: '{"boardId":"b1"}',
      });
      expect(response.status, contentType).toBe(200);
    }
    await fetch(`${base}/api/invoke/settings:get`, { method: 'POST', body: '  ', headers: JSON_TYPE });
    expect(core.invoked.map((call) => call.request)).toEqual([
      { boardId: 'b1' },
      { boardId: 'b1' },
      undefined,
    ]);
  });

  it.each([
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'garbage',
    '',
  ])('refuses a POST sent as %j (what a cross-site form can send), body unread', async (contentType) => {
    const response = await rawRequest(base, '/api/invoke/board:export', {
      method: 'POST',
      headers: contentType === '' ? {} : { 'Content-Type': contentType },
      body: '{"boardId":"b1"}',
    });
    expect(response.status).toBe(415);
    expect(JSON.parse(response.body)).toEqual({
      ok: false,
      error: 'Requests that change something must be sent as application/json.',
    });
    expect(core.invoked).toEqual([]);
  });

  it('names invalid JSON in the API’s own shape', async () => {
    const response = await fetch(`${base}/api/invoke/board:export`, {
      method: 'POST',
      body: '{"boardId":',
      headers: JSON_TYPE,
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { ok: boolean; error: string };
    expect(body.ok).toBe(false);
    expect(body.error).toMatch(/^The request body is not valid JSON \(.+\)$/);
  });
});

describe('access key on a LAN', () => {
  beforeEach(() => open(KEY));

  it('ignores a cookie that does not decode, and a valid ?key= still lets the screen in', async () => {
    const cookie = 'callboard_access=%ZZ';
    const page = await fetch(`${base}/`, { headers: { cookie } });
    expect(page.status).toBe(401);
    expect(await page.text()).toContain('Access key needed');
    expect((await fetch(`${base}/api/snapshot`, { headers: { cookie } })).status).toBe(401);
    const traded = await fetch(`${base}/?key=${KEY}`, { headers: { cookie }, redirect: 'manual' });
    expect(traded.status).toBe(303);
    const fresh = (traded.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect((await fetch(`${base}/`, { headers: { cookie: fresh } })).status).toBe(200);
    expect((await fetch(`${base}/`, { headers: { cookie: `other=%; ${fresh}` } })).status).toBe(200);
  });

  it('keeps the other parameters, drops the key, and never redirects to another host', async () => {
    const kept = await fetch(`${base}/board/2?theme=dark&key=${KEY}&tv=1`, { redirect: 'manual' });
    expect(kept.headers.get('location')).toBe('/board/2?theme=dark&tv=1');
    expect(kept.headers.get('set-cookie')).toMatch(/Max-Age=31536000/);
    for (const path of [`//evil.example/?key=${KEY}`, `/\\evil.example/?key=${KEY}`]) {
      const response = await rawRequest(base, path);
      expect(response.status).toBe(303);
      expect(response.headers.location).toBe('/evil.example/');
    }
  });

  it('answers the API with the key in the address but without a redirect', async () => {
    const response = await fetch(`${base}/api/snapshot?key=${KEY}`, { redirect: 'manual' });
    expect(response.status).toBe(204);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});

describe('close', () => {
  beforeEach(() => open(null));

  it('ends open event streams at once instead of waiting for the screens', async () => {
    const response = await fetch(`${base}/api/events`);
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('retry: 3000');
    expect(server.openStreams).toBe(1);
    const started = performance.now();
    await server.close();
    expect(performance.now() - started).toBeLessThan(1_000);
    const ended = await reader.read().then(
      (chunk) => chunk.done,
      () => true,
    );
    expect(ended).toBe(true);
    expect(server.openStreams).toBe(0);
    expect([...core.screens.values()]).toEqual([false]);
  });
});

describe('host names and origins', () => {
  beforeEach(() => open(KEY));

  it.each(['/', '/api/snapshot', '/api/events', '/assets/app.js', '/pair'])(
    'refuses %s under a host name the hub does not serve (DNS rebinding), key or not',
    async (path) => {
      const response = await rawRequest(base, `${path}?key=${KEY}`, {
        headers: { host: 'attacker.example:4180' },
      });
      expect(response.status).toBe(421);
      expect(response.body).toMatch(/does not answer to that host name/);
      expect(response.body).not.toContain('attacker.example');
    },
  );

  it('refuses a POST from another site even with the key, and takes one from the hub’s own page', async () => {
    const post = (origin: string) =>
      rawRequest(base, `/api/invoke/settings:get?key=${KEY}`, {
        method: 'POST',
        headers: { ...JSON_TYPE, origin },
      });
    expect((await post('http://attacker.example')).status).toBe(403);
    expect((await post('null')).status).toBe(403);
    expect(core.invoked).toEqual([]);
    expect((await post(base)).status).toBe(200);
  });

  it('answers health to GET and HEAD without a key, revealing nothing', async () => {
    const get = await fetch(`${base}/api/health`);
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ ok: true });
    const head = await fetch(`${base}/api/health`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
