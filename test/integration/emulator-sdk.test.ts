import { readdirSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SDK, type ApiError, type SDKOptions } from '@ringcentral/sdk';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_APP, startEmulator, type Emulator } from '../../emulator/emulator';

/**
 * The real @ringcentral/sdk against the emulator over HTTP (DESIGN.md §3–§4): JWT and
 * authorization-code + PKCE sign-in, automatic refresh, single-use refresh tokens, revocation and
 * logout, both analytics dialects, paging, validation errors, rate limiting and scripted faults.
 *
 * The data clock is pinned to a Wednesday afternoon in November (London = UTC then) and the
 * synthetic call centre is seeded, so every run sees the same calls. Time ranges end a few hours
 * before "now" so that calls completing while the tests run cannot change the numbers between two
 * requests that are compared with each other.
 */

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SAMPLES_DIR = resolve(PROJECT_ROOT, 'test/fixtures/ringcentral/official-request-samples');
const DATA_NOW = Date.parse('2026-11-25T15:00:00Z');
const ZONE = 'Europe/London';
const REDIRECT_URI = 'http://127.0.0.1:53682/callback';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const AGGREGATE = '/analytics/calls/v1/accounts/~/aggregation/fetch';
const TIMELINE = '/analytics/calls/v1/accounts/~/timeline/fetch';
const LEGACY_AGGREGATE = '/analytics/phone/performance/v1/accounts/~/calls/aggregate';
const LEGACY_TIMELINE = '/analytics/phone/performance/v1/accounts/~/calls/timeline';
const ONE_EXTENSION = '/restapi/v1.0/account/~/extension/~';

const GENEROUS = { limit: 100_000, windowSeconds: 60, penaltySeconds: 60 };
const QUEUE_IDS = ['3001', '3002', '3003', '3004'];

type Platform = ReturnType<SDK['platform']>;

interface ErrorEntry {
  errorCode: string;
  message: string;
  parameterName?: string;
  parameterValue?: string;
}
interface ErrorBody {
  error?: string;
  error_description?: string;
  errors: ErrorEntry[];
}
interface TokenBody {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  owner_id: string;
  token_type: string;
}
interface Metric {
  valueType: 'Instances' | 'Seconds' | 'Percent';
  values: number | Record<string, number>;
}
type Metrics = Record<string, Metric>;
interface Paging {
  page: number;
  perPage: number;
  totalPages: number;
  totalElements: number;
}
interface KeyInfo {
  extensionNumber?: string;
  name?: string;
}
interface AggregateRecord {
  key: string;
  info?: KeyInfo;
  counters?: Metrics;
  timers?: Metrics;
}
interface TimelinePoint {
  time: string;
  counters?: Metrics;
  timers?: Metrics;
}
interface TimelineRecord {
  key: string;
  info?: KeyInfo;
  points: TimelinePoint[];
}
interface AggregateResponse {
  paging: Paging;
  data: { groupedBy: string; records: AggregateRecord[] };
}
interface TimelineResponse {
  paging: Paging;
  data: { groupedBy: string; records: TimelineRecord[] };
}
interface LegacyAggregateResponse {
  paging: Paging;
  data: Array<{ key: string; keyInfo: KeyInfo; counters?: Metrics; timers?: Metrics }>;
}
interface LegacyTimelineResponse {
  data: Array<{ key: string; keyInfo: KeyInfo; points: TimelinePoint[] }>;
}
interface ExtensionList {
  records: Array<{ id: number | string; name: string; type: string; callQueueInfo?: object }>;
  paging: { totalElements?: number };
}
interface Stats {
  rateLimited: number;
  requestsDuringPenalty: number;
  faultsApplied: number;
  requests: { byGroup: Record<string, number> };
}

/** What a rejected SDK call carried. */
interface Failure {
  message: string;
  status: number | undefined;
  body: unknown;
  headers: Headers | undefined;
  error: ApiError & { retryAfter?: number };
}

// The SDK's Node build keeps tokens in ONE in-memory storage shared by every SDK instance in the
// process; without a distinct cachePrefix two SDKs would overwrite (and log out) each other.
let sdkCounter = 0;

function newSdk(emulator: Emulator, options: Partial<SDKOptions> = {}): SDK {
  sdkCounter += 1;
  return new SDK({
    server: emulator.url,
    clientId: DEMO_APP.clientId,
    clientSecret: DEMO_APP.clientSecret,
    redirectUri: REDIRECT_URI,
    refreshDelayMs: 0,
    cachePrefix: `emulator-sdk-test-${sdkCounter}-`,
    ...options,
  });
}

async function signedIn(emulator: Emulator, options: Partial<SDKOptions> = {}): Promise<Platform> {
  const platform = newSdk(emulator, options).platform();
  await platform.login({ jwt: DEMO_APP.jwt });
  return platform;
}

async function accessToken(platform: Platform): Promise<string> {
  const token = (await platform.auth().data()).access_token;
  if (!token) throw new Error('the platform holds no access token');
  return token;
}

async function readJson<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

function parseMaybeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Await a call that must be rejected by the SDK and return what came with the rejection. */
async function rejection(promise: Promise<unknown>): Promise<Failure> {
  try {
    await promise;
  } catch (caught) {
    const error = caught as Failure['error'];
    const response = error.response;
    const body = response ? parseMaybeJson(await response.text()) : undefined;
    return { message: error.message, status: response?.status, body, headers: response?.headers, error };
  }
  throw new Error('expected the call to be rejected, but it succeeded');
}

async function control(
  emulator: Emulator,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${emulator.url}/__emulator${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? parseMaybeJson(text) : null };
}

async function stats(emulator: Emulator): Promise<Stats> {
  return (await control(emulator, 'GET', '/stats')).body as Stats;
}

/** A raw platform request with a bearer token, for headers the SDK does not surface. */
function raw(
  emulator: Emulator,
  path: string,
  init: { token?: string; body?: unknown; rawBody?: string; method?: string; signal?: AbortSignal } = {},
): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  return fetch(`${emulator.url}${path}`, {
    method: init.method ?? 'POST',
    headers,
    body: init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
    signal: init.signal,
  });
}

function tokenRequest(emulator: Emulator, form: Record<string, string>): Promise<Response> {
  const basic = Buffer.from(`${DEMO_APP.clientId}:${DEMO_APP.clientSecret}`).toString('base64');
  return fetch(`${emulator.url}/restapi/oauth/token`, {
    method: 'POST',
    headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
}

/** `days` days ending `endHoursAgo` hours before the emulator's data clock. */
function timeRange(emulator: Emulator, days: number, endHoursAgo = 3) {
  const to = emulator.clock.now() - endHoursAgo * HOUR;
  return { timeFrom: new Date(to - days * DAY).toISOString(), timeTo: new Date(to).toISOString() };
}

function queuesBody(emulator: Emulator, days = 7) {
  return {
    grouping: { groupBy: 'Queues' },
    timeSettings: { timeZone: ZONE, timeRange: timeRange(emulator, days) },
    responseOptions: {
      counters: {
        allCalls: { aggregationType: 'Sum' },
        callsByResponse: { aggregationType: 'Sum' },
      },
    },
  };
}

function queuesTimelineBody(emulator: Emulator, days = 2) {
  return {
    grouping: { groupBy: 'Queues' },
    timeSettings: { timeZone: ZONE, timeRange: timeRange(emulator, days) },
    responseOptions: { counters: { allCalls: true } },
  };
}

function scalar(metric: Metric | undefined): number {
  if (!metric || typeof metric.values !== 'number') {
    throw new Error(`expected a scalar metric, got ${JSON.stringify(metric)}`);
  }
  return metric.values;
}

function breakdown(metric: Metric | undefined): Record<string, number> {
  if (!metric || typeof metric.values !== 'object') {
    throw new Error(`expected a breakdown metric, got ${JSON.stringify(metric)}`);
  }
  return metric.values;
}

function sumOf(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Follow the authorize redirect by hand, as a browser would, and return its Location. */
async function authorize(url: string): Promise<URL> {
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(302);
  const location = response.headers.get('location');
  if (!location) throw new Error('the authorize endpoint sent no Location');
  return new URL(location);
}

/** One request over node:http with a given agent (fetch's pool cannot be isolated per test). */
function httpRequest(
  agent: Agent,
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const req = request(url, { agent, method: init.method, headers: init.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end(init.body);
  });
}

// ---------------------------------------------------------------------------------------------

let emulator: Emulator;
const emulatorLog: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    seed: 7,
    now: DATA_NOW,
    historyDays: 10,
    accessTokenTtl: 3600,
    limits: {
      light: GENEROUS,
      medium: GENEROUS,
      auth: { limit: 1000, windowSeconds: 60, penaltySeconds: 60 },
    },
    log: (line) => emulatorLog.push(line),
  });
});

afterAll(async () => {
  await emulator?.stop();
});

describe('sign-in', () => {
  it('logs in with the JWT and lists the four demo call queues', async () => {
    const platform = newSdk(emulator).platform();
    const login = await readJson<TokenBody>(await platform.login({ jwt: DEMO_APP.jwt }));
    expect(login).toMatchObject({ token_type: 'bearer', expires_in: 3600, owner_id: '1101' });
    expect(await platform.loggedIn()).toBe(true);

    const response = await platform.get('/restapi/v1.0/account/~/extension', { type: 'Department' });
    expect(response.status).toBe(200);
    const list = await readJson<ExtensionList>(response);
    expect(list.records.map((r) => String(r.id))).toEqual(QUEUE_IDS);
    expect(list.records.map((r) => r.name)).toEqual([
      'Sales',
      'Customer Support',
      'Billing',
      'Technical Support',
    ]);
    expect(list.records.every((r) => r.type === 'Department' && r.callQueueInfo !== undefined)).toBe(true);
    expect(list.paging.totalElements).toBe(4);

    const me = await readJson<{ id: number; name: string }>(await platform.get(ONE_EXTENSION));
    expect(me).toMatchObject({ id: 1101, name: 'Sofia Reyes' });
  });

  it('rejects a wrong JWT with the platform’s reason in the body', async () => {
    const platform = newSdk(emulator).platform();
    let loginErrors = 0;
    platform.on(platform.events.loginError, () => loginErrors++);
    const failure = await rejection(platform.login({ jwt: 'not-the-demo-jwt' }));
    expect(failure.status).toBe(400);
    const body = failure.body as ErrorBody;
    expect(body.error).toBe('invalid_grant');
    expect(body.errors[0]).toEqual({ errorCode: 'OAU-144', message: 'Invalid JWT assertion' });
    expect(body.errors[0]?.message).not.toBe('400 Bad Request');
    expect(loginErrors).toBe(1);
    expect(await platform.loggedIn()).toBe(false);
  });

  it('rejects a wrong client secret as invalid_client', async () => {
    const platform = newSdk(emulator, { clientSecret: 'not-the-secret' }).platform();
    const failure = await rejection(platform.login({ jwt: DEMO_APP.jwt }));
    expect(failure.status).toBe(401);
    expect(failure.body).toMatchObject({ error: 'invalid_client', errors: [{ errorCode: 'OAU-123' }] });
  });

  it('signs in with an authorization code and PKCE, and the code is single-use', async () => {
    const platform = newSdk(emulator).platform();
    const url = new URL(platform.loginUrl({ redirectUri: REDIRECT_URI, state: 'xyz', usePKCE: true }));
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const location = await authorize(url.toString());
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get('state')).toBe('xyz');
    const params = platform.parseLoginRedirect(`?${location.searchParams.toString()}`) as Record<
      string,
      string
    >;
    expect(params.state).toBe('xyz');
    expect(params.code).toEqual(expect.any(String));

    const login = await readJson<TokenBody>(
      await platform.login({ code: params.code, redirect_uri: REDIRECT_URI }),
    );
    expect(login.owner_id).toBe('1101');
    expect((await platform.get(ONE_EXTENSION)).status).toBe(200);

    const reuse = await rejection(
      newSdk(emulator).platform().login({
        code: params.code,
        redirect_uri: REDIRECT_URI,
        code_verifier: platform.codeVerifier,
      }),
    );
    expect(reuse.status).toBe(400);
    expect(reuse.body).toMatchObject({
      error: 'invalid_grant',
      errors: [{ errorCode: 'OAU-109', message: 'Authorization code is invalid or expired' }],
    });
  });

  it('rejects a code redeemed with a tampered PKCE verifier', async () => {
    const platform = newSdk(emulator).platform();
    const location = await authorize(
      platform.loginUrl({ redirectUri: REDIRECT_URI, state: 'tamper', usePKCE: true }),
    );
    const code = location.searchParams.get('code');
    expect(code).toEqual(expect.any(String));
    const failure = await rejection(
      platform.login({ code: code!, redirect_uri: REDIRECT_URI, code_verifier: 'wrong' }),
    );
    expect(failure.status).toBe(400);
    expect(failure.body).toMatchObject({
      error: 'invalid_grant',
      errors: [{ message: 'Code verifier does not match the code challenge' }],
    });
    expect(await platform.loggedIn()).toBe(false);
  });

  it('rejects a code redeemed without the verifier or for another redirect URI', async () => {
    const withPkce = newSdk(emulator).platform();
    const first = await authorize(withPkce.loginUrl({ redirectUri: REDIRECT_URI, usePKCE: true }));
    // A second SDK never saw the challenge, so it sends no code_verifier at all.
    const noVerifier = await rejection(
      newSdk(emulator)
        .platform()
        .login({ code: first.searchParams.get('code')!, redirect_uri: REDIRECT_URI }),
    );
    expect(noVerifier.body).toMatchObject({ error: 'invalid_grant' });

    const second = await authorize(withPkce.loginUrl({ redirectUri: REDIRECT_URI, usePKCE: true }));
    const otherRedirect = await rejection(
      withPkce.login({ code: second.searchParams.get('code')!, redirect_uri: 'http://127.0.0.1:1/other' }),
    );
    expect(otherRedirect.status).toBe(400);
    expect(otherRedirect.body).toMatchObject({
      error: 'invalid_grant',
      errors: [{ message: 'Redirect URI does not match the authorization request' }],
    });
  });

  it('redirects with error=access_denied when the user refuses (login_hint=deny)', async () => {
    const platform = newSdk(emulator).platform();
    const location = await authorize(
      platform.loginUrl({ redirectUri: REDIRECT_URI, state: 'no', usePKCE: true, loginHint: 'deny' }),
    );
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('no');
    expect(location.searchParams.has('code')).toBe(false);
    let parseError: (Error & { error?: string }) | null = null;
    try {
      platform.parseLoginRedirect(`?${location.searchParams.toString()}`);
    } catch (error) {
      parseError = error as Error & { error?: string };
    }
    expect(parseError?.error).toBe('access_denied');
    expect(parseError?.message).toBe('The user denied access');
  });

  it('signs in the user named by login_hint', async () => {
    const platform = newSdk(emulator).platform();
    const location = await authorize(
      platform.loginUrl({ redirectUri: REDIRECT_URI, usePKCE: true, loginHint: '101' }),
    );
    const login = await readJson<TokenBody>(
      await platform.login({ code: location.searchParams.get('code')!, redirect_uri: REDIRECT_URI }),
    );
    expect(login.owner_id).toBe('1001');
    expect(await readJson<{ name: string }>(await platform.get(ONE_EXTENSION))).toMatchObject({
      name: 'Amara Okafor',
    });
  });

  it('refuses an unregistered redirect URI at the authorize endpoint', async () => {
    const url = newSdk(emulator).platform().loginUrl({ redirectUri: 'https://evil.example/cb' });
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.json()).toMatchObject({ errors: [{ errorCode: 'OAU-101' }] });
  });
});

describe('token lifecycle (access tokens live 2 s)', () => {
  let shortLived: Emulator;

  beforeAll(async () => {
    shortLived = await startEmulator({
      port: 0,
      seed: 7,
      now: DATA_NOW,
      historyDays: 0,
      accessTokenTtl: 2,
      limits: { auth: { limit: 1000, windowSeconds: 60, penaltySeconds: 60 } },
      log: (line) => emulatorLog.push(line),
    });
  });

  afterAll(async () => {
    await shortLived?.stop();
  });

  it('refreshes automatically after expiry; the old refresh token is then single-use', async () => {
    const platform = await signedIn(shortLived, { refreshHandicapMs: 0 });
    let refreshed = 0;
    platform.on(platform.events.refreshSuccess, () => refreshed++);
    const before = await platform.auth().data();
    expect(before.expires_in).toBe(2);

    await sleep(2_300);
    expect(await platform.auth().accessTokenValid()).toBe(false);
    const response = await platform.get(ONE_EXTENSION);
    expect(response.status).toBe(200);
    expect(refreshed).toBe(1);
    const after = await platform.auth().data();
    expect(after.access_token).not.toBe(before.access_token);
    expect(after.refresh_token).not.toBe(before.refresh_token);

    const reuse = await tokenRequest(shortLived, {
      grant_type: 'refresh_token',
      refresh_token: before.refresh_token!,
    });
    expect(reuse.status).toBe(400);
    expect(await reuse.json()).toMatchObject({
      error: 'invalid_grant',
      errors: [{ errorCode: 'OAU-211', message: 'Token not found' }],
    });
    const oldAccess = await raw(shortLived, ONE_EXTENSION, { method: 'GET', token: before.access_token });
    expect(oldAccess.status).toBe(401);
    expect(await oldAccess.json()).toMatchObject({
      errors: [{ errorCode: 'OAU-213', message: 'Token expired' }],
    });
  });

  it('recovers from a server-side expiry: 401, refresh, retry', async () => {
    const sdk = newSdk(shortLived, { refreshHandicapMs: 0 });
    const seen: number[] = [];
    sdk.client().on(sdk.client().events.requestSuccess, (response: Response) => seen.push(response.status));
    sdk
      .client()
      .on(sdk.client().events.requestError, (error: ApiError) => seen.push(error.response?.status ?? 0));
    const platform = sdk.platform();
    let refreshed = 0;
    platform.on(platform.events.refreshSuccess, () => refreshed++);
    await platform.login({ jwt: DEMO_APP.jwt });
    expect(await control(shortLived, 'POST', '/tokens', { action: 'expire' })).toMatchObject({
      status: 200,
      body: { action: 'expire' },
    });
    const response = await platform.get(ONE_EXTENSION);
    expect(response.status).toBe(200);
    expect(refreshed).toBe(1);
    // login, the API call refused as expired, the refresh, the retried API call
    expect(seen).toEqual([200, 401, 200, 200]);
  });

  it('fails the refresh after every session is revoked, and reports it', async () => {
    const sdk = newSdk(shortLived, { refreshHandicapMs: 0 });
    const seen: string[] = [];
    sdk
      .client()
      .on(sdk.client().events.requestSuccess, (response: Response, request: Request) =>
        seen.push(`${new URL(request.url).pathname} ${response.status}`),
      );
    sdk
      .client()
      .on(sdk.client().events.requestError, (error: ApiError) =>
        seen.push(`${error.request ? new URL(error.request.url).pathname : '?'} ${error.response?.status}`),
      );
    const platform = sdk.platform();
    const refreshErrors: Error[] = [];
    platform.on(platform.events.refreshError, (error: Error) => refreshErrors.push(error));
    await platform.login({ jwt: DEMO_APP.jwt });
    const revoked = await control(shortLived, 'POST', '/tokens', { action: 'revoke' });
    expect((revoked.body as { sessions: number }).sessions).toBeGreaterThanOrEqual(1);

    const failure = await rejection(platform.get(ONE_EXTENSION));
    // The SDK meets the 401, tries one refresh, and that refresh is refused: the caller gets the
    // refresh's 400, the platform emits refreshError and forgets its tokens.
    expect(seen).toEqual([
      '/restapi/oauth/token 200',
      '/restapi/v1.0/account/~/extension/~ 401',
      '/restapi/oauth/token 400',
    ]);
    expect(failure.status).toBe(400);
    expect(failure.body).toMatchObject({
      error: 'invalid_grant',
      errors: [{ errorCode: 'OAU-211', message: 'Token not found' }],
    });
    expect(refreshErrors).toHaveLength(1);
    expect(await platform.loggedIn()).toBe(false);
  });

  it('fails the refresh when the refresh token has expired too', async () => {
    const platform = await signedIn(shortLived, { refreshHandicapMs: 0 });
    const refreshErrors: Error[] = [];
    platform.on(platform.events.refreshError, (error: Error) => refreshErrors.push(error));
    await control(shortLived, 'POST', '/tokens', { action: 'expire-all' });
    const failure = await rejection(platform.get(ONE_EXTENSION));
    expect(failure.status).toBe(400);
    expect(failure.body).toMatchObject({ errors: [{ message: 'Refresh token has expired' }] });
    expect(refreshErrors).toHaveLength(1);
  });

  it('revokes the session on logout', async () => {
    const platform = await signedIn(shortLived, { refreshHandicapMs: 0 });
    const { access_token: access, refresh_token: refresh } = await platform.auth().data();
    let loggedOut = 0;
    platform.on(platform.events.logoutSuccess, () => loggedOut++);
    await platform.logout();
    expect(loggedOut).toBe(1);
    expect(await platform.loggedIn()).toBe(false);

    const after = await raw(shortLived, ONE_EXTENSION, { method: 'GET', token: access });
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({
      errors: [{ errorCode: 'OAU-213', message: 'Token is revoked' }],
    });
    const refreshAfter = await tokenRequest(shortLived, {
      grant_type: 'refresh_token',
      refresh_token: refresh!,
    });
    expect(refreshAfter.status).toBe(400);
  });
});

describe('analytics, current dialect', () => {
  let platform: Platform;
  let userIds: string[];

  beforeAll(async () => {
    platform = await signedIn(emulator);
    const users = await readJson<ExtensionList>(
      await platform.get('/restapi/v1.0/account/~/extension', { type: 'User' }),
    );
    userIds = users.records.map((r) => String(r.id));
  });

  it('aggregates per queue: records 3001..3004 with counters', async () => {
    const response = await platform.post(AGGREGATE, queuesBody(emulator));
    expect(response.status).toBe(200);
    const body = await readJson<AggregateResponse>(response);
    expect(body.paging).toEqual({ page: 1, perPage: 200, totalPages: 1, totalElements: 4 });
    expect(body.data.groupedBy).toBe('Queues');
    expect(body.data.records.map((r) => r.key)).toEqual(QUEUE_IDS);
    expect(body.data.records.map((r) => r.info?.name)).toEqual([
      'Sales',
      'Customer Support',
      'Billing',
      'Technical Support',
    ]);
    for (const record of body.data.records) {
      expect(record.counters?.allCalls?.valueType).toBe('Instances');
      const all = scalar(record.counters?.allCalls);
      expect(all).toBeGreaterThan(0);
      const responses = breakdown(record.counters?.callsByResponse);
      expect(Object.keys(responses).sort()).toEqual(['answered', 'connected', 'notAnswered', 'notConnected']);
      expect(responses.answered).toBeGreaterThan(0);
      expect(sumOf(Object.values(responses))).toBeLessThanOrEqual(all);
      expect(record.timers).toBeUndefined();
    }
  });

  it('pages a Users timeline 20 keys at a time, and the points add up to the aggregate', async () => {
    const range = timeRange(emulator, 1);
    const timelineBody = {
      grouping: { groupBy: 'Users' },
      timeSettings: { timeZone: ZONE, timeRange: range },
      responseOptions: { counters: { allCalls: true } },
    };
    const page = async (n: number) =>
      readJson<TimelineResponse>(
        await platform.post(TIMELINE, timelineBody, { interval: 'Hour', page: n, perPage: 20 }),
      );
    const first = await page(1);
    const second = await page(2);
    expect(userIds).toHaveLength(26);
    expect(first.paging).toEqual({ page: 1, perPage: 20, totalPages: 2, totalElements: 26 });
    expect(second.paging).toEqual({ page: 2, perPage: 20, totalPages: 2, totalElements: 26 });
    expect(first.data.records).toHaveLength(20);
    expect(second.data.records).toHaveLength(6);
    const keys = [...first.data.records, ...second.data.records].map((r) => r.key);
    expect(new Set(keys).size).toBe(26);
    expect([...keys].sort()).toEqual([...userIds].sort());

    const from = Date.parse(range.timeFrom);
    const to = Date.parse(range.timeTo);
    const expectedPoints = Math.floor(to / HOUR) - Math.floor(from / HOUR) + 1;
    const aggregate = await readJson<AggregateResponse>(
      await platform.post(AGGREGATE, {
        ...timelineBody,
        responseOptions: { counters: { allCalls: { aggregationType: 'Sum' } } },
      }),
    );
    const totals = new Map(aggregate.data.records.map((r) => [r.key, scalar(r.counters?.allCalls)]));
    for (const record of [...first.data.records, ...second.data.records]) {
      expect(record.points).toHaveLength(expectedPoints);
      const times = record.points.map((p) => Date.parse(p.time));
      expect(times[0]).toBe(Math.floor(from / HOUR) * HOUR);
      expect(times.every((t, i) => i === 0 || t - times[i - 1]! === HOUR)).toBe(true);
      expect(sumOf(record.points.map((p) => scalar(p.counters?.allCalls)))).toBe(totals.get(record.key));
    }
    expect(sumOf([...totals.values()])).toBeGreaterThan(0);
  });

  it('refuses perPage above the endpoint’s maximum, naming perPage', async () => {
    const tooMany = await rejection(
      platform.post(TIMELINE, queuesTimelineBody(emulator), { interval: 'Hour', perPage: 21 }),
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toMatchObject({
      errors: [{ errorCode: 'CMN-101', parameterName: 'perPage', parameterValue: '21' }],
    });
    const aggregateTooMany = await rejection(
      platform.post(AGGREGATE, queuesBody(emulator), { perPage: 201 }),
    );
    expect(aggregateTooMany.body).toMatchObject({ errors: [{ parameterName: 'perPage' }] });
    const atMaximum = await platform.post(TIMELINE, queuesTimelineBody(emulator), {
      interval: 'Day',
      perPage: 20,
    });
    expect(atMaximum.status).toBe(200);
  });

  it('requires a known interval on the timeline', async () => {
    const missing = await rejection(platform.post(TIMELINE, queuesTimelineBody(emulator)));
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ errors: [{ errorCode: 'CMN-101', parameterName: 'interval' }] });
    const unknown = await rejection(
      platform.post(TIMELINE, queuesTimelineBody(emulator), { interval: 'Minute' }),
    );
    expect(unknown.body).toMatchObject({ errors: [{ parameterName: 'interval', parameterValue: 'Minute' }] });
  });

  it('lays out timeline buckets in the request’s zone across a DST change', async () => {
    const company = (timeFrom: string, timeTo: string, timeZone = ZONE) => ({
      grouping: { groupBy: 'Company' },
      timeSettings: { timeZone, timeRange: { timeFrom, timeTo } },
      responseOptions: { counters: { allCalls: true } },
    });
    const times = async (body: object, interval: string) =>
      (
        await readJson<TimelineResponse>(await platform.post(TIMELINE, body, { interval }))
      ).data.records[0]?.points.map((p) => p.time);
    // London leaves summer time on Sunday 25 October 2026: that local day has 25 hours.
    expect(await times(company('2026-10-24T00:00:00+01:00', '2026-10-26T23:59:59Z'), 'Day')).toEqual([
      '2026-10-23T23:00:00.000Z',
      '2026-10-24T23:00:00.000Z',
      '2026-10-26T00:00:00.000Z',
    ]);
    const hours = (await times(company('2026-10-25T00:00:00+01:00', '2026-10-25T23:59:59Z'), 'Hour')) ?? [];
    expect(hours).toHaveLength(25);
    expect(hours[0]).toBe('2026-10-24T23:00:00.000Z');
    expect(hours.every((t, i) => i === 0 || Date.parse(t) - Date.parse(hours[i - 1]!) === HOUR)).toBe(true);
    // Weeks start on Monday, local time; months on the 1st, local time.
    expect(await times(company('2026-10-22T00:00:00Z', '2026-10-27T10:00:00Z'), 'Week')).toEqual([
      '2026-10-18T23:00:00.000Z',
      '2026-10-26T00:00:00.000Z',
    ]);
    expect(
      await times(company('2026-10-22T00:00:00Z', '2026-11-02T10:00:00Z', 'America/Los_Angeles'), 'Month'),
    ).toEqual(['2026-10-01T07:00:00.000Z', '2026-11-01T07:00:00.000Z']);
  });

  it('accepts RingCentral’s official request samples on the current endpoints', async () => {
    const files = readdirSync(SAMPLES_DIR).filter((file) => file.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    let timelines = 0;
    for (const file of files) {
      const sample = JSON.parse(readFileSync(resolve(SAMPLES_DIR, file), 'utf8')) as {
        grouping: { groupBy: string };
        timeSettings: { timeRange: { timeFrom: string; timeTo: string } };
        responseOptions: { counters?: Record<string, unknown>; timers?: Record<string, unknown> };
      };
      sample.timeSettings.timeRange = timeRange(emulator, 7);
      const isTimeline = file.includes('timeline');
      const response = isTimeline
        ? await platform.post(TIMELINE, sample, { interval: 'Day' })
        : await platform.post(AGGREGATE, sample);
      expect(response.status, file).toBe(200);
      const body = await readJson<AggregateResponse | TimelineResponse>(response);
      expect(body.data.groupedBy, file).toBe(sample.grouping.groupBy);
      expect(body.data.records.length, file).toBeGreaterThan(0);
      // Every requested metric comes back, under its response name.
      const counterNames = Object.keys(sample.responseOptions.counters ?? {}).map((name) =>
        name === 'callsByActions' ? 'callsActions' : name,
      );
      const timerNames = Object.keys(sample.responseOptions.timers ?? {}).map((name) =>
        name.replace('Duration', ''),
      );
      const holders: Array<{ counters?: Metrics; timers?: Metrics }> = isTimeline
        ? (body as TimelineResponse).data.records.flatMap((r) => r.points)
        : (body as AggregateResponse).data.records;
      if (isTimeline) timelines++;
      expect(holders.length, file).toBeGreaterThan(0);
      for (const holder of holders) {
        expect(Object.keys(holder.counters ?? {}).sort(), file).toEqual([...counterNames].sort());
        expect(Object.keys(holder.timers ?? {}).sort(), file).toEqual([...timerNames].sort());
      }
    }
    expect(timelines).toBeGreaterThanOrEqual(1);
  });
});

describe('analytics, 2022 dialect', () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await signedIn(emulator);
  });

  it('aggregates per queue with `data` as an array of {key, keyInfo}, equal to the current dialect', async () => {
    const current = queuesBody(emulator);
    const currentBody = await readJson<AggregateResponse>(await platform.post(AGGREGATE, current));
    const response = await platform.post(LEGACY_AGGREGATE, {
      grouping: { groupBy: 'Queues', ids: [] },
      timeSettings: {
        timeRange: current.timeSettings.timeRange,
        advancedTimeSettings: { timeZone: ZONE },
      },
      responseOptions: current.responseOptions,
    });
    expect(response.status).toBe(200);
    const legacy = await readJson<LegacyAggregateResponse>(response);
    expect(Array.isArray(legacy.data)).toBe(true);
    expect(legacy.data.map((d) => d.key)).toEqual(QUEUE_IDS);
    expect(legacy.data.map((d) => d.keyInfo.name)).toEqual([
      'Sales',
      'Customer Support',
      'Billing',
      'Technical Support',
    ]);
    expect(legacy.paging.totalElements).toBe(4);
    const legacySums = legacy.data.map((d) => scalar(d.counters?.allCalls));
    expect(legacySums).toEqual(currentBody.data.records.map((r) => scalar(r.counters?.allCalls)));
    expect(legacySums.every((value) => value > 0)).toBe(true);
    expect(legacy.data.map((d) => breakdown(d.counters?.callsByResponse))).toEqual(
      currentBody.data.records.map((r) => breakdown(r.counters?.callsByResponse)),
    );
  });

  it('answers a Day timeline with data[i].points[j].time, adding up to the aggregate', async () => {
    const range = timeRange(emulator, 3);
    const timeSettings = { timeRange: range, advancedTimeSettings: { timeZone: ZONE } };
    const response = await platform.post(
      LEGACY_TIMELINE,
      {
        grouping: { groupBy: 'Queues', ids: ['3001', '3002'] },
        timeSettings,
        responseOptions: { counters: { allCalls: true } },
      },
      { interval: 'Day' },
    );
    expect(response.status).toBe(200);
    const timeline = await readJson<LegacyTimelineResponse>(response);
    expect(timeline).not.toHaveProperty('paging');
    expect(timeline.data.map((d) => d.key)).toEqual(['3001', '3002']);
    const aggregate = await readJson<LegacyAggregateResponse>(
      await platform.post(LEGACY_AGGREGATE, {
        grouping: { groupBy: 'Queues', ids: ['3001', '3002'] },
        timeSettings,
        responseOptions: { counters: { allCalls: { aggregationType: 'Sum' } } },
      }),
    );
    for (const [i, record] of timeline.data.entries()) {
      // Three days ending at 12:00 touch four calendar days; London is on UTC in November.
      expect(record.points).toHaveLength(4);
      for (const point of record.points) expect(point.time).toMatch(/^\d{4}-\d\d-\d\dT00:00:00\.000Z$/);
      expect(sumOf(record.points.map((p) => scalar(p.counters?.allCalls)))).toBe(
        scalar(aggregate.data[i]?.counters?.allCalls),
      );
    }
  });

  it('uses the 2022 breakdown keys', async () => {
    const legacy = await readJson<LegacyAggregateResponse>(
      await platform.post(LEGACY_AGGREGATE, {
        timeSettings: { timeRange: timeRange(emulator, 2) },
        responseOptions: {
          counters: { callsSegments: { aggregationType: 'Sum' }, callsByActions: { aggregationType: 'Sum' } },
        },
      }),
    );
    expect(legacy.data.map((d) => d.key)).toEqual(['400100001']);
    const segments = breakdown(legacy.data[0]?.counters?.callsSegments);
    expect(Object.keys(segments)).toEqual(
      expect.arrayContaining(['holds', 'parks', 'transfers', 'ivrPrompts', 'vmGreetings']),
    );
    expect(segments).not.toHaveProperty('hold');
    expect(segments.ivrPrompts).toBeGreaterThan(0);
    expect(Object.keys(breakdown(legacy.data[0]?.counters?.callsActions))).toContain('holdsOn');
  });
});

describe('validation', () => {
  let platform: Platform;
  let token: string;
  beforeAll(async () => {
    platform = await signedIn(emulator);
    token = await accessToken(platform);
  });

  it('names the offending field of a malformed body', async () => {
    const failure = await rejection(
      platform.post(AGGREGATE, { ...queuesBody(emulator), grouping: { groupBy: 'Teams' } }),
    );
    // The SDK's own message is only the status line; the reason is in the body (DESIGN.md §3).
    expect(failure.message).toBe('400 Bad Request');
    expect(failure.status).toBe(400);
    const body = failure.body as ErrorBody;
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]).toMatchObject({
      errorCode: 'CMN-101',
      parameterName: 'grouping.groupBy',
      message: expect.stringContaining('Parameter [grouping.groupBy] value is invalid'),
    });
  });

  it('lists every problem of a body, each with its parameterName', async () => {
    const body = queuesBody(emulator);
    const failure = await rejection(
      platform.post(AGGREGATE, {
        ...body,
        timeSettings: { ...body.timeSettings, timeZone: 'Mars/Olympus' },
        callFilters: { directions: ['Sideways'] },
        responseOptions: {
          counters: {
            allCalls: { aggregationType: 'Min' },
            callsByDirection: { aggregationType: 'Sum', aggregationInterval: 'Day' },
          },
        },
      }),
    );
    const names = (failure.body as ErrorBody).errors.map((e) => e.parameterName).sort();
    expect(names).toEqual([
      'callFilters.directions[0]',
      'responseOptions.counters.allCalls.aggregationInterval',
      'responseOptions.counters.callsByDirection.aggregationInterval',
      'timeSettings.timeZone',
    ]);
  });

  it('refuses a time range older than 184 days or reversed, naming timeFrom', async () => {
    const now = emulator.clock.now();
    const old = await rejection(
      platform.post(AGGREGATE, {
        ...queuesBody(emulator),
        timeSettings: {
          timeZone: ZONE,
          timeRange: {
            timeFrom: new Date(now - 185 * DAY).toISOString(),
            timeTo: new Date(now).toISOString(),
          },
        },
      }),
    );
    expect(old.body).toMatchObject({ errors: [{ parameterName: 'timeSettings.timeRange.timeFrom' }] });
    const reversed = await rejection(
      platform.post(AGGREGATE, {
        ...queuesBody(emulator),
        timeSettings: {
          timeZone: ZONE,
          timeRange: { timeFrom: new Date(now).toISOString(), timeTo: new Date(now - DAY).toISOString() },
        },
      }),
    );
    expect(reversed.body).toMatchObject({ errors: [{ parameterName: 'timeSettings.timeRange.timeFrom' }] });
  });

  it('answers unparsable JSON with CMN-103', async () => {
    const response = await raw(emulator, AGGREGATE, { token, rawBody: '{"grouping":' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ errorCode: 'CMN-103', message: "JSON can't be parsed" }],
    });
  });

  it('answers 401 without a token or with an unknown one, with rate-limit headers', async () => {
    const none = await raw(emulator, AGGREGATE, { body: queuesBody(emulator) });
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ errors: [{ errorCode: 'AGW-401' }] });
    expect(none.headers.get('x-rate-limit-group')).toBe('light');
    const unknown = await raw(emulator, AGGREGATE, { token: 'no-such-token', body: queuesBody(emulator) });
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({
      errors: [{ errorCode: 'OAU-213', message: 'Token not found' }],
    });
  });

  it('refuses a body over 2 MiB with 413 CMN-104 and leaves the kept-alive connection usable', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    try {
      const tooLarge = await httpRequest(agent, `${emulator.url}${AGGREGATE}`, {
        method: 'POST',
        headers,
        body: 'x'.repeat(3 * 1024 * 1024),
      });
      expect(tooLarge.status).toBe(413);
      expect(JSON.parse(tooLarge.body)).toMatchObject({ errors: [{ errorCode: 'CMN-104' }] });
      // The answer did not say `Connection: close`, so the client reuses the connection.
      const next: Array<number | string> = [];
      for (let i = 0; i < 3; i++) {
        next.push(
          await httpRequest(agent, `${emulator.url}${ONE_EXTENSION}`, { method: 'GET', headers }).then(
            (response) => response.status,
            (error: NodeJS.ErrnoException) => error.code ?? error.message,
          ),
        );
      }
      expect(next).toEqual([200, 200, 200]);
    } finally {
      agent.destroy();
    }
  });

  it('answers 404 for another account id', async () => {
    const failure = await rejection(
      platform.post('/analytics/calls/v1/accounts/999/aggregation/fetch', queuesBody(emulator)),
    );
    expect(failure.status).toBe(404);
    expect(failure.body).toMatchObject({ errors: [{ errorCode: 'CMN-102' }] });
  });
});

describe('rate limiting', () => {
  let platform: Platform;
  let token: string;

  async function restart(): Promise<void> {
    expect((await control(emulator, 'POST', '/reset')).status).toBe(204);
    platform = await signedIn(emulator);
    token = await accessToken(platform);
  }

  beforeAll(restart);

  afterAll(async () => {
    await control(emulator, 'POST', '/limits', { light: GENEROUS });
    await control(emulator, 'POST', '/reset');
  });

  it('counts down, refuses the fourth request with 429, and keeps refusing during the penalty', async () => {
    const limits = await control(emulator, 'POST', '/limits', {
      light: { limit: 3, windowSeconds: 60, penaltySeconds: 2 },
    });
    expect(limits.body).toMatchObject({ light: { limit: 3, windowSeconds: 60, penaltySeconds: 2 } });

    // A 401 does not spend the budget.
    const unauthorized = await raw(emulator, AGGREGATE, { body: queuesBody(emulator) });
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get('x-rate-limit-remaining')).toBe('3');

    const remaining: Array<string | null> = [];
    for (let i = 0; i < 3; i++) {
      const response = await raw(emulator, AGGREGATE, { token, body: queuesBody(emulator) });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-rate-limit-group')).toBe('light');
      expect(response.headers.get('x-rate-limit-limit')).toBe('3');
      expect(response.headers.get('x-rate-limit-window')).toBe('60');
      remaining.push(response.headers.get('x-rate-limit-remaining'));
    }
    expect(remaining).toEqual(['2', '1', '0']);

    const rateLimitErrors: Array<Error & { retryAfter?: number }> = [];
    platform.on(platform.events.rateLimitError, (error: Error) => rateLimitErrors.push(error));
    const limited = await rejection(platform.post(AGGREGATE, queuesBody(emulator)));
    expect(limited.status).toBe(429);
    expect(limited.headers?.get('retry-after')).toBe('2');
    expect(limited.headers?.get('x-rate-limit-remaining')).toBe('0');
    expect(limited.body).toMatchObject({
      errors: [{ errorCode: 'CMN-301', message: 'Request rate exceeded' }],
    });
    expect(rateLimitErrors).toHaveLength(1);
    expect(rateLimitErrors[0]?.retryAfter).toBe(2000);

    const during = await raw(emulator, AGGREGATE, { token, body: queuesBody(emulator) });
    expect(during.status).toBe(429);
    expect(during.headers.get('retry-after')).toBe('2');
    expect(during.headers.get('x-rate-limit-group')).toBe('light');

    const snapshot = await stats(emulator);
    expect(snapshot.rateLimited).toBe(2);
    expect(snapshot.requestsDuringPenalty).toBeGreaterThanOrEqual(1);
  });

  it('keeps a separate budget per user', async () => {
    await restart();
    await control(emulator, 'POST', '/limits', { light: { limit: 2, windowSeconds: 60, penaltySeconds: 2 } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await raw(emulator, AGGREGATE, { token, body: queuesBody(emulator) })).status);
    }
    expect(statuses).toEqual([200, 200, 429]);
    // The owner (1101) is locked out; user 1001, signed in with the same app, is not.
    const other = newSdk(emulator).platform();
    const location = await authorize(
      other.loginUrl({ redirectUri: REDIRECT_URI, usePKCE: true, loginHint: '101' }),
    );
    await other.login({ code: location.searchParams.get('code')!, redirect_uri: REDIRECT_URI });
    const otherResponse = await other.post(AGGREGATE, queuesBody(emulator));
    expect(otherResponse.status).toBe(200);
    expect(otherResponse.headers.get('x-rate-limit-remaining')).toBe('1');
    const owner = await raw(emulator, AGGREGATE, { token, body: queuesBody(emulator) });
    expect(owner.status).toBe(429);
  });

  it('restarts the penalty with every request sent during it, then lets requests through', async () => {
    await restart();
    await control(emulator, 'POST', '/limits', { light: { limit: 1, windowSeconds: 1, penaltySeconds: 1 } });
    const send = async () =>
      (await raw(emulator, AGGREGATE, { token, body: queuesBody(emulator, 1) })).status;
    const start = performance.now();
    expect(await send()).toBe(200);
    expect(await send()).toBe(429); // over the limit: penalty until start + 1 s
    await sleep(600);
    expect(await send()).toBe(429); // during the penalty: it restarts, until start + 1.6 s
    await sleep(Math.max(0, 1_250 - (performance.now() - start)));
    // Without the restart this one would pass (the penalty and the window are over).
    expect(await send()).toBe(429);
    await sleep(1_300);
    expect(await send()).toBe(200);
    expect((await stats(emulator)).requestsDuringPenalty).toBe(2);
  });
});

describe('faults', () => {
  let platform: Platform;
  let token: string;

  beforeAll(async () => {
    await control(emulator, 'POST', '/reset');
    platform = await signedIn(emulator);
    token = await accessToken(platform);
  });

  afterEach(async () => {
    expect((await control(emulator, 'DELETE', '/faults')).status).toBe(204);
  });

  const addFault = async (rule: unknown) => {
    const added = await control(emulator, 'POST', '/faults', rule);
    expect(added.status).toBe(201);
    return added.body as { ids: number[] };
  };
  const analytics = (signal?: AbortSignal) =>
    raw(emulator, AGGREGATE, { token, body: queuesBody(emulator), signal });

  it('answers 503 once, then serves normally', async () => {
    await addFault({
      rules: [{ match: { path: '/analytics' }, fault: { type: 'status', status: 503 }, times: 1 }],
    });
    const failure = await rejection(platform.post(AGGREGATE, queuesBody(emulator)));
    expect(failure.status).toBe(503);
    expect(failure.body).toMatchObject({ errors: [{ errorCode: 'CMN-500', message: 'Injected 503 fault' }] });
    const next = await platform.post(AGGREGATE, queuesBody(emulator));
    expect(next.status).toBe(200);
    expect((await readJson<AggregateResponse>(next)).data.records).toHaveLength(4);
    expect((await control(emulator, 'GET', '/faults')).body).toEqual({ rules: [] });
  });

  it('answers 200 with a body that is not JSON (malformed)', async () => {
    await addFault({ rules: [{ match: { path: '/analytics' }, fault: { type: 'malformed' }, times: 1 }] });
    const response = await platform.post(AGGREGATE, queuesBody(emulator));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
  });

  it('answers 200 with JSON that breaks the response schema (schema)', async () => {
    await addFault({ rules: [{ match: { path: '/analytics' }, fault: { type: 'schema' }, times: 1 }] });
    const response = await analytics();
    expect(response.status).toBe(200);
    const body = (await response.json()) as { paging?: { page?: unknown }; data?: Record<string, unknown> };
    expect(typeof body.paging?.page).not.toBe('number');
    expect(typeof body.data?.groupedBy).not.toBe('string');
    const records = body.data?.records;
    // Whatever `records` is, it is not a list of records with a string key.
    const wellFormed =
      Array.isArray(records) &&
      records.every((r: unknown) => typeof (r as { key?: unknown } | null)?.key === 'string');
    expect(wellFormed).toBe(false);
  });

  it('delays an answer by the injected latency', async () => {
    let started = performance.now();
    expect((await analytics()).status).toBe(200);
    const baseline = performance.now() - started;
    await addFault({
      rules: [{ match: { path: '/analytics' }, fault: { type: 'latency', ms: 300 }, times: 1 }],
    });
    started = performance.now();
    expect((await analytics()).status).toBe(200);
    const delayed = performance.now() - started;
    expect(delayed).toBeGreaterThanOrEqual(295);
    expect(delayed).toBeGreaterThan(baseline + 200);
  });

  it('drops the connection: fetch and the SDK reject without a response', async () => {
    await addFault({ rules: [{ match: { path: '/analytics' }, fault: { type: 'drop' }, times: 2 }] });
    await expect(analytics()).rejects.toThrow(TypeError);
    const failure = await rejection(platform.post(AGGREGATE, queuesBody(emulator)));
    expect(failure.status).toBeUndefined();
    expect((await analytics()).status).toBe(200);
  });

  it('hangs until the client gives up', async () => {
    await addFault({ rules: [{ match: { path: '/analytics' }, fault: { type: 'hang' }, times: 1 }] });
    const started = performance.now();
    const outcome = await analytics(AbortSignal.timeout(500)).then(
      (response) => `answered ${response.status}`,
      (error: Error) => error.name,
    );
    expect(outcome).toBe('TimeoutError');
    expect(performance.now() - started).toBeGreaterThanOrEqual(490);
    expect((await analytics()).status).toBe(200);
  });

  it('puts the caller into a penalty: 429 with Retry-After until it passes', async () => {
    await addFault({
      rules: [{ match: { path: '/analytics' }, fault: { type: 'penalty', seconds: 1 }, times: 1 }],
    });
    const first = await analytics();
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('1');
    expect(await first.json()).toMatchObject({ errors: [{ errorCode: 'CMN-301' }] });
    const again = await analytics();
    expect(again.status).toBe(429);
    expect(again.headers.get('retry-after')).toBe('1');
    await sleep(1_100);
    expect((await analytics()).status).toBe(200);
  });

  it('injects a 429 with Retry-After that the SDK reports as a rate-limit error', async () => {
    await addFault({
      match: { path: '/analytics' },
      fault: { type: 'status', status: 429, retryAfter: 5 },
      times: 1,
    });
    const events: Error[] = [];
    platform.on(platform.events.rateLimitError, (error: Error) => events.push(error));
    const failure = await rejection(platform.post(AGGREGATE, queuesBody(emulator)));
    expect(failure.status).toBe(429);
    expect(failure.error.retryAfter).toBe(5000);
    expect(events).toHaveLength(1);
    expect(failure.body).toMatchObject({ errors: [{ errorCode: 'CMN-301' }] });
  });

  it('matches rules by method, group and path pattern, and counts what it applied', async () => {
    const before = (await stats(emulator)).faultsApplied;
    await addFault([
      { match: { group: 'auth' }, fault: { type: 'status', status: 503 }, times: 1 },
      {
        match: { method: 'GET', pathPattern: '^/restapi/v1\\.0/account/[^/]+/call-queues$' },
        fault: { type: 'status', status: 500 },
      },
    ]);
    const login = await rejection(newSdk(emulator).platform().login({ jwt: DEMO_APP.jwt }));
    expect(login.status).toBe(503);
    const queues = await rejection(platform.get('/restapi/v1.0/account/~/call-queues'));
    expect(queues.status).toBe(500);
    // Not matched: another path, and analytics (POST).
    expect((await platform.get('/restapi/v1.0/account/~/call-queues/3001')).status).toBe(200);
    expect((await platform.post(AGGREGATE, queuesBody(emulator))).status).toBe(200);
    const rules = (await control(emulator, 'GET', '/faults')).body as {
      rules: Array<{ applied: number; times?: number }>;
    };
    // The auth rule was used up and removed; the pattern rule (no `times`) stays, applied once.
    expect(rules.rules.map((r) => r.applied)).toEqual([1]);
    expect((await stats(emulator)).faultsApplied - before).toBe(2);
  });
});

describe('the emulator itself', () => {
  it('logged no unexpected handler errors during the run', () => {
    expect(emulatorLog).toEqual([]);
  });
});
