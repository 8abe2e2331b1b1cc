import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HubServer } from '../../../main/hub/hub-server';
import { ADMIN_KEY, FakeCore, JSON_TYPE, removeDir, rendererDir, startHub } from './hub-fixture';

/**
 * The settings pages on the hub: the editor is served only to an admin session, which the admin key
 * typed once opens (an HttpOnly, SameSite=Strict cookie); a viewer with the access key gets the
 * sign-in page, never the editor, and cannot call admin channels.
 */

const KEY = 'viewer-key-0123456789abc';
let dir: string;
let core: FakeCore;
let server: HubServer;
let base: string;

beforeEach(async () => {
  dir = await rendererDir();
  await writeFile(join(dir, 'settings.html'), '<!doctype html><title>settings editor</title>');
  core = new FakeCore();
  ({ server, base } = await startHub(core, dir, KEY));
});
afterEach(async () => {
  await server.close();
  await removeDir(dir);
});

const signIn = (adminKey: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/admin/session`, {
    method: 'POST',
    headers: { ...JSON_TYPE, ...headers },
    body: JSON.stringify({ adminKey }),
  });
const cookieOf = (response: Response) => (response.headers.get('set-cookie') ?? '').split(';')[0]!;

describe('settings pages', () => {
  it('show the sign-in page, not the editor, to anyone without an admin session', async () => {
    for (const headers of [{}, { cookie: `callboard_access=${KEY}` }] as Array<Record<string, string>>) {
      const page = await fetch(`${base}/settings`, { headers });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('Admin key');
      expect(html).not.toContain('settings editor');
    }
    const direct = await fetch(`${base}/settings.html?key=${KEY}`, { redirect: 'manual' });
    expect(direct.status).toBe(303);
    expect(direct.headers.get('location')).toBe('/settings');
  });

  it('refuse a wrong admin key, and open the editor and admin channels for the right one', async () => {
    const wrong = await signIn('not-the-admin-key');
    expect(wrong.status).toBe(403);
    expect(cookieOf(wrong)).toBe('');
    const right = await signIn(ADMIN_KEY);
    expect(right.status).toBe(200);
    const setCookie = right.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).not.toContain(ADMIN_KEY);
    const cookie = cookieOf(right);
    expect(await (await fetch(`${base}/settings`, { headers: { cookie } })).text()).toContain(
      'settings editor',
    );
    // The session also lets the admin's browser fetch the page's assets on a LAN hub.
    expect((await fetch(`${base}/assets/app.js`, { headers: { cookie } })).status).toBe(200);
    const save = await fetch(`${base}/api/invoke/settings:save`, {
      method: 'POST',
      headers: { ...JSON_TYPE, cookie },
      body: '{}',
    });
    expect(save.status).toBe(200);
    expect(core.invoked.map((call) => call.channel)).toEqual(['settings:save']);
  });

  it('send /settings/… to /settings, and renew the session cookie on every use', async () => {
    const slash = await fetch(`${base}/settings/boards`, { redirect: 'manual' });
    expect(slash.status).toBe(303);
    expect(slash.headers.get('location')).toBe('/settings');
    const cookie = cookieOf(await signIn(ADMIN_KEY));
    const used = await fetch(`${base}/api/invoke/settings:get`, {
      method: 'POST',
      headers: { ...JSON_TYPE, cookie },
    });
    expect(used.headers.get('set-cookie') ?? '').toMatch(/^callboard_admin=.*Max-Age=28800/);
  });

  it('mark cookies Secure behind a TLS proxy it trusts, and only then', async () => {
    const viaProxy = { 'x-forwarded-proto': 'https' };
    expect((await signIn(ADMIN_KEY, viaProxy)).headers.get('set-cookie')).not.toMatch(/Secure/);
    await server.close();
    ({ server, base } = await startHub(core, dir, KEY, { trustProxy: true }));
    expect((await signIn(ADMIN_KEY, viaProxy)).headers.get('set-cookie')).toMatch(/; Secure/);
    expect((await signIn(ADMIN_KEY)).headers.get('set-cookie')).not.toMatch(/Secure/);
  });

  it('never let a viewer’s cookie call an admin channel', async () => {
    const viewer = await fetch(`${base}/?key=${KEY}`, { redirect: 'manual' });
    const cookie = cookieOf(viewer);
    const save = await fetch(`${base}/api/invoke/settings:update`, {
      method: 'POST',
      headers: { ...JSON_TYPE, cookie },
      body: '{"basedOn":"x","settings":{}}',
    });
    expect(save.status).toBe(403);
  });

  it('refuse a sign-in posted from another site, and end the session on sign-out', async () => {
    expect((await signIn(ADMIN_KEY, { origin: 'http://evil.example' })).status).toBe(403);
    const cookie = cookieOf(await signIn(ADMIN_KEY));
    await fetch(`${base}/api/admin/sign-out`, { method: 'POST', headers: { ...JSON_TYPE, cookie } });
    expect(await (await fetch(`${base}/settings`, { headers: { cookie } })).text()).toContain('Admin key');
  });

  it('limit wrong admin keys to ten a minute from one machine', async () => {
    for (let i = 0; i < 10; i++) expect((await signIn(`wrong-${i}`)).status).toBe(403);
    expect((await signIn(ADMIN_KEY)).status).toBe(429);
  });
});
