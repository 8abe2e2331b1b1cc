import { SDK } from '@ringcentral/sdk';
import { DEMO_APP, startEmulator, type Emulator } from '../../emulator/emulator';
import { LiveFeed } from '../../main/core/live/live-feed';
import { systemClock } from '../../main/core/poller/clock';

/**
 * An emulator with apps lacking one live permission each, and LiveFeeds signed in to it with the
 * real @ringcentral/sdk (the feed drives the real @ringcentral/subscriptions), for the core's live
 * integration tests. Every log line is kept, so tests can check that no token is ever printed.
 */

export const BUSY_MORNING = Date.parse('2026-11-24T09:05:00Z');
const GENEROUS = { limit: 100_000, windowSeconds: 60, penaltySeconds: 60 };
export const liveApp = (clientId: string) => ({
  clientId,
  clientSecret: `${clientId}-secret`,
  jwt: DEMO_APP.jwt,
});
const ALL = ['Analytics', 'ReadAccounts', 'ReadPresence', 'CallControl', 'WebSocket'];
export const LACKING = ['WebSocket', 'CallControl', 'ReadPresence'] as const;

export async function liveEmulator(): Promise<Emulator> {
  return startEmulator({
    port: 0,
    seed: 42,
    now: BUSY_MORNING,
    speed: 10,
    historyDays: 1,
    limits: { light: GENEROUS, medium: GENEROUS, heavy: GENEROUS, auth: GENEROUS },
    apps: [
      { clientId: DEMO_APP.clientId, clientSecret: DEMO_APP.clientSecret },
      ...LACKING.map((missing) => ({
        ...liveApp(`no-${missing}`),
        permissions: ALL.filter((permission) => permission !== missing),
      })),
    ],
    log: () => {},
  });
}

export async function control(
  emulator: Emulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(`${emulator.url}/__emulator${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return response.status === 204 ? null : ((await response.json()) as unknown);
}

export interface FeedUnderTest {
  feed: LiveFeed;
  logs: string[];
  accessToken: () => string;
}

export async function signedInFeed(
  emulator: Emulator,
  options: {
    queues?: string[] | 'all';
    heartbeatIntervalMs?: number;
    app?: { clientId: string; clientSecret: string; jwt: string };
  } = {},
): Promise<FeedUnderTest> {
  const app = options.app ?? DEMO_APP;
  const sdk = new SDK({ server: emulator.url, clientId: app.clientId, clientSecret: app.clientSecret });
  const platform = sdk.platform();
  await platform.login({ jwt: app.jwt });
  const logs: string[] = [];
  const feed = new LiveFeed({
    platform: () => platform,
    clock: systemClock,
    log: (line) => logs.push(line),
    queues: options.queues ?? 'all',
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 3_000,
  });
  const token = (await platform.auth().data()).access_token ?? '';
  return { feed, logs, accessToken: () => token };
}
