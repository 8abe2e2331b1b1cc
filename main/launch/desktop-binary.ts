import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Whether the Electron desktop binary is there to run. `npm install` downloads it from GitHub; where
 * that is impossible (no internet, ELECTRON_SKIP_BINARY_DOWNLOAD=1) the electron package is present
 * but empty, and starting it fails with a stack trace about an "uninstall". This tells the person
 * plainly what is missing, how to get it, and what works meanwhile: `npm start` points to the same
 * board in a browser; `npm run dist` says that packaging needs the binary and the internet.
 */

export type BinaryCheck = { ok: true; path: string } | { ok: false; message: string };

/** What the binary is needed for: starting the app, or packaging it with electron-builder. */
export type BinaryPurpose = 'start' | 'dist';

export interface BinaryProbe {
  /** The electron package's answer: the binary's path, or a throw when its download never happened. */
  resolve: () => string;
  exists: (path: string) => boolean;
}

const nodeRequire = createRequire(import.meta.url);

export const realProbe: BinaryProbe = {
  resolve: () => nodeRequire('electron') as string,
  exists: existsSync,
};

export function checkDesktopBinary(
  probe: BinaryProbe = realProbe,
  purpose: BinaryPurpose = 'start',
): BinaryCheck {
  let path: string;
  try {
    path = probe.resolve();
  } catch {
    return { ok: false, message: missingMessage('it was never downloaded', purpose) };
  }
  if (!probe.exists(path)) return { ok: false, message: missingMessage(`${path} does not exist`, purpose) };
  return { ok: true, path };
}

function missingMessage(detail: string, purpose: BinaryPurpose): string {
  return purpose === 'start' ? startMessage(detail) : distMessage(detail);
}

function startMessage(detail: string): string {
  return [
    `The Callboard desktop app cannot start: the Electron binary is not installed (${detail}).`,
    '',
    'npm downloads it from GitHub during `npm install`; that was skipped (ELECTRON_SKIP_BINARY_DOWNLOAD)',
    'or could not reach the internet. On a machine with internet access, install it with:',
    '',
    '  node node_modules/electron/install.js',
    '',
    'Meanwhile the same board runs in any browser: `npm run serve`, then open http://127.0.0.1:4180',
  ].join('\n');
}

function distMessage(detail: string): string {
  return [
    `npm run dist cannot package the desktop app here: the Electron binary is not installed (${detail}).`,
    '',
    'Packaging needs it, and electron-builder also downloads the Electron build of every target',
    '(Linux, Windows, macOS) from GitHub, so it only works on a machine with internet access. There, run:',
    '',
    '  node node_modules/electron/install.js',
    '  npm run dist',
    '',
    'The board itself needs neither: `npm run serve`, then open http://127.0.0.1:4180',
  ].join('\n');
}
