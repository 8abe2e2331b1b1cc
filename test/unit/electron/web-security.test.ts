import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN, pageOrigin } from '../../../main/electron/app-pages';
import { APP_CSP } from '../../../main/electron/content-security-policy';
import {
  requestAllowed,
  secureContents,
  secureSession,
  setupWebSecurity,
} from '../../../main/electron/web-security';
import { WebContentsMock, app, resetElectronMock, session, shell } from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));

/** Navigation, new windows, permissions, requests and downloads, as the main process enforces them. */

const origin = pageOrigin({});
const log = vi.fn();
const board = `${APP_ORIGIN}/index.html`;

beforeEach(() => resetElectronMock());

describe('navigation and new windows', () => {
  let contents: WebContentsMock;
  beforeEach(() => {
    contents = new WebContentsMock();
    secureContents(contents as never, { origin, log });
  });

  it('refuses every navigation, opening only allowlisted https links in the system browser', () => {
    expect(contents.fire('will-navigate', 'https://evil.example/').defaultPrevented).toBe(true);
    expect(contents.fire('will-navigate', `${APP_ORIGIN}/settings.html`).defaultPrevented).toBe(true);
    expect(shell.openExternal).not.toHaveBeenCalled();
    expect(contents.fire('will-navigate', 'https://developers.ringcentral.com/guide').defaultPrevented).toBe(
      true,
    );
    expect(shell.openExternal).toHaveBeenCalledWith('https://developers.ringcentral.com/guide');
  });

  it('denies every window.open, handing only allowlisted https links to the system browser', () => {
    const open = contents.windowOpenHandler!;
    expect(open({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'http://developers.ringcentral.com/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).not.toHaveBeenCalled();
    expect(open({ url: 'https://login.ringcentral.com/' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledOnce();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('evil.example is not on'));
  });

  it('refuses redirects, subframe navigations and <webview>', () => {
    expect(contents.fire('will-redirect', 'https://evil.example/').defaultPrevented).toBe(true);
    expect(contents.fire('will-attach-webview', {}, {}).defaultPrevented).toBe(true);
    const subframe = { isMainFrame: false, defaultPrevented: false, preventDefault: vi.fn() };
    contents.emit('will-frame-navigate', subframe);
    expect(subframe.preventDefault).toHaveBeenCalled();
  });

  it('secures every webContents the app creates', () => {
    setupWebSecurity(session.defaultSession as never, { origin, log });
    const created = new WebContentsMock();
    app.emit('web-contents-created', {}, created);
    expect(created.setWindowOpenHandler).toHaveBeenCalled();
    expect(created.fire('will-navigate', 'https://evil.example/').defaultPrevented).toBe(true);
  });
});

describe('the session', () => {
  let ses: (typeof session)['defaultSession'];
  beforeEach(() => {
    ses = session.defaultSession;
    secureSession(ses as never, { origin, log });
  });

  it('denies every permission request except fullscreen for our own pages', () => {
    const ask = (permission: string, requestingUrl: string) => {
      const callback = vi.fn();
      ses.permissionRequest!({} as never, permission as never, callback as never, { requestingUrl } as never);
      return callback.mock.calls[0]?.[0] as boolean;
    };
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
      'unknown',
    ])
      expect(ask(permission, board), permission).toBe(false);
    expect(ask('fullscreen', board)).toBe(true);
    expect(ask('fullscreen', 'https://evil.example/')).toBe(false);
  });

  it('answers permission checks and device requests with no', () => {
    const check = (permission: string, url: string) =>
      ses.permissionCheck!({} as never, permission as never, url as never, { requestingUrl: url } as never);
    expect(check('media', board)).toBe(false);
    expect(check('hid', board)).toBe(false);
    expect(check('fullscreen', board)).toBe(true);
    expect(ses.devicePermission!({} as never)).toBe(false);
  });

  it('cancels every network request from a page (the Bridge is IPC); dev server only in development', () => {
    const send = (url: string) => {
      const callback = vi.fn();
      ses.beforeRequest!({ url } as never, callback as never);
      return callback.mock.calls[0]?.[0] as { cancel: boolean };
    };
    expect(send('https://evil.example/beacon')).toEqual({ cancel: true });
    expect(send('wss://evil.example/')).toEqual({ cancel: true });
    expect(send(`${APP_ORIGIN}/assets/x.js`)).toEqual({ cancel: false });
    const dev = pageOrigin({ ELECTRON_RENDERER_URL: 'http://localhost:5173' });
    expect(requestAllowed('http://localhost:5173/src/main.ts', dev)).toBe(true);
    expect(requestAllowed('ws://localhost:5173/', dev)).toBe(true);
    expect(requestAllowed('http://localhost:8080/', dev)).toBe(false);
  });

  it('sets the strict CSP header on every response', () => {
    const callback = vi.fn();
    ses.headersReceived!({ responseHeaders: { 'X-Other': ['1'] } } as never, callback as never);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [APP_CSP] },
    });
  });

  it('lets only the settings window download what it made itself (a board export)', () => {
    const download = (pageUrl: string, itemUrl: string) => {
      const event = { preventDefault: vi.fn() };
      ses.emit('will-download', event, { getURL: () => itemUrl }, { getURL: () => pageUrl });
      return event.preventDefault.mock.calls.length === 0;
    };
    expect(download(`${APP_ORIGIN}/settings.html`, `blob:${APP_ORIGIN}/1234`)).toBe(true);
    expect(download(`${APP_ORIGIN}/settings.html`, 'https://evil.example/x.exe')).toBe(false);
    expect(download(board, `blob:${APP_ORIGIN}/1234`)).toBe(false);
  });
});
