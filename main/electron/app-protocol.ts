import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME, PAGE_PATHS } from './app-pages';
import { APP_CSP } from './content-security-policy';
import { noticeFromQuery, recoveryPage } from './recovery-page';

/**
 * The app's own scheme, callboard://app/, serving the built renderer (out/renderer) read-only. Every
 * answer carries the CSP header; only GET of a file inside the renderer folder is served (no path
 * escapes it, no directory listing); the recovery notice is generated here.
 */

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/** Must run before the app is ready: a standard, secure scheme gets an origin, storage and CSP 'self'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
    },
  ]);
}

export function setupAppProtocol(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, rendererRoot));
}

export async function serveAppRequest(request: Request, rendererRoot: string): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== APP_HOST) return answer(404, 'Not found');
  if (request.method !== 'GET' && request.method !== 'HEAD') return answer(405, 'Method not allowed');
  if (url.pathname === PAGE_PATHS.recovery)
    return answer(200, recoveryPage(noticeFromQuery(url.searchParams)), TYPES['.html']);
  const file = fileInside(rendererRoot, url.pathname);
  const type = file === null ? undefined : TYPES[extname(file).toLowerCase()];
  if (file === null || type === undefined) return answer(404, 'Not found');
  try {
    return answer(200, await readFile(file), type);
  } catch {
    return answer(404, 'Not found');
  }
}

/** The file a URL path names inside the root, or null when it would leave the root. */
export function fileInside(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = resolve(root);
  const file = resolve(base, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  return file.startsWith(base + sep) ? file : null;
}

function answer(status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): Response {
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
    status,
    headers: {
      'Content-Type': type,
      'Content-Security-Policy': APP_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    },
  });
}
