import { demoDirectory, DEMO_OWNER_ID } from '../../emulator/data/demo-directory';
import type { DirectoryData } from '../../emulator/data/directory';
import { DEMO_APP, startEmulator, type EmulatorConfig } from '../../emulator/emulator';
import type { DemoProfile, DemoProvider } from '../core/demo';
import { pickDemoZone } from './demo-zone';

/**
 * The embedded demo, as both hosts (the Electron app and the hub) give it to the core: the bundled
 * RingCentral emulator with its live synthetic call centre on a loopback port of its own. With no
 * account configured the core signs in to it with the demo app's public credentials, so a newcomer
 * sees a moving board seconds after starting, clearly labelled DEMO.
 *
 * A newcomer may start it at any hour of any day, so the call centre is open every day and, at
 * night in its home zone, works in a city where it is daytime now (demo-zone.ts); the profile's
 * note says so on the board.
 */

export interface EmbeddedDemoOptions {
  /** Loopback port for the demo's emulator (0: any free port). */
  port?: number;
  /** The demo's directory (default: the Northwind contact centre). */
  directory?: DirectoryData;
  /**
   * 'daytime' (default): run the call centre in a zone where it is daytime at start (its own zone
   * whenever it is daytime there). 'home': always in the directory's own zone.
   */
  zone?: 'daytime' | 'home';
  /** More emulator settings (tests: speed, seed, now; openEveryDay defaults to true here). */
  emulator?: Omit<EmulatorConfig, 'port' | 'host' | 'directory'>;
}

export function embeddedDemo(options: EmbeddedDemoOptions = {}): DemoProvider {
  const home = options.directory ?? demoDirectory();
  // The data clock's start, when a test sets one, is the instant the demo is about.
  const instant = options.emulator?.now ?? Date.now();
  const choice =
    options.zone === 'home'
      ? { timeZone: home.account.timeZone, note: null }
      : pickDemoZone(instant, home.account.timeZone);
  const directory: DirectoryData = { ...home, account: { ...home.account, timeZone: choice.timeZone } };
  return {
    profile: demoProfileOf(directory, choice.note),
    async start() {
      const emulator = await startEmulator({
        seed: 42,
        ownerId: DEMO_OWNER_ID,
        log: () => {},
        // Weekends too: a Sunday demo must look like a working contact centre.
        openEveryDay: true,
        ...options.emulator,
        port: options.port ?? 0,
        host: '127.0.0.1',
        directory,
      });
      return {
        serverUrl: emulator.url,
        clientId: DEMO_APP.clientId,
        clientSecret: DEMO_APP.clientSecret,
        jwt: DEMO_APP.jwt,
        stop: () => emulator.stop(),
      };
    },
  };
}

/** What the default boards need of a demo directory: its zone, its name and its call queues. */
export function demoProfileOf(directory: DirectoryData, note: string | null): DemoProfile {
  return {
    timeZone: directory.account.timeZone,
    accountName: directory.account.name ?? 'the demo contact centre',
    queueKeys: directory.extensions.filter((ext) => ext.type === 'Department').map((ext) => ext.id),
    note,
  };
}
