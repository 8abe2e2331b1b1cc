/**
 * Where each Callboard page lives and which page a URL is. Packaged and `npm start` builds load the
 * renderer from the app's own scheme (callboard://app/…, served by app-protocol.ts) rather than
 * file://, so the pages get a real origin, a CSP header and none of file://'s extra privileges.
 * Under `electron-vite dev` they come from its dev server (ELECTRON_RENDERER_URL) instead.
 */

export const APP_SCHEME = 'callboard';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** board: what every display shows; settings: the editor; recovery: the watchdog's notice. */
export type AppPage = 'board' | 'settings' | 'recovery';

export const PAGE_PATHS: Readonly<Record<AppPage, string>> = {
  board: '/index.html',
  settings: '/settings.html',
  recovery: '/recovering.html',
};

export interface PageOrigin {
  /** The origin the renderer is served from: the app scheme, or the dev server's. */
  origin: string;
  devServer: boolean;
}

/** The dev server when electron-vite set one and it is a plain loopback http URL, else the app scheme. */
export function pageOrigin(env: NodeJS.ProcessEnv = process.env): PageOrigin {
  const dev = env['ELECTRON_RENDERER_URL'];
  if (dev) {
    try {
      const url = new URL(dev);
      if (url.protocol === 'http:' && isLoopback(url.hostname))
        return { origin: url.origin, devServer: true };
    } catch {
      // Not a URL: ignore it and use the built renderer.
    }
  }
  return { origin: APP_ORIGIN, devServer: false };
}

export function pageUrl(page: AppPage, origin: PageOrigin, query?: Record<string, string>): string {
  const url = new URL(PAGE_PATHS[page], origin.origin);
  for (const [name, value] of Object.entries(query ?? {})) url.searchParams.set(name, value);
  return url.href;
}

/** Which of our pages a URL shows (query and hash aside), or null for anything else. */
export function pageOf(url: string, origin: PageOrigin): AppPage | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.username !== '' || parsed.password !== '' || originOf(parsed) !== origin.origin) return null;
  const path = parsed.pathname === '/' && origin.devServer ? PAGE_PATHS.board : parsed.pathname;
  const found = (Object.keys(PAGE_PATHS) as AppPage[]).find((page) => PAGE_PATHS[page] === path);
  return found ?? null;
}

/** A URL's origin; Node's URL calls every custom scheme's origin "null", so the app scheme's is built. */
function originOf(url: URL): string {
  return url.protocol === `${APP_SCHEME}:` ? `${APP_SCHEME}://${url.host}` : url.origin;
}

export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}
