import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_APP, startEmulator, type Emulator } from '../../../emulator/emulator';
import { accessToken } from '../../support/ws-client';

/**
 * Presence over REST says what the live view says at the same instant (the clock held still): per
 * extension, for the whole account (Heavy, paged) and per queue; non-users are Offline only, as the
 * spec describes. The HTTP subscription endpoints point WebSocket clients to the socket.
 */

const NOON = Date.parse('2026-11-24T12:10:00Z');

interface LiveAgent {
  id: string;
  telephonyStatus: string;
  dndStatus: string;
  presenceStatus: string;
  userStatus: string;
  acceptCurrentQueueCalls: boolean;
  activeCalls: unknown[];
}

let emulator: Emulator;
let token: string;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: 42, now: NOON, speed: 0, historyDays: 1, log: () => {} });
  token = await accessToken(emulator.url, DEMO_APP);
});
afterAll(async () => {
  await emulator.stop();
});

async function get(
  path: string,
): Promise<{ status: number; group: string | null; body: Record<string, unknown> }> {
  const response = await fetch(`${emulator.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  return {
    status: response.status,
    group: response.headers.get('x-rate-limit-group'),
    body: (await response.json()) as Record<string, unknown>,
  };
}

describe('presence endpoints', () => {
  it('report every agent as the live view does, with active calls when detailed', async () => {
    const live = (await (await fetch(`${emulator.url}/__emulator/live`)).json()) as { agents: LiveAgent[] };
    expect(live.agents.some((agent) => agent.telephonyStatus !== 'NoCall')).toBe(true);
    expect(live.agents.some((agent) => agent.dndStatus !== 'TakeAllCalls')).toBe(true);
    for (const agent of live.agents) {
      const { status, group, body } = await get(
        `/restapi/v1.0/account/~/extension/${agent.id}/presence?detailedTelephonyState=true`,
      );
      expect([status, group]).toEqual([200, 'light']);
      expect(body).toMatchObject({
        extension: { id: Number(agent.id) },
        telephonyStatus: agent.telephonyStatus,
        dndStatus: agent.dndStatus,
        presenceStatus: agent.presenceStatus,
        userStatus: agent.userStatus,
      });
      expect((body.activeCalls as unknown[]).length).toBe(agent.activeCalls.length);
    }
    expect((await get('/restapi/v1.0/account/~/extension/1001/presence')).body).not.toHaveProperty(
      'activeCalls',
    );
  });

  it('answer non-users as Offline only, the owner for ~, and unknown extensions with 404', async () => {
    expect((await get('/restapi/v1.0/account/~/extension/3001/presence')).body).toEqual({
      uri: expect.stringMatching(/\/extension\/3001\/presence$/),
      extension: { id: 3001, uri: expect.any(String), extensionNumber: '3001' },
      presenceStatus: 'Offline',
    });
    expect((await get('/restapi/v1.0/account/~/extension/~/presence')).body).toMatchObject({
      extension: { id: 1101 },
    });
    expect((await get('/restapi/v1.0/account/~/extension/999/presence')).status).toBe(404);
    const bad = await get('/restapi/v1.0/account/~/extension/1001/presence?detailedTelephonyState=yes');
    expect(bad.body).toMatchObject({
      errors: [{ errorCode: 'CMN-101', parameterName: 'detailedTelephonyState', parameterValue: 'yes' }],
    });
  });

  it('page the whole account in the Heavy group', async () => {
    const page = await get('/restapi/v1.0/account/~/presence?perPage=10&page=2');
    expect([page.status, page.group]).toEqual([200, 'heavy']);
    expect(page.body.paging).toMatchObject({
      page: 2,
      perPage: 10,
      totalElements: emulator.directory.extensions.length,
    });
    expect((page.body.records as unknown[]).length).toBe(10);
  });

  it('list a queue’s members with whether they take its calls, as the live view does', async () => {
    const live = (await (await fetch(`${emulator.url}/__emulator/live`)).json()) as {
      queues: Array<{
        id: string;
        members: Array<{ id: string; acceptQueueCalls: boolean; acceptCurrentQueueCalls: boolean }>;
      }>;
    };
    const { status, body } = await get('/restapi/v1.0/account/~/call-queues/3002/presence');
    expect(status).toBe(200);
    const records = body.records as Array<{
      member: { id: string };
      acceptQueueCalls: boolean;
      acceptCurrentQueueCalls: boolean;
    }>;
    expect(records.map((r) => [r.member.id, r.acceptQueueCalls, r.acceptCurrentQueueCalls])).toEqual(
      live.queues
        .find((q) => q.id === '3002')!
        .members.map((m) => [m.id, m.acceptQueueCalls, m.acceptCurrentQueueCalls]),
    );
    expect((await get('/restapi/v1.0/account/~/call-queues/1001/presence')).status).toBe(404);
  });
});

describe('subscriptions over HTTP', () => {
  it('send WebSocket clients to the socket and list what they hold', async () => {
    const response = await fetch(`${emulator.url}/restapi/v1.0/subscription`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        eventFilters: ['/restapi/v1.0/account/~/presence'],
        deliveryMode: { transportType: 'WebSocket' },
      }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-rate-limit-group')).toBe('medium');
    const body = (await response.json()) as { errors: Array<{ message: string }> };
    expect(body.errors[0]?.message).toMatch(/POST \/restapi\/oauth\/wstoken/);
    expect((await get('/restapi/v1.0/subscription')).body).toMatchObject({ records: [] });
    expect((await get('/restapi/v1.0/subscription/nope')).status).toBe(404);
  });
});
