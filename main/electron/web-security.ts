import { app, type Session, type WebContents } from 'electron';
import { pageOf, type PageOrigin } from './app-pages';
import { cspFor } from './content-security-policy';
import { openExternalLink } from './external-links';

/**
 * What every page in the app may and may not do, enforced by the main process whatever the page
 * tries: no permission but fullscreen for our own pages (the board's F key), no device access, no
 * network request except to the dev server, the CSP on every response, downloads only of what our
 * own pages make (the settings window's board export), no navigation, no new windows (allowed links
 * go to the system browser instead), no <webview>.
 */

export interface SecurityOptions {
  origin: PageOrigin;
  log: (line: string) => void;
}

/** The only permission our pages use: the board's fullscreen toggle. Everything else is denied. */
export function permissionAllowed(permission: string, requestingUrl: string, origin: PageOrigin): boolean {
  return permission === 'fullscreen' && pageOf(requestingUrl, origin) !== null;
}

/** Network requests a page may send: none but the dev server's own (hot reload, modules). */
export function requestAllowed(url: string, origin: PageOrigin): boolean {
  if (!/^(https?|wss?):/i.test(url)) return true;
  if (!origin.devServer) return false;
  try {
    const parsed = new URL(url);
    return parsed.host === new URL(origin.origin).host;
  } catch {
    return false;
  }
}

export function secureSession(session: Session, options: SecurityOptions): void {
  const { origin, log } = options;
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const allowed = permissionAllowed(permission, details.requestingUrl, origin);
    if (!allowed) log(`security: denied the "${permission}" permission to ${details.requestingUrl}`);
    callback(allowed);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    permissionAllowed(permission, details.requestingUrl ?? requestingOrigin, origin),
  );
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    const allowed = requestAllowed(details.url, origin);
    if (!allowed) log(`security: blocked a request to ${details.url}`);
    callback({ cancel: !allowed });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders, 'Content-Security-Policy': [cspFor(origin.devServer)] };
    callback({ responseHeaders: headers });
  });
  session.on('will-download', (event, item, contents) => {
    const ours = pageOf(contents.getURL(), origin) === 'settings';
    if (ours && item.getURL().startsWith('blob:')) return;
    log(`security: refused a download of ${item.getURL()}`);
    event.preventDefault();
  });
}

export function secureContents(contents: WebContents, options: SecurityOptions): void {
  const { log } = options;
  // Our pages are single-page apps: nothing they do should leave them. Reloads are not navigations.
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    log(`security: refused navigation to ${url}`);
    openExternalLink(url, log);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    event.preventDefault();
    log(`security: refused a redirect to ${url}`);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('security: refused a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternalLink(url, log);
    return { action: 'deny' };
  });
}

/** Hardens the default session and every webContents the app will ever create, before any exists. */
export function setupWebSecurity(session: Session, options: SecurityOptions): void {
  secureSession(session, options);
  app.on('web-contents-created', (_event, contents) => secureContents(contents, options));
}
