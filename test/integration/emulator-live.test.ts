import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_APP, startEmulator, type Emulator } from '../../emulator/emulator';
import { LiveClient, type LiveApp, type Notification } from '../support/live-subscription';
import { waitFor } from '../support/wait-for';

/**
 * The real @ringcentral/sdk and @ringcentral/subscriptions against the emulator's WebSocket gateway
 * (issue 14): subscribe to the account's telephony sessions and presence, receive the simulation's
 * events (they add up to what /__emulator/live holds at the same instant), renew, lose the socket and
 * recover with and without the session, a stalled socket, refused reconnects, an expired
 * subscription and WebSocket token, and apps missing CallControl, ReadPresence or WebSocket.
 */

const BUSY_MORNING = Date.parse('2026-11-24T09:05:00Z'); // a Tuesday; London is on UTC in November
const TELEPHONY = '/restapi/v1.0/account/~/telephony/sessions';
const PRESENCE = '/restapi/v1.0/account/~/presence?detailedTelephonyState=true';
const GENEROUS = { limit: 100_000, windowSeconds: 60, penaltySeconds: 60 };
const QUEUES = new Set(['3001', '3002', '3003', '3004']);
const app = (clientId: string) => ({ clientId, clientSecret: `${clientId}-secret`, jwt: DEMO_APP.jwt });
const NO_WEBSOCKET = app('no-websocket');
const NO_CALL_CONTROL = app('no-call-control');
const NO_PRESENCE = app('no-presence');

let emulator: Emulator;
const clients: LiveClient[] = [];

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    seed: 42,
    now: BUSY_MORNING,
    speed: 10,
    historyDays: 1,
    limits: { light: GENEROUS, medium: GENEROUS, heavy: GENEROUS, auth: GENEROUS },
    apps: [
      { clientId: DEMO_APP.clientId, clientSecret: DEMO_APP.clientSecret },
      { ...NO_WEBSOCKET, permissions: ['Analytics', 'ReadAccounts', 'ReadPresence', 'CallControl'] },
      { ...NO_CALL_CONTROL, permissions: ['Analytics', 'ReadAccounts', 'ReadPresence', 'WebSocket'] },
      { ...NO_PRESENCE, permissions: ['Analytics', 'ReadAccounts', 'CallControl', 'WebSocket'] },
    ],
    log: () => {},
  });
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await control('DELETE', '/ws/faults');
  await control('POST', '/clock', { speed: 10 });
});
afterAll(async () => {
  await emulator.stop();
});

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${emulator.url}/__emulator${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return response.status === 204 ? null : ((await response.json()) as unknown);
}

async function subscribed(filters = [TELEPHONY, PRESENCE], signIn: LiveApp = DEMO_APP): Promise<LiveClient> {
  const client = await LiveClient.signIn(emulator.url, signIn);
  clients.push(client);
  await client.subscribe(filters);
  return client;
}

const subscriptionId = (client: LiveClient) => client.wsSubscription?.subscriptionInfo?.id;
const telephonyOf = (notifications: Notification[]) =>
  notifications
    .filter((n) => n.event.endsWith('/telephony/sessions'))
    .map((n) => n.body as unknown as TelephonyBody);

interface TelephonyBody {
  telephonySessionId: string;
  sequence: number;
  eventTime: string;
  parties: Array<{ extensionId: string; status: { code: string } }>;
}
interface LiveState {
  queues: Array<{ id: string; waiting: Array<{ telephonySessionId: string; since: string }> }>;
  agents: Array<{ id: string; telephonyStatus: string; dndStatus: string; presenceStatus: string }>;
}

/** Telephony sessions every one of whose sequence numbers arrived, none missing in between. */
function gaps(notifications: Notification[]): string[] {
  const bySession = new Map<string, number[]>();
  for (const body of telephonyOf(notifications)) {
    bySession.set(body.telephonySessionId, [
      ...(bySession.get(body.telephonySessionId) ?? []),
      body.sequence,
    ]);
  }
  return [...bySession].flatMap(([id, sequences]) => {
    const sorted = [...sequences].sort((a, b) => a - b);
    return sorted.every((n, i) => i === 0 || n === sorted[i - 1]! + 1) ? [] : [`${id}: ${sorted.join(',')}`];
  });
}

describe('live events with the real client', () => {
  it('arrive from the simulation and add up to what the emulator holds at the same instant', async () => {
    const client = await LiveClient.signIn(emulator.url, DEMO_APP);
    clients.push(client);
    const initial = (await (
      await client.sdk
        .platform()
        .get('/restapi/v1.0/account/~/presence', { detailedTelephonyState: true, perPage: 1000 })
    ).json()) as {
      records: Array<{
        extension: { id: number };
        telephonyStatus?: string;
        dndStatus?: string;
        presenceStatus: string;
      }>;
    };
    const subscribedAt = Date.parse(((await control('GET', '/clock')) as { now: string }).now);
    await client.subscribe([TELEPHONY, PRESENCE]);
    let comparedWaiting = 0;
    for (let round = 0; round < 10 && comparedWaiting === 0; round++) {
      await control('POST', '/clock', { speed: 20 });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await control('POST', '/clock', { speed: 0 });
      // Everything up to the held instant has been announced by the next tick; let it arrive.
      await new Promise((resolve) => setTimeout(resolve, 400));
      const live = (await control('GET', '/live')) as LiveState;
      // Presence: the REST snapshot, then every presence event in order.
      const presence = new Map(initial.records.map((r) => [String(r.extension.id), r]));
      for (const n of client.notifications.filter((n) => n.event.includes('/presence'))) {
        presence.set(String(n.body.extensionId), { ...presence.get(String(n.body.extensionId))!, ...n.body });
      }
      for (const agent of live.agents) {
        const seen = presence.get(agent.id);
        expect({
          id: agent.id,
          telephonyStatus: seen?.telephonyStatus,
          dndStatus: seen?.dndStatus,
          presenceStatus: seen?.presenceStatus,
        }).toEqual({
          id: agent.id,
          telephonyStatus: agent.telephonyStatus,
          dndStatus: agent.dndStatus,
          presenceStatus: agent.presenceStatus,
        });
      }
      // Callers waiting: queue parties whose latest status is Proceeding, among calls since the subscription.
      const latest = new Map<string, { sequence: number; code: string; at: string; queue: string }>();
      for (const body of telephonyOf(client.notifications)) {
        for (const party of body.parties.filter((p) => QUEUES.has(p.extensionId))) {
          const key = `${body.telephonySessionId}|${party.extensionId}`;
          if ((latest.get(key)?.sequence ?? 0) < body.sequence) {
            latest.set(key, {
              sequence: body.sequence,
              code: party.status.code,
              at: body.eventTime,
              queue: party.extensionId,
            });
          }
        }
      }
      const fromEvents = [...latest]
        .filter(([, s]) => s.code === 'Proceeding')
        .map(([key, s]) => `${s.queue}|${key.split('|')[0]}|${s.at}`);
      const fromLive = live.queues.flatMap((q) =>
        q.waiting
          .filter((w) => Date.parse(w.since) > subscribedAt)
          .map((w) => `${q.id}|${w.telephonySessionId}|${w.since}`),
      );
      expect(fromEvents.sort()).toEqual(fromLive.sort());
      comparedWaiting += fromLive.length;
    }
    expect(comparedWaiting).toBeGreaterThan(0);
    expect(gaps(client.notifications)).toEqual([]);
  });

  it('renew: the subscription’s expiration moves on and the renewal counts in the Medium group', async () => {
    const client = await subscribed();
    const before = client.wsSubscription!.subscriptionInfo!;
    const mediumBefore = emulator.stats.snapshot().requests.byGroup.medium ?? 0;
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await client.wsSubscription!.refresh();
    const after = client.wsSubscription!.subscriptionInfo!;
    expect(after.id).toBe(before.id);
    expect(Date.parse(after.expirationTime!)).toBeGreaterThan(Date.parse(before.expirationTime!));
    expect(emulator.stats.snapshot().requests.byGroup.medium).toBe(mediumBefore + 1);
  });
});

describe('losing the socket', () => {
  it('recovers the session after a drop: same subscription, the missed events replayed', async () => {
    const client = await subscribed();
    const id = subscriptionId(client);
    await waitFor(() => client.notifications.length > 3);
    await control('POST', '/ws/faults', { action: 'drop' });
    await waitFor(() => client.recoveries.some((r) => r.event === 'autoRecoverSuccess'), {
      timeoutMs: 15_000,
    });
    const count = client.notifications.length;
    await waitFor(() => client.notifications.length > count + 3);
    expect(subscriptionId(client)).toBe(id);
    expect(client.extension.connectionDetails.recoveryState).toBe('Successful');
    expect(emulator.gateway.counters.notificationsReplayed).toBeGreaterThan(0);
    expect(gaps(client.notifications)).toEqual([]);
  });

  it('subscribes anew when the session could not be recovered', async () => {
    const client = await subscribed();
    const id = subscriptionId(client);
    await control('POST', '/ws/faults', { action: 'drop', recoverable: false });
    await waitFor(() => client.recoveries.some((r) => r.event === 'autoRecoverFailed'), {
      timeoutMs: 15_000,
    });
    await waitFor(() => subscriptionId(client) !== id);
    const count = client.notifications.length;
    await waitFor(() =>
      client.notifications.slice(count).some((n) => n.subscriptionId === subscriptionId(client)),
    );
    expect(client.extension.connectionDetails.recoveryState).toBe('Failed');
  });

  it('a stalled socket stays open and silent, heartbeats unanswered, until the client closes it', async () => {
    const client = await subscribed();
    await waitFor(() => client.notifications.length > 0);
    await control('POST', '/ws/faults', { action: 'stall' });
    // Notifications sent just before the stall may still be on their way.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const count = client.notifications.length;
    const ws = client.extension.ws;
    const answered: string[] = [];
    ws.addEventListener('message', (event) => {
      const [meta] = JSON.parse(String(event.data)) as [{ type: string; messageId: string }];
      if (meta.type === 'Heartbeat') answered.push(meta.messageId);
    });
    ws.send(JSON.stringify([{ type: 'Heartbeat', messageId: 'are-you-there' }]));
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(ws.readyState).toBe(ws.OPEN);
    expect(answered).toEqual([]);
    expect(client.notifications.length).toBe(count);
    // What a client does when its heartbeat goes unanswered: close, and let recovery reconnect.
    ws.close();
    await waitFor(() => client.recoveries.some((r) => r.event === 'autoRecoverSuccess'), {
      timeoutMs: 15_000,
    });
    await waitFor(() => client.notifications.length > count);
    expect(emulator.gateway.stallCounters.dropped).toBeGreaterThan(0);
  });

  it('keeps trying while reconnects are refused, and gets back in once they are not', async () => {
    const client = await subscribed();
    await control('POST', '/ws/faults', [{ action: 'drop' }, { action: 'refuse', seconds: 3 }]);
    await waitFor(() => client.recoveries.some((r) => r.event === 'autoRecoverError'), { timeoutMs: 15_000 });
    await waitFor(() => client.recoveries.some((r) => r.event === 'autoRecoverSuccess'), {
      timeoutMs: 20_000,
    });
    expect(client.socketErrors).toContain('Unexpected server response: 503');
  });
});

describe('expiry', () => {
  it('an expired subscription goes quiet; renewing answers 404 and the client subscribes anew', async () => {
    const client = await subscribed();
    const id = subscriptionId(client);
    await control('POST', '/ws/faults', { action: 'expire-subscriptions' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const count = client.notifications.length;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(client.notifications.length).toBe(count);
    await client.wsSubscription!.refresh();
    expect(subscriptionId(client)).not.toBe(id);
    await waitFor(() => client.notifications.length > count);
  });

  it('an expired WebSocket token keeps the client out until it asks for a new one', async () => {
    const client = await subscribed();
    await control('POST', '/ws/faults', [{ action: 'expire-ws-tokens' }, { action: 'drop' }]);
    await waitFor(() => client.recoveries.some((r) => r.event === 'autoRecoverError'), { timeoutMs: 15_000 });
    expect(client.recoveries.find((r) => r.event === 'autoRecoverError')?.detail).toMatch(/WSG-401/);
    // @rc-ex/ws reuses its token until 80% of expires_in; dropping it makes the next try ask again.
    client.extension.wsToken = undefined;
    await waitFor(() => client.recoveries.some((r) => r.event === 'autoRecoverSuccess'), {
      timeoutMs: 20_000,
    });
  });
});

describe('missing permissions', () => {
  it('without WebSocket, register() fails with RingCentral’s CMN-401 naming it', async () => {
    const client = await LiveClient.signIn(emulator.url, NO_WEBSOCKET);
    clients.push(client);
    const error = (await client.subscribe([TELEPHONY]).catch((e: unknown) => e)) as { response?: Response };
    expect(error.response?.status).toBe(403);
    expect(await error.response?.json()).toMatchObject({
      errors: [{ errorCode: 'CMN-401', permissionName: 'WebSocket' }],
    });
  });

  it('without CallControl, a telephony subscription is refused naming the permission', async () => {
    const client = await LiveClient.signIn(emulator.url, NO_CALL_CONTROL);
    clients.push(client);
    const error = (await client.subscribe([TELEPHONY]).catch((e: unknown) => e)) as {
      response?: { status: number; data: unknown };
    };
    expect(error.response?.status).toBe(403);
    expect(error.response?.data).toMatchObject({
      errors: [{ errorCode: 'CMN-401', permissionName: 'CallControl' }],
    });
  });

  it('without ReadPresence, presence filters are disabled and telephony still arrives', async () => {
    const client = await subscribed([TELEPHONY, PRESENCE], NO_PRESENCE);
    expect(client.wsSubscription?.subscriptionInfo?.disabledFilters).toEqual([
      expect.objectContaining({
        filter: PRESENCE,
        reason: 'InsufficientPermissions',
        message: expect.stringContaining('[ReadPresence]'),
      }),
    ]);
    await waitFor(() => client.notifications.length > 0);
    expect(client.notifications.every((n) => n.event.endsWith('/telephony/sessions'))).toBe(true);
  });
});
