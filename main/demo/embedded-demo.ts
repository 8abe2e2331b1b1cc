import { demoDirectory, DEMO_OWNER_ID } from '../../emulator/data/demo-directory';
import type { DirectoryData } from '../../emulator/data/directory';
import { DEMO_APP, startEmulator, type EmulatorConfig } from '../../emulator/emulator';
import type { DemoProfile, DemoProvider } from '../core/demo';

/**
 * The embedded demo, as both hosts (the Electron app and the hub) give it to the core: the bundled
 * RingCentral emulator with its live synthetic call centre on a loopback port of its own. With no
 * account configured the core signs in to it with the demo app's public credentials, so a newcomer
 * sees a moving board seconds after starting, clearly labelled DEMO.
 */

export interface EmbeddedDemoOptions {
  /** Loopback port for the demo's emulator (0: any free port). */
  port?: number;
  /** The demo's directory (default: the Northwind contact centre). */
  directory?: DirectoryData;
  /** More emulator settings (tests: speed, seed). */
  emulator?: Omit<EmulatorConfig, 'port' | 'host' | 'directory'>;
}

export function embeddedDemo(options: EmbeddedDemoOptions = {}): DemoProvider {
  const directory = options.directory ?? demoDirectory();
  return {
    profile: demoProfileOf(directory, null),
    async start() {
      const emulator = await startEmulator({
        seed: 42,
        ownerId: DEMO_OWNER_ID,
        log: () => {},
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
