import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_APP, startEmulator, type Emulator } from '../../../emulator/emulator';
import { accessToken, connect, SUBSCRIBE, wsToken } from '../../support/ws-client';

/**
 * App permissions: every app has all of them unless configured otherwise (so the demo and older
 * tests work as before); an app without one gets RingCentral's 403 CMN-401 naming it, on REST, on
 * the WebSocket token and on subscriptions (whose other filters still go through). Apps can be added
 * at run time through the control plane.
 */

const LIMITED = { clientId: 'no-live', clientSecret: 'no-live-secret', jwt: DEMO_APP.jwt };
const TELEPHONY = '/restapi/v1.0/account/~/telephony/sessions';
const PRESENCE = '/restapi/v1.0/account/~/extension/1001/presence';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    calls: [],
    apps: [
      { clientId: DEMO_APP.clientId, clientSecret: DEMO_APP.clientSecret },
      {
        clientId: LIMITED.clientId,
        clientSecret: LIMITED.clientSecret,
        permissions: ['ReadAccounts', 'WebSocket', 'ReadPresence'],
      },
    ],
    log: () => {},
  });
});
afterAll(async () => {
  await emulator.stop();
});

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const refusal = (permission: string) => {
  const message = `In order to call this API endpoint, application needs to have [${permission}] permission`;
  return {
    errorCode: 'CMN-401',
    message,
    permissionName: permission,
    errors: [{ errorCode: 'CMN-401', message, permissionName: permission }],
  };
};

describe('app permissions', () => {
  it('are all granted by default and listed in the token’s scope', async () => {
    const response = await fetch(`${emulator.url}/restapi/oauth/token`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${DEMO_APP.clientId}:${DEMO_APP.clientSecret}`).toString('base64')}`,
      },
      body: new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        assertion: DEMO_APP.jwt,
      }),
    });
    expect(((await response.json()) as { scope: string }).scope).toBe(
      'Analytics ReadAccounts ReadPresence CallControl WebSocket',
    );
  });

  it('refuse REST calls the app has no permission for with 403 CMN-401, counted by the rate limit', async () => {
    const token = await accessToken(emulator.url, LIMITED);
    const analytics = await fetch(`${emulator.url}/analytics/calls/v1/accounts/~/aggregation/fetch`, {
      method: 'POST',
      headers: bearer(token),
      body: '{}',
    });
    expect(analytics.status).toBe(403);
    expect(analytics.headers.get('x-rate-limit-group')).toBe('light');
    expect(await analytics.json()).toEqual(refusal('Analytics'));
    expect((await fetch(`${emulator.url}${PRESENCE}`, { headers: bearer(token) })).status).toBe(200);
  });

  it('refuse the WebSocket token without WebSocket, and presence without ReadPresence', async () => {
    await fetch(`${emulator.url}/__emulator/apps`, {
      method: 'POST',
      body: JSON.stringify({ clientId: 'analytics-only', clientSecret: 's', permissions: ['Analytics'] }),
    });
    const token = await accessToken(emulator.url, {
      clientId: 'analytics-only',
      clientSecret: 's',
      jwt: DEMO_APP.jwt,
    });
    const issued = await wsToken(emulator.url, token);
    expect(issued.status).toBe(403);
    expect(issued.body).toEqual(refusal('WebSocket'));
    const presence = await fetch(`${emulator.url}${PRESENCE}`, { headers: bearer(token) });
    expect(await presence.json()).toEqual(refusal('ReadPresence'));
    const apps = (await (await fetch(`${emulator.url}/__emulator/apps`)).json()) as {
      apps: Array<{ clientId: string; permissions: string[] }>;
    };
    expect(apps.apps.find((app) => app.clientId === 'analytics-only')?.permissions).toEqual(['Analytics']);
  });

  it('keep filters out of a subscription the app may not have, and refuse one with none left', async () => {
    const socket = await connect(emulator.url, LIMITED);
    try {
      await socket.next(([meta]) => meta.type === 'ConnectionDetails');
      const none = await socket.request('POST', '/restapi/v1.0/subscription', SUBSCRIBE([TELEPHONY]));
      expect(none[0].status).toBe(403);
      expect(none[1]).toEqual(refusal('CallControl'));
      const some = await socket.request(
        'POST',
        '/restapi/v1.0/subscription',
        SUBSCRIBE([TELEPHONY, PRESENCE]),
      );
      expect(some[0].status).toBe(200);
      expect(some[1]).toMatchObject({
        eventFilters: ['/restapi/v1.0/account/400100001/extension/1001/presence'],
        disabledFilters: [
          {
            filter: TELEPHONY,
            reason: 'InsufficientPermissions',
            message: 'In order to call this API endpoint, application needs to have [CallControl] permission',
          },
        ],
      });
    } finally {
      socket.close();
    }
  });
});
