import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fileInside, registerAppScheme, serveAppRequest } from '../../../main/electron/app-protocol';
import { APP_CSP, DEV_SERVER_CSP } from '../../../main/electron/content-security-policy';
import { recoveryPage } from '../../../main/electron/recovery-page';
import { protocol, resetElectronMock } from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));

/** The app scheme serves only the built renderer, read-only, each answer with the strict CSP. */

let root: string;

beforeAll(async () => {
  const folder = await mkdtemp(join(tmpdir(), 'callboard-protocol-'));
  root = join(folder, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><div id="app"></div>');
  await writeFile(join(root, 'assets', 'index-1.js'), 'console.log(1)');
  await writeFile(join(folder, 'secret.txt'), 'outside the renderer');
});

beforeEach(() => resetElectronMock());

const get = (url: string, method = 'GET') => serveAppRequest(new Request(url, { method }), root);

describe('the app protocol', () => {
  it('registers callboard: as a standard, secure scheme before the app is ready', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'callboard',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
  });

  it('serves the board page with the CSP header and its content type', async () => {
    const response = await get('callboard://app/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('id="app"');
    expect((await get('callboard://app/assets/index-1.js')).headers.get('content-type')).toContain(
      'javascript',
    );
  });

  it('never serves a file outside the renderer folder, however the path is spelt', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%00index.html',
    ]) {
      const response = await get(`callboard://app${path}`);
      expect(response.status, path).toBe(404);
    }
    expect(fileInside('/srv/renderer', '/../x')).toBeNull();
    expect(fileInside('/srv/renderer', '/a/b.js')).toBe('/srv/renderer/a/b.js');
  });

  it('answers other hosts, unknown files and writes with errors that still carry the CSP', async () => {
    expect((await get('callboard://elsewhere/index.html')).status).toBe(404);
    expect((await get('callboard://app/missing.js')).status).toBe(404);
    const post = await get('callboard://app/index.html', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('content-security-policy')).toBe(APP_CSP);
  });

  it('generates the watchdog notice, escaping what it shows', async () => {
    const response = await get('callboard://app/recovering.html?failures=4&retry=0');
    expect(await response.text()).toContain('It stopped 4 times in a row');
    expect(recoveryPage({ failures: 3, retryAt: 0 }, () => '<b>"x"</b>')).toContain('&#60;b&#62;&#34;x&#34;');
  });
});

describe('the CSP', () => {
  it('allows nothing by default and no network at all from the built app', () => {
    expect(APP_CSP).toMatch(/^default-src 'none'/);
    expect(APP_CSP).toContain("script-src 'self'");
    expect(APP_CSP).toContain("connect-src 'none'");
    expect(APP_CSP).toContain("object-src 'none'");
    expect(APP_CSP).toContain("frame-ancestors 'none'");
    expect(APP_CSP).not.toContain('unsafe-eval');
    expect(APP_CSP).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('lets only the dev server reach its own origin (hot reload)', () => {
    expect(DEV_SERVER_CSP).toContain("connect-src 'self'");
    expect(DEV_SERVER_CSP.replace("connect-src 'self'", "connect-src 'none'")).toBe(APP_CSP);
  });
});
