import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_APP, startEmulator, type Emulator } from '../../../emulator/emulator';
import { DEFAULT_GATEWAY_OPTIONS } from '../../../emulator/ws/options';
import type { SocketFaultInput } from '../../../emulator/ws/socket-faults';
import { SocketFaultSchema } from '../../../emulator/ws/socket-faults';
import {
  accessToken,
  connect,
  RawWsClient,
  SUBSCRIBE,
  wsToken,
  type WsMessage,
} from '../../support/ws-client';

/**
 * Session recovery and the socket faults: a dropped client comes back with its wsc token and gets
 * what it missed; without its session (or too late) it is told recovery failed; a stalled socket
 * stays open and silent; refusals, expired tokens and subscriptions, the idle timeout.
 */

const TUESDAY_MORNING = Date.parse('2026-11-24T10:30:00Z');
const FILTERS = [
  '/restapi/v1.0/account/~/telephony/sessions',
  '/restapi/v1.0/account/~/presence?detailedTelephonyState=true',
];
const SUBSCRIPTION = '/restapi/v1.0/subscription';

let emulator: Emulator;
const open: RawWsClient[] = [];

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    seed: 42,
    now: TUESDAY_MORNING,
    speed: 60,
    historyDays: 1,
    log: () => {},
  });
});
afterEach(() => {
  for (const client of open.splice(0)) client.close();
  emulator.reset();
  emulator.gateway.options = { ...DEFAULT_GATEWAY_OPTIONS };
  emulator.clock.set({ speed: 60 });
});
afterAll(async () => {
  await emulator.stop();
});

async function subscribed(wsc?: string): Promise<{ socket: RawWsClient; wsc: string; id: string }> {
  const socket = await connect(emulator.url, DEMO_APP, wsc);
  open.push(socket);
  const [meta] = await socket.next(([m]) => m.type === 'ConnectionDetails');
  const answer = await socket.request('POST', SUBSCRIPTION, SUBSCRIBE(FILTERS));
  return { socket, wsc: (meta.wsc as { token: string }).token, id: (answer[1] as { id: string }).id };
}

function fault(...actions: SocketFaultInput[]): Promise<Response> {
  return fetch(`${emulator.url}/__emulator/ws/faults`, { method: 'POST', body: JSON.stringify(actions) });
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('session recovery', () => {
  it('gives a dropped client its session back, then what it missed while away', async () => {
    const first = await subscribed();
    await first.socket.next(([meta]) => meta.type === 'ServerNotification', 10_000);
    const answer = await fault({ action: 'drop' });
    expect(await answer.json()).toEqual({ applied: [{ action: 'drop', affected: 1 }] });
    await first.socket.waitClosed();
    await wait(1000);
    // Hold the clock so that nothing more is kept for the session between counting and coming back.
    emulator.clock.set({ speed: 0 });
    await wait(250);
    const state = emulator.gateway.state() as { sessions: Array<{ buffered: number; connected: boolean }> };
    expect(state.sessions).toEqual([
      expect.objectContaining({ connected: false, buffered: expect.any(Number) }),
    ]);
    const missed = state.sessions[0]!.buffered;
    expect(missed).toBeGreaterThan(0);
    const back = await connect(emulator.url, DEMO_APP, first.wsc);
    open.push(back);
    const [meta, body] = await back.next(([m]) => m.type === 'ConnectionDetails');
    expect(body).toMatchObject({ recoveryState: 'Successful' });
    expect((meta.wsc as { token: string }).token).toBe(first.wsc);
    await back.next(() => back.ofType('ServerNotification').length >= missed);
    expect((back.ofType('ServerNotification')[0]![1] as { subscriptionId: string }).subscriptionId).toBe(
      first.id,
    );
    expect(emulator.gateway.counters.notificationsReplayed).toBe(missed);
  });

  it('says recovery failed when the session was dropped with the socket, and its subscription is gone', async () => {
    const first = await subscribed();
    await fault({ action: 'drop', recoverable: false });
    await first.socket.waitClosed();
    const back = await connect(emulator.url, DEMO_APP, first.wsc);
    open.push(back);
    const [meta, body] = await back.next(([m]) => m.type === 'ConnectionDetails');
    expect(body).toMatchObject({ recoveryState: 'Failed', recoveryErrorCode: 'WSG-404' });
    expect((meta.wsc as { token: string }).token).not.toBe(first.wsc);
    expect((await back.request('PUT', `${SUBSCRIPTION}/${first.id}`, SUBSCRIBE(FILTERS)))[0].status).toBe(
      404,
    );
  });

  it('says recovery failed after the recovery timeout', async () => {
    emulator.gateway.options = { ...emulator.gateway.options, recoveryTimeoutSeconds: 0.3 };
    const first = await subscribed();
    first.socket.close();
    await wait(700);
    const back = await connect(emulator.url, DEMO_APP, first.wsc);
    open.push(back);
    expect((await back.next(([m]) => m.type === 'ConnectionDetails'))[1]).toMatchObject({
      recoveryState: 'Failed',
      recoveryTimeout: 0.3,
    });
  });
});

describe('socket faults', () => {
  it('stall: the socket stays open but carries nothing either way until the stall is lifted', async () => {
    const { socket } = await subscribed();
    await fault({ action: 'stall' });
    await wait(200); // what was sent just before may still be on its way
    const before = socket.messages.length;
    const id = socket.heartbeat();
    await wait(1200);
    expect(socket.messages.length).toBe(before);
    expect(socket.closed).toBeNull();
    expect(
      (emulator.gateway.state() as { connections: Array<{ stalled: boolean }> }).connections[0]?.stalled,
    ).toBe(true);
    expect((await fetch(`${emulator.url}/__emulator/ws/faults`, { method: 'DELETE' })).status).toBe(204);
    const again = socket.heartbeat();
    await socket.next(([meta]) => meta.messageId === again);
    expect(socket.messages.some(([meta]) => meta.messageId === id)).toBe(false);
  });

  it('refuse: upgrades answer 503 for a while, then sockets open again', async () => {
    const token = await accessToken(emulator.url, DEMO_APP);
    await fault({ action: 'refuse', seconds: 0.8 });
    const issued = await wsToken(emulator.url, token);
    const url = `${String(issued.body.uri)}?access_token=${String(issued.body.ws_access_token)}`;
    await expect(RawWsClient.open(url)).rejects.toThrow('HTTP 503');
    await wait(900);
    const socket = await RawWsClient.open(url);
    open.push(socket);
    await socket.next(([meta]) => meta.type === 'ConnectionDetails');
  });

  it('expire-ws-tokens: a token issued before no longer opens a socket', async () => {
    const issued = await wsToken(emulator.url, await accessToken(emulator.url, DEMO_APP));
    await fault({ action: 'expire-ws-tokens' });
    const socket = await RawWsClient.open(
      `${String(issued.body.uri)}?access_token=${String(issued.body.ws_access_token)}`,
    );
    open.push(socket);
    expect((await socket.next(() => true))[1]).toMatchObject({
      errorCode: 'WSG-401',
      message: 'WebSocket access token has expired',
    });
  });

  it('expire-subscriptions: notifications stop and renewing answers 404', async () => {
    const { socket, id } = await subscribed();
    await fault({ action: 'expire-subscriptions' });
    await wait(200);
    const count = socket.ofType('ServerNotification').length;
    await wait(800);
    expect(socket.ofType('ServerNotification').length).toBe(count);
    expect((await socket.request('PUT', `${SUBSCRIPTION}/${id}`, SUBSCRIBE(FILTERS)))[0].status).toBe(404);
  });

  it('a subscription not renewed lapses at its expiration time', async () => {
    emulator.gateway.options = { ...emulator.gateway.options, subscriptionTtlSeconds: 0.5 };
    const { socket, id } = await subscribed();
    await wait(700);
    const read: WsMessage = await socket.request('GET', `${SUBSCRIPTION}/${id}`);
    expect(read[0].status).toBe(404);
  });

  it('the idle timeout closes a quiet socket with WSG-902', async () => {
    const set = await fetch(`${emulator.url}/__emulator/ws/options`, {
      method: 'POST',
      body: JSON.stringify({ idleTimeoutSeconds: 0.5, pingIntervalSeconds: 0 }),
    });
    expect(await set.json()).toMatchObject({ idleTimeoutSeconds: 0.5, pingIntervalSeconds: 0 });
    const socket = await connect(emulator.url, DEMO_APP);
    open.push(socket);
    const [, error] = await socket.next(([meta]) => meta.type === 'Error', 3000);
    expect(error).toMatchObject({ errorCode: 'WSG-902', message: 'Idle timeout expired' });
    expect((await socket.waitClosed()).code).toBe(1000);
  });

  it('are checked like every control body, naming the field', async () => {
    const answer = await fetch(`${emulator.url}/__emulator/ws/faults`, {
      method: 'POST',
      body: '{"action":"explode"}',
    });
    expect(answer.status).toBe(400);
    expect(
      ((await answer.json()) as { errors: Array<{ parameterName: string }> }).errors[0]?.parameterName,
    ).toBe('actions[0].action');
    expect(SocketFaultSchema.safeParse({ action: 'refuse' }).success).toBe(false);
  });
});
