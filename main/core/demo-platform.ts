import { DEMO_APP, startEmulator, type EmulatorConfig } from '../../emulator/emulator';

/**
 * The embedded demo: the bundled RingCentral emulator with its live synthetic call center, on a
 * loopback port of its own. With no account configured the core signs in to it with the demo app's
 * credentials, so a newcomer sees a moving board seconds after starting, clearly labelled DEMO.
 */
export interface DemoPlatform {
  readonly serverUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly jwt: string;
  readonly timeZone: string;
  stop(): Promise<void>;
}

export async function startDemoPlatform(config: EmulatorConfig = {}): Promise<DemoPlatform> {
  const emulator = await startEmulator({ port: 0, host: '127.0.0.1', seed: 42, ...config });
  return {
    serverUrl: emulator.url,
    clientId: DEMO_APP.clientId,
    clientSecret: DEMO_APP.clientSecret,
    jwt: DEMO_APP.jwt,
    timeZone: emulator.directory.account.timeZone,
    stop: () => emulator.stop(),
  };
}
