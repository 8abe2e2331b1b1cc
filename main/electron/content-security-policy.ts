/**
 * The Content-Security-Policy of every Callboard page in the desktop app, sent as a response header
 * by the app protocol (app-protocol.ts) and added to anything else a window loads (web-security.ts).
 *
 * Nothing is allowed unless named: the built renderer needs its own scripts and style sheets, inline
 * styles (Vue's and ECharts' style bindings, grid-layout-plus' positions), data: images (ECharts) and
 * its own fonts. It needs no network at all: inside Electron the Bridge is IPC, so connect-src stays
 * 'none' and a script injected somehow could neither fetch nor send anything anywhere.
 */

const COMMON: readonly string[] = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "worker-src 'none'",
  "manifest-src 'none'",
];

/** Packaged and `npm start` builds: the page may reach nothing over the network. */
export const APP_CSP = [...COMMON, "connect-src 'none'"].join('; ');

/** electron-vite's dev server: the same, plus its own origin for hot reload's WebSocket. */
export const DEV_SERVER_CSP = [...COMMON, "connect-src 'self'"].join('; ');

export function cspFor(devServer: boolean): string {
  return devServer ? DEV_SERVER_CSP : APP_CSP;
}
