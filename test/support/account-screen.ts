import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConnectionState } from '../../contract/connection';
import type { Polling } from '../../contract/settings';
import { DEMO_APP, startEmulator, type Emulator, type EmulatorConfig } from '../../emulator/emulator';
import { CallboardCore } from '../../main/core/core';
import { MemorySecretStore } from '../../main/core/secrets/secret-store';
import { defaultSettings } from '../../main/core/settings/default-boards';
import { embeddedDemo } from '../../main/demo/embedded-demo';
import { waitFor } from './wait-for';

/**
 * An unattended screen: the whole core holding a JWT account from the environment (as a hub with
 * CALLBOARD_RC_* runs), against its own emulator, on the default account boards with quick
 * refreshes so "Live again within one refresh" is seen within a test. Records every connection
 * state it goes through.
 */

export interface Screen {
  core: CallboardCore;
  emulator: Emulator;
  /** Every connection state the screen went through, in order. */
  states: ConnectionState[];
  lines: string[];
}

export interface ScreenOptions {
  emulator?: EmulatorConfig;
  jwt?: string;
  /** Where the core signs in (default: the emulator's own URL). */
  url?: string;
  polling?: Partial<Polling>;
  /** Poll with no screen attached (default true: an unattended screen always shows its board). */
  alwaysActive?: boolean;
}

export class Screens {
  private dir: string | null = null;
  private readonly cleanups: Array<() => Promise<void>> = [];

  /** A screen on a new emulator. */
  async start(name: string, options: ScreenOptions = {}): Promise<Screen> {
    const emulator = await startEmulator({ port: 0, seed: 3, log: () => {}, ...options.emulator });
    return this.startOn(name, emulator, options);
  }

  /** A screen on this emulator (started or not). */
  async startOn(name: string, emulator: Emulator, options: ScreenOptions = {}): Promise<Screen> {
    this.dir ??= await mkdtemp(join(tmpdir(), 'callboard-screen-'));
    const folder = join(this.dir, name);
    const settings = defaultSettings({ kind: 'account', timeZone: 'Europe/London' });
    const polling = { ...settings.polling, defaultRefreshSeconds: 15, ...options.polling };
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'settings.json'), JSON.stringify({ ...settings, version: 1, polling }));
    const lines: string[] = [];
    const core = await CallboardCore.start({
      settingsPath: join(folder, 'settings.json'),
      secrets: new MemorySecretStore(),
      openBrowser: async () => {},
      log: (line) => lines.push(line),
      envAccount: {
        serverUrl: options.url ?? emulator.url,
        clientId: DEMO_APP.clientId,
        clientSecret: DEMO_APP.clientSecret,
        jwt: options.jwt ?? DEMO_APP.jwt,
      },
      demo: embeddedDemo(),
      alwaysActive: options.alwaysActive ?? true,
      tickMs: 250,
    });
    const states: ConnectionState[] = [core.connectionStatus().state];
    core.onSnapshot((snapshot) => {
      if (states.at(-1) !== snapshot.connection.state) states.push(snapshot.connection.state);
    });
    this.cleanups.push(async () => {
      await core.stop();
      await emulator.stop().catch(() => {});
    });
    return { core, emulator, states, lines };
  }

  /** Run `cleanup` when the screens stop (e.g. an emulator started later). */
  onStop(cleanup: () => Promise<void>): void {
    this.cleanups.push(cleanup);
  }

  async stop(): Promise<void> {
    await Promise.all(this.cleanups.map((cleanup) => cleanup()));
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
  }
}

export const light = (s: Screen) => s.core.snapshot()?.status.light;

/** Waits until the board is Live; returns how long that took (ms). */
export async function untilLive(s: Screen, timeoutMs = 120_000): Promise<number> {
  const from = Date.now();
  await waitFor(() => light(s) === 'live', {
    timeoutMs,
    intervalMs: 100,
    explain: () => `${light(s)}: ${s.core.snapshot()?.status.message} [${s.states.join(' → ')}]`,
  });
  return Date.now() - from;
}
