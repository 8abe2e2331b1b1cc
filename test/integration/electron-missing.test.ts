import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDesktopBinary } from '../../main/launch/desktop-binary';

/**
 * `npm start` and `npm run dist` as a user runs them, where the Electron binary could not be
 * downloaded (as on this project's own machines): a plain message and exit code 1, no stack trace.
 * Where the binary is installed `npm start` opens the app instead, which test/e2e/electron.spec.ts drives.
 */

const installed = checkDesktopBinary().ok;

function npm(...args: string[]) {
  return spawnSync('npm', [...args, '--silent'], {
    cwd: resolve(__dirname, '../..'),
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe.skipIf(installed)(
  installed
    ? 'npm start without the Electron binary — skipped: the binary is installed here (see electron.spec.ts)'
    : 'npm start without the Electron binary',
  () => {
    it('says what is missing, how to install it and that npm run serve shows the board', () => {
      const run = npm('start');
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('the Electron binary is not installed');
      expect(run.stderr).toContain('npm run serve');
      expect(run.stderr).not.toMatch(/Error: Electron uninstall|\n\s+at /);
    });

    it('npm run dist says packaging needs the binary and the internet, before building anything', () => {
      const run = npm('run', 'dist');
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('npm run dist cannot package the desktop app here');
      expect(run.stderr).not.toContain('electron-vite build');
      expect(run.stderr).not.toMatch(/\n\s+at /);
    });
  },
);
