import { SDK } from '@ringcentral/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_APP, startEmulator, type Emulator } from '../../emulator/emulator';

/**
 * The real @ringcentral/sdk against the emulator over HTTP: both sign-in flows, refresh, revoke,
 * both analytics dialects, validation errors, rate limiting and faults.
 */

let emulator: Emulator;
const REDIRECT = 'http://127.0.0.1:53682/callback';

function newSdk(options: Record<string, unknown> = {}) {
  return new SDK({
    server: emulator.url,
    clientId: DEMO_APP.clientId,
    clientSecret: DEMO_APP.clientSecret,
    redirectUri: REDIRECT,
    refreshDelayMs: 0,
    ...options,
  });
}

async function control(path: string, body?: unknown, method = 'POST') {
  const response = await fetch(`${emulator.url}/__emulator${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.status === 204 ? null : ((await response.json()) as Record<string, unknown>);
}

const lastDays = (days: number) => ({
  timeFrom: new Date(emulator.clock.now() - days * 86_400_000).toISOString(),
  timeTo: new Date(emulator.clock.now()).toISOString(),
});

const queuesBody = () => ({
  grouping: { groupBy: 'Queues' },
  timeSettings: { timeZone: 'Europe/London', timeRange: lastDays(3) },
  responseOptions: { counters: { allCalls: { aggregationType: 'Sum' } } },
});

async function apiError(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    const e = error as { message: string; response?: Response };
    return { message: e.message, status: e.response?.status, body: (await e.response?.json()) as never };
  }
  throw new Error('expected the request to fail');
}

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    seed: 7,
    historyDays: 3,
    limits: { auth: { limit: 1000, windowSeconds: 60, penaltySeconds: 60 } },
    log: () => undefined,
  });
});

afterAll(async () => {
  await emulator.stop();
});

describe('sign-in', () => {
  it('logs in with a JWT and reads the call queues', async () => {
    const platform = newSdk().platform();
    await platform.login({ jwt: DEMO_APP.jwt });
    const response = await platform.get('/restapi/v1.0/account/~/extension', { type: 'Department' });
    const body = (await response.json()) as { records: Array<{ name: string; type: string }> };
    expect(body.records.map((r) => r.name)).toEqual([
      'Sales',
      'Customer Support',
      'Billing',
      'Technical Support',
    ]);
    expect((await platform.auth().data()).owner_id).toBe('1101');
  });

  it('refuses a wrong JWT with the platform’s own message', async () => {
    const failure = await apiError(newSdk().platform().login({ jwt: 'not-the-jwt' }));
    expect(failure.status).toBe(400);
    expect(failure.body).toMatchObject({
      error: 'invalid_grant',
      errors: [{ message: 'Invalid JWT assertion' }],
    });
  });

  it('signs in through the browser flow with PKCE and state', async () => {
    const platform = newSdk().platform();
    const url = platform.loginUrl({ redirectUri: REDIRECT, state: 'xyz', usePKCE: true });
    const redirect = await fetch(url, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    const location = new URL(redirect.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    const params = platform.parseLoginRedirect(location.search);
    expect(params.state).toBe('xyz');
    await platform.login({ code: params.code, redirect_uri: REDIRECT });
    expect(await platform.loggedIn()).toBe(true);
    // The code was single-use.
    const again = await apiError(newSdk().platform().login({ code: params.code, redirect_uri: REDIRECT }));
    expect(again.body).toMatchObject({ error: 'invalid_grant' });
  });

  it('rejects a code redeemed with the wrong PKCE verifier', async () => {
    const platform = newSdk().platform();
    const location = new URL(
      (
        await fetch(platform.loginUrl({ redirectUri: REDIRECT, state: 's', usePKCE: true }), {
          redirect: 'manual',
        })
      ).headers.get('location')!,
    );
    const code = location.searchParams.get('code')!;
    const failure = await apiError(
      platform.login({ code, redirect_uri: REDIRECT, code_verifier: 'wrong-verifier' }),
    );
    expect(failure.status).toBe(400);
    expect(failure.body).toMatchObject({
      errors: [{ message: 'Code verifier does not match the code challenge' }],
    });
  });

  it('reports a denied consent in the redirect', async () => {
    const url = new URL(newSdk().platform().loginUrl({ redirectUri: REDIRECT, state: 'd' }));
    url.searchParams.set('login_hint', 'deny');
    const location = new URL((await fetch(url, { redirect: 'manual' })).headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(() => newSdk().platform().parseLoginRedirect(location.search)).toThrow('The user denied access');
  });
});

describe('token lifecycle', () => {
  it('refreshes an expired access token automatically; refresh tokens are single-use', async () => {
    const short = await startEmulator({ port: 0, historyDays: 0, accessTokenTtl: 1, log: () => undefined });
    try {
      const platform = new SDK({
        server: short.url,
        clientId: DEMO_APP.clientId,
        clientSecret: DEMO_APP.clientSecret,
        refreshDelayMs: 0,
        refreshHandicapMs: 0,
      }).platform();
      let refreshed = 0;
      platform.on(platform.events.refreshSuccess, () => refreshed++);
      await platform.login({ jwt: DEMO_APP.jwt });
      const firstRefresh = (await platform.auth().data()).refresh_token!;
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      const response = await platform.get('/restapi/v1.0/account/~/extension/~');
      expect(response.status).toBe(200);
      expect(refreshed).toBe(1);
      const reuse = await fetch(`${short.url}/restapi/oauth/token`, {
        method: 'POST',
        headers: {
          Authorization: platform.basicAuthHeader(),
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: firstRefresh }),
      });
      expect(reuse.status).toBe(400);
      expect(await reuse.json()).toMatchObject({ error: 'invalid_grant' });
    } finally {
      await short.stop();
    }
  });

  it('fails the refresh once the session is revoked, and says so', async () => {
    const platform = newSdk({ refreshHandicapMs: 0 }).platform();
    await platform.login({ jwt: DEMO_APP.jwt });
    let refreshError: Error | null = null;
    platform.on(platform.events.refreshError, (e: Error) => (refreshError = e));
    await control('/tokens', { action: 'revoke' });
    const failure = await apiError(platform.get('/restapi/v1.0/account/~/extension/~'));
    // The SDK retries a 401 once through a refresh, which fails because the refresh token went too.
    expect(failure.status).toBe(400);
    expect(refreshError).not.toBeNull();
    expect(failure.body).toMatchObject({ error: 'invalid_grant', errors: [{ message: 'Token not found' }] });
  });

  it('revokes the session on logout', async () => {
    const platform = newSdk().platform();
    await platform.login({ jwt: DEMO_APP.jwt });
    const access = (await platform.auth().data()).access_token!;
    await platform.logout();
    const after = await fetch(`${emulator.url}/restapi/v1.0/account/~/extension/~`, {
      headers: { Authorization: `Bearer ${access}` },
    });
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({
      errors: [{ errorCode: 'OAU-213', message: 'Token is revoked' }],
    });
  });
});

describe('analytics', () => {
  let platform: ReturnType<SDK['platform']>;
  beforeAll(async () => {
    platform = newSdk().platform();
    await platform.login({ jwt: DEMO_APP.jwt });
  });

  it('aggregates per queue in the current dialect', async () => {
    const response = await platform.post('/analytics/calls/v1/accounts/~/aggregation/fetch', queuesBody());
    const body = (await response.json()) as {
      data: {
        groupedBy: string;
        records: Array<{ key: string; counters: { allCalls: { values: number } } }>;
      };
    };
    expect(body.data.groupedBy).toBe('Queues');
    expect(body.data.records.map((r) => r.key)).toEqual(['3001', '3002', '3003', '3004']);
    expect(body.data.records.every((r) => r.counters.allCalls.values > 0)).toBe(true);
  });

  it('answers the same numbers in the 2022 dialect', async () => {
    const current = (await (
      await platform.post('/analytics/calls/v1/accounts/~/aggregation/fetch', queuesBody())
    ).json()) as { data: { records: Array<{ key: string; counters: { allCalls: { values: number } } }> } };
    const body = queuesBody();
    const legacy = (await (
      await platform.post('/analytics/phone/performance/v1/accounts/~/calls/aggregate', {
        grouping: { groupBy: 'Queues', ids: [] },
        timeSettings: {
          timeRange: body.timeSettings.timeRange,
          advancedTimeSettings: { timeZone: 'Europe/London' },
        },
        responseOptions: body.responseOptions,
      })
    ).json()) as {
      data: Array<{ key: string; keyInfo: { name: string }; counters: { allCalls: { values: number } } }>;
    };
    expect(Array.isArray(legacy.data)).toBe(true);
    expect(legacy.data.map((d) => [d.key, d.counters.allCalls.values])).toEqual(
      current.data.records.map((r) => [r.key, r.counters.allCalls.values]),
    );
    expect(legacy.data[0]?.keyInfo.name).toBe('Sales');
    const timeline = (await (
      await platform.post('/analytics/phone/performance/v1/accounts/~/calls/timeline?interval=Day', {
        grouping: { groupBy: 'Users', ids: ['1001'] },
        timeSettings: { timeRange: lastDays(2), advancedTimeSettings: { timeZone: 'Europe/London' } },
        responseOptions: { counters: { allCalls: true } },
      })
    ).json()) as { data: Array<{ points: Array<{ time: string }> }> };
    expect(timeline.data[0]?.points.length).toBeGreaterThanOrEqual(2);
    expect(timeline.data[0]?.points[0]?.time).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('pages a timeline 20 keys at a time', async () => {
    const request = (page: number) =>
      platform.post(
        '/analytics/calls/v1/accounts/~/timeline/fetch',
        {
          grouping: { groupBy: 'Users' },
          timeSettings: { timeZone: 'Europe/London', timeRange: lastDays(1) },
          responseOptions: { counters: { allCalls: true } },
        },
        { interval: 'Hour', page, perPage: 20 },
      );
    type Page = { paging: { totalElements: number; totalPages: number }; data: { records: unknown[] } };
    const first = (await (await request(1)).json()) as Page;
    const second = (await (await request(2)).json()) as Page;
    expect(first.paging).toMatchObject({ totalElements: 26, totalPages: 2 });
    expect(first.data.records).toHaveLength(20);
    expect(second.data.records).toHaveLength(6);
    const tooMany = await apiError(
      platform.post('/analytics/calls/v1/accounts/~/timeline/fetch', queuesBody(), {
        interval: 'Hour',
        perPage: 21,
      }),
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toMatchObject({ errors: [{ errorCode: 'CMN-101', parameterName: 'perPage' }] });
  });

  it('explains invalid requests by field, unparsable JSON and missing tokens', async () => {
    const bad = await apiError(
      platform.post('/analytics/calls/v1/accounts/~/aggregation/fetch', {
        ...queuesBody(),
        grouping: { groupBy: 'Teams' },
      }),
    );
    // The SDK's message is only the status line; the reason is in the body (DESIGN.md §3).
    expect(bad.message).toBe('400 Bad Request');
    expect(bad.body).toMatchObject({
      errors: [
        {
          errorCode: 'CMN-101',
          message: expect.stringContaining('Parameter [grouping.groupBy] value is invalid'),
        },
      ],
    });
    expect(bad.body).toMatchObject({ errors: [{ parameterName: 'grouping.groupBy' }] });
    const token = (await platform.auth().data()).access_token!;
    const unparsable = await fetch(`${emulator.url}/analytics/calls/v1/accounts/~/aggregation/fetch`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{"grouping":',
    });
    expect(unparsable.status).toBe(400);
    expect(await unparsable.json()).toMatchObject({ errors: [{ errorCode: 'CMN-103' }] });
    const anonymous = await fetch(`${emulator.url}/analytics/calls/v1/accounts/~/aggregation/fetch`, {
      method: 'POST',
    });
    expect(anonymous.status).toBe(401);
  });
});

describe('rate limiting and faults', () => {
  let platform: ReturnType<SDK['platform']>;
  let token: string;
  const fetchFast = (init: RequestInit = {}) =>
    fetch(`${emulator.url}/analytics/calls/v1/accounts/~/aggregation/fetch`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(queuesBody()),
      ...init,
    });

  beforeAll(async () => {
    await control('/reset');
    platform = newSdk().platform();
    await platform.login({ jwt: DEMO_APP.jwt });
    token = (await platform.auth().data()).access_token!;
  });

  it('counts down, refuses with 429 and Retry-After, and restarts the penalty', async () => {
    await control('/limits', { light: { limit: 3, windowSeconds: 60, penaltySeconds: 2 } });
    try {
      const remaining: Array<string | null> = [];
      for (let i = 0; i < 3; i++) {
        const response = await fetchFast();
        expect(response.status).toBe(200);
        expect(response.headers.get('x-rate-limit-group')).toBe('light');
        remaining.push(response.headers.get('x-rate-limit-remaining'));
      }
      expect(remaining).toEqual(['2', '1', '0']);
      let rateLimitEvents = 0;
      platform.on(platform.events.rateLimitError, () => rateLimitEvents++);
      const limited = await apiError(
        platform.post('/analytics/calls/v1/accounts/~/aggregation/fetch', queuesBody()),
      );
      expect(limited.status).toBe(429);
      expect(limited.body).toMatchObject({ errors: [{ errorCode: 'CMN-301' }] });
      expect(rateLimitEvents).toBe(1);
      const during = await fetchFast();
      expect(during.status).toBe(429);
      expect(during.headers.get('retry-after')).toBe('2');
      const stats = (await control('/stats', undefined, 'GET')) as {
        rateLimited: number;
        requestsDuringPenalty: number;
      };
      expect(stats.rateLimited).toBe(2);
      expect(stats.requestsDuringPenalty).toBe(1);
    } finally {
      await control('/limits', { light: { limit: 50, windowSeconds: 60, penaltySeconds: 60 } });
      await control('/reset');
      await platform.login({ jwt: DEMO_APP.jwt });
      token = (await platform.auth().data()).access_token!;
    }
  });

  it('injects 5xx, malformed and schema-violating answers, latency, hangs and drops', async () => {
    try {
      await control('/faults', {
        match: { path: '/analytics' },
        fault: { type: 'status', status: 503 },
        times: 1,
      });
      expect((await fetchFast()).status).toBe(503);
      expect((await fetchFast()).status).toBe(200);

      await control('/faults', { match: { path: '/analytics' }, fault: { type: 'malformed' }, times: 1 });
      const malformed = await fetchFast();
      expect(malformed.status).toBe(200);
      await expect(malformed.json()).rejects.toThrow();

      await control('/faults', { match: { path: '/analytics' }, fault: { type: 'schema' }, times: 1 });
      const schema = (await (await fetchFast()).json()) as {
        paging: { page: unknown };
        data: { records: Array<Record<string, unknown>> };
      };
      expect(typeof schema.paging.page).toBe('string');
      expect(schema.data.records[0]).not.toHaveProperty('key');

      await control('/faults', {
        match: { path: '/analytics' },
        fault: { type: 'latency', ms: 400 },
        times: 1,
      });
      const started = Date.now();
      expect((await fetchFast()).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(380);

      await control('/faults', { match: { path: '/analytics' }, fault: { type: 'hang' }, times: 1 });
      await expect(fetchFast({ signal: AbortSignal.timeout(500) })).rejects.toThrow();

      await control('/faults', { match: { path: '/analytics' }, fault: { type: 'drop' }, times: 1 });
      await expect(fetchFast()).rejects.toThrow();

      await control('/faults', {
        match: { path: '/analytics' },
        fault: { type: 'penalty', seconds: 1 },
        times: 1,
      });
      const storm = await fetchFast();
      expect(storm.status).toBe(429);
      expect(storm.headers.get('retry-after')).toBe('1');
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect((await fetchFast()).status).toBe(200);
    } finally {
      await control('/faults', undefined, 'DELETE');
    }
  });
});
