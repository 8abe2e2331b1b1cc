import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_APP, startEmulator, type Emulator } from '../../../emulator/emulator';
import {
  accessToken,
  connect,
  RawWsClient,
  SUBSCRIBE,
  wsToken,
  type WsMessage,
} from '../../support/ws-client';

/**
 * The WebSocket gateway over a real socket, message by message: the token, ConnectionDetails,
 * heartbeats, bad frames answered with RingCentral-shaped errors (the socket stays up), and the
 * subscription requests with their checks, rate limits and notifications; REST over the socket.
 */

const TUESDAY_MORNING = Date.parse('2026-11-24T10:30:00Z');
const TELEPHONY = '/restapi/v1.0/account/~/telephony/sessions';
const SUBSCRIPTION = '/restapi/v1.0/subscription';

let emulator: Emulator;
const open: RawWsClient[] = [];

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    seed: 42,
    now: TUESDAY_MORNING,
    speed: 30,
    historyDays: 1,
    log: () => {},
  });
});
afterEach(() => {
  for (const client of open.splice(0)) client.close();
  emulator.reset();
});
afterAll(async () => {
  await emulator.stop();
});

async function client(): Promise<RawWsClient> {
  const opened = await connect(emulator.url, DEMO_APP);
  open.push(opened);
  await opened.next(([meta]) => meta.type === 'ConnectionDetails');
  return opened;
}

const status = ([meta]: WsMessage) => meta.status;
const body = <T = Record<string, unknown>>([, payload]: WsMessage) => payload as T;

describe('the WebSocket token', () => {
  it('gives the gateway’s ws:// URI on this port and a token that lasts 600 s (Auth group)', async () => {
    const issued = await wsToken(emulator.url, await accessToken(emulator.url, DEMO_APP));
    expect(issued.status).toBe(200);
    expect(issued.body).toEqual({
      uri: `ws://127.0.0.1:${emulator.port}/ws`,
      ws_access_token: expect.any(String),
      expires_in: 600,
    });
    expect(issued.headers.get('x-rate-limit-group')).toBe('auth');
  });

  it('is needed to open a socket: without one the gateway says why in an Error message and closes', async () => {
    const socket = await RawWsClient.open(`ws://127.0.0.1:${emulator.port}/ws?access_token=nonsense`);
    open.push(socket);
    const [meta, error] = await socket.next(() => true);
    expect(meta).toMatchObject({ type: 'Error', status: 401 });
    expect(error).toMatchObject({ errorCode: 'WSG-401', message: 'WebSocket access token is not found' });
    expect((await socket.waitClosed()).code).toBe(1008);
  });
});

describe('a connection', () => {
  it('starts with ConnectionDetails: the wsc token, the timeouts and no recovery state', async () => {
    const socket = await client();
    const [meta, details] = socket.messages[0]!;
    expect(meta).toMatchObject({
      type: 'ConnectionDetails',
      status: 200,
      wsc: { token: expect.any(String), sequence: 1 },
    });
    expect(details).toEqual({
      creationTime: expect.any(String),
      maxConnectionsPerSession: 50,
      recoveryBufferSize: 100,
      recoveryTimeout: 180,
      idleTimeout: 1800,
      absoluteTimeout: 86_400,
      maxActiveRequests: 10,
    });
  });

  it('answers a heartbeat with the same messageId', async () => {
    const socket = await client();
    const id = socket.heartbeat();
    expect((await socket.next(([meta]) => meta.messageId === id))[0]).toEqual({
      type: 'Heartbeat',
      messageId: id,
    });
  });

  it('answers bad frames with Error messages and stays open', async () => {
    const socket = await client();
    socket.sendRaw('{not json');
    socket.sendRaw(JSON.stringify([{ type: 'Subscribe', messageId: 'x1' }]));
    socket.sendRaw(Buffer.from([1, 2, 3]));
    socket.sendRaw(JSON.stringify([{ type: 'ClientRequest', messageId: 'x2', method: 'POST' }]));
    const errors = async () =>
      socket.ofType('Error').map((m) => body<{ errorCode: string; message: string }>(m));
    await socket.next(([meta]) => meta.messageId === 'x2');
    await socket.next(() => socket.ofType('Error').length === 4);
    expect((await errors()).map((e) => e.errorCode)).toEqual(['WSG-400', 'WSG-400', 'WSG-400', 'WSG-400']);
    expect((await errors()).map((e) => e.message)).toEqual(
      expect.arrayContaining([
        'Message is not valid JSON',
        'Unknown message type [Subscribe]; expected ClientRequest or Heartbeat',
      ]),
    );
    const id = socket.heartbeat();
    await socket.next(([meta]) => meta.messageId === id);
    expect(socket.closed).toBeNull();
  });

  it('answers REST requests over the socket through the platform’s pipeline', async () => {
    const socket = await client();
    const answer = await socket.request('GET', '/restapi/v1.0/account/~/extension/1001/presence', undefined);
    expect(status(answer)).toBe(200);
    expect(answer[0].headers).toMatchObject({ 'X-Rate-Limit-Group': 'light' });
    expect(body(answer)).toMatchObject({ extension: { id: 1001 }, presenceStatus: expect.any(String) });
    expect(status(await socket.request('GET', '/__emulator/stats'))).toBe(404);
  });
});

describe('subscriptions on the socket', () => {
  it('are created with resolved filters, renewed, read and cancelled (204 without a body)', async () => {
    const socket = await client();
    const created = await socket.request('POST', `${SUBSCRIPTION}/`, SUBSCRIBE([TELEPHONY]));
    expect(status(created)).toBe(200);
    expect(created[0].headers).toMatchObject({ 'X-Rate-Limit-Group': 'medium' });
    const info = body<{
      id: string;
      eventFilters: string[];
      expiresIn: number;
      status: string;
      deliveryMode: unknown;
    }>(created);
    expect(info).toMatchObject({
      eventFilters: ['/restapi/v1.0/account/400100001/telephony/sessions'],
      expiresIn: 900,
      status: 'Active',
      deliveryMode: { transportType: 'WebSocket' },
    });
    const renewed = await socket.request('PUT', `${SUBSCRIPTION}/${info.id}`, SUBSCRIBE([TELEPHONY]));
    expect(status(renewed)).toBe(200);
    expect(status(await socket.request('POST', `${SUBSCRIPTION}/${info.id}/renew`))).toBe(200);
    expect(body(await socket.request('GET', `${SUBSCRIPTION}/${info.id}`))).toMatchObject({ id: info.id });
    const cancelled = await socket.request('DELETE', `${SUBSCRIPTION}/${info.id}`);
    expect(cancelled).toHaveLength(1);
    expect(status(cancelled)).toBe(204);
    const gone = await socket.request('PUT', `${SUBSCRIPTION}/${info.id}`, SUBSCRIBE([TELEPHONY]));
    expect(status(gone)).toBe(404);
    expect(body(gone)).toEqual({
      errors: [{ errorCode: 'CMN-102', message: 'Resource for parameter [subscriptionId] is not found' }],
    });
  });

  it('deliver notifications for their filters, each stamped with the next wsc sequence', async () => {
    const socket = await client();
    const info = body<{ id: string }>(await socket.request('POST', SUBSCRIPTION, SUBSCRIBE([TELEPHONY])));
    await socket.next(([meta]) => meta.type === 'ServerNotification', 15_000);
    await socket.next(() => socket.ofType('ServerNotification').length >= 2, 15_000);
    const [first, second] = socket.ofType('ServerNotification');
    expect(body(first!)).toMatchObject({
      subscriptionId: info.id,
      ownerId: '1101',
      event: '/restapi/v1.0/account/400100001/telephony/sessions',
    });
    const sequences = [first!, second!].map(([meta]) => (meta.wsc as { sequence: number }).sequence);
    expect(sequences[1]).toBe(sequences[0]! + 1);
  });

  it('refuse bad bodies naming the field, and other transports', async () => {
    const socket = await client();
    const missing = await socket.request('POST', SUBSCRIPTION, {
      deliveryMode: { transportType: 'WebSocket' },
    });
    expect(status(missing)).toBe(400);
    expect(body(missing)).toMatchObject({
      errors: [{ errorCode: 'CMN-101', parameterName: 'eventFilters' }],
    });
    const webhook = await socket.request('POST', SUBSCRIPTION, {
      eventFilters: [TELEPHONY],
      deliveryMode: { transportType: 'WebHook' },
    });
    expect(body(webhook)).toMatchObject({
      errors: [{ parameterName: 'deliveryMode.transportType', parameterValue: 'WebHook' }],
    });
    const filter = await socket.request(
      'POST',
      SUBSCRIPTION,
      SUBSCRIBE([TELEPHONY, '/restapi/v1.0/account/~/extension/~/message-store']),
    );
    expect(body(filter)).toMatchObject({
      errors: [{ errorCode: 'CMN-101', parameterName: 'eventFilters[1]' }],
    });
    expect(status(await socket.request('PATCH', SUBSCRIPTION, {}))).toBe(404);
  });

  it('count in the Medium group: over the limit they answer 429 with Retry-After', async () => {
    emulator.limiter.limits = {
      ...emulator.limiter.limits,
      medium: { limit: 2, windowSeconds: 60, penaltySeconds: 30 },
    };
    try {
      const socket = await client();
      for (let i = 0; i < 2; i++)
        expect(status(await socket.request('POST', SUBSCRIPTION, SUBSCRIBE([TELEPHONY])))).toBe(200);
      const refused = await socket.request('POST', SUBSCRIPTION, SUBSCRIBE([TELEPHONY]));
      expect(status(refused)).toBe(429);
      expect(refused[0].headers).toMatchObject({ 'Retry-After': '30', 'X-Rate-Limit-Remaining': '0' });
      expect(emulator.stats.snapshot().requests.byGroup.medium).toBe(3);
    } finally {
      emulator.limiter.limits = {
        ...emulator.limiter.limits,
        medium: { limit: 40, windowSeconds: 60, penaltySeconds: 60 },
      };
    }
  });

  it('are listed by the control plane with the connections holding them', async () => {
    const socket = await client();
    const info = body<{ id: string }>(await socket.request('POST', SUBSCRIPTION, SUBSCRIBE([TELEPHONY])));
    const state = (await (await fetch(`${emulator.url}/__emulator/ws`)).json()) as {
      connections: Array<{ subscriptionId: string | null; stalled: boolean }>;
      subscriptions: Array<{ id: string }>;
    };
    expect(state.connections).toEqual([expect.objectContaining({ subscriptionId: info.id, stalled: false })]);
    expect(state.subscriptions.map((s) => s.id)).toEqual([info.id]);
  });
});
