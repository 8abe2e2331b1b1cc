/**
 * The embedded demo as the core sees it. The core never starts an emulator itself: the host (the
 * Electron app or the hub) hands it a DemoProvider, so the core stays free of the emulator and a
 * test can hand it any platform it likes. The profile is known before anything starts, so the
 * default boards can name the demo's queues at once.
 */

/** What the default boards need to know about the demo's contact centre. */
export interface DemoProfile {
  /** The zone the demo's call centre works in (its boards' zone). */
  readonly timeZone: string;
  readonly accountName: string;
  /** The demo's call queues, in directory order. */
  readonly queueKeys: readonly string[];
  /** Why the demo runs in this zone, shown on the board (e.g. "so that it is open now"), or null. */
  readonly note: string | null;
}

/** A running demo platform: where it listens and the public demo app it accepts. */
export interface DemoPlatform {
  readonly serverUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly jwt: string;
  stop(): Promise<void>;
}

export interface DemoProvider {
  readonly profile: DemoProfile;
  start(): Promise<DemoPlatform>;
}
