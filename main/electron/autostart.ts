import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { app } from 'electron';

/**
 * "Open at login", for a TV PC that must show its board after a power cut without anyone there.
 * Windows and macOS keep it in their own login items (app.setLoginItemSettings); Linux has no such
 * API in Electron, so the XDG autostart entry (~/.config/autostart/callboard.desktop) is written,
 * starting the AppImage itself when that is how Callboard runs.
 */

export interface Autostart {
  isEnabled(): boolean;
  setEnabled(enabled: boolean): Promise<void>;
}

export interface AutostartEnvironment {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
  execPath: string;
  /** The app folder to pass to the Electron binary when running unpackaged (npm start). */
  appPath: string | null;
}

export function currentEnvironment(): AutostartEnvironment {
  return {
    platform: process.platform,
    env: process.env,
    home: homedir(),
    execPath: process.execPath,
    appPath: app.isPackaged ? null : app.getAppPath(),
  };
}

export function createAutostart(environment: AutostartEnvironment = currentEnvironment()): Autostart {
  if (environment.platform === 'linux') return linuxAutostart(environment);
  return {
    isEnabled: () => app.getLoginItemSettings().openAtLogin,
    setEnabled: async (enabled) => app.setLoginItemSettings({ openAtLogin: enabled }),
  };
}

export function autostartFile(environment: Pick<AutostartEnvironment, 'env' | 'home'>): string {
  const config = environment.env['XDG_CONFIG_HOME'] || join(environment.home, '.config');
  return join(config, 'autostart', 'callboard.desktop');
}

/** The desktop entry's Exec line: the AppImage if that is what runs, else the binary (and app folder). */
export function desktopEntry(environment: AutostartEnvironment): string {
  const program = environment.env['APPIMAGE'] || environment.execPath;
  const args = [program, ...(environment.appPath ? [environment.appPath] : [])];
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Callboard',
    'Comment=Contact-centre wallboard for RingCentral',
    `Exec=${args.map(quoteExecArgument).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Quoting per the Desktop Entry spec: double quotes, with ", `, $ and \ escaped by a backslash. */
export function quoteExecArgument(argument: string): string {
  return `"${argument.replace(/(["`$\\])/g, '\\$1')}"`;
}

function linuxAutostart(environment: AutostartEnvironment): Autostart {
  const file = autostartFile(environment);
  return {
    isEnabled: () => existsSync(file),
    async setEnabled(enabled) {
      if (!enabled) {
        await rm(file, { force: true });
        return;
      }
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, desktopEntry(environment), { mode: 0o644 });
    },
  };
}
