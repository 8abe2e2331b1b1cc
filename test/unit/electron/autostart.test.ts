import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  autostartFile,
  createAutostart,
  desktopEntry,
  quoteExecArgument,
  type AutostartEnvironment,
} from '../../../main/electron/autostart';
import { app, resetElectronMock } from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));

/** Open at login: the OS's login items on Windows and macOS, an XDG autostart entry on Linux. */

let environment: AutostartEnvironment;

beforeEach(async () => {
  resetElectronMock();
  const config = await mkdtemp(join(tmpdir(), 'callboard-autostart-'));
  environment = {
    platform: 'linux',
    env: { XDG_CONFIG_HOME: config },
    home: '/home/tv',
    execPath: '/opt/Callboard/callboard',
    appPath: null,
  };
});

describe('open at login on Linux', () => {
  it('writes and removes ~/.config/autostart/callboard.desktop', async () => {
    const autostart = createAutostart(environment);
    expect(autostart.isEnabled()).toBe(false);
    await autostart.setEnabled(true);
    expect(autostart.isEnabled()).toBe(true);
    const file = autostartFile(environment);
    expect(file).toBe(join(environment.env['XDG_CONFIG_HOME']!, 'autostart', 'callboard.desktop'));
    const text = await readFile(file, 'utf8');
    expect(text).toContain('Exec="/opt/Callboard/callboard"');
    expect((await stat(file)).mode & 0o777).toBe(0o644);
    await autostart.setEnabled(false);
    expect(autostart.isEnabled()).toBe(false);
  });

  it('starts the AppImage itself when that is how Callboard runs, and passes the app folder unpackaged', () => {
    expect(desktopEntry({ ...environment, env: { APPIMAGE: '/home/tv/Callboard.AppImage' } })).toContain(
      'Exec="/home/tv/Callboard.AppImage"\n',
    );
    expect(desktopEntry({ ...environment, appPath: '/src/callboard' })).toContain(
      'Exec="/opt/Callboard/callboard" "/src/callboard"',
    );
  });

  it('quotes paths as the Desktop Entry spec asks', () => {
    expect(quoteExecArgument('/home/a "b"/$x`y`\\z')).toBe('"/home/a \\"b\\"/\\$x\\`y\\`\\\\z"');
  });
});

describe('open at login on Windows and macOS', () => {
  it('uses the system’s login items', async () => {
    const autostart = createAutostart({ ...environment, platform: 'win32' });
    app.getLoginItemSettings.mockReturnValueOnce({ openAtLogin: true });
    expect(autostart.isEnabled()).toBe(true);
    await autostart.setEnabled(false);
    expect(app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: false });
  });
});
