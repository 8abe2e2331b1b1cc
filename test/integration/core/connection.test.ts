import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_APP, startEmulator, type Emulator, type EmulatorConfig } from '../../../emulator/emulator';
import {
  Connection,
  NetworkError,
  NotSignedInError,
  SignInError,
  TimeoutError,
  apiErrorMessage,
  type ConnectionOptions,
} from '../../../main/core/connection';
import {
  KeychainSecretStore,
  MemorySecretStore,
  SecretStoreUnavailableError,
  type SecretStore,
} from '../../../main/core/secrets/secret-store';
import { UnavailableSecretStore } from '../../../main/core/secrets/startup';
import { requireKeyring } from '../../support/keyring';

/**
 * The connection against a real emulator over HTTP with the real @ringcentral/sdk: JWT and browser
 * (authorization code + PKCE, loopback redirect) sign-in, the session surviving a restart, automatic
 * renewal and what happens when it fails, sign-out, and the poller's transport (any status back,
 * typed errors for no answer). The "browser" is Node's fetch following the authorize redirect.
 */

const TOKEN_PATH = 'POST /restapi/oauth/token';
const ME = '/restapi/v1.0/account/~/extension/~';
const AGGREGATE = '/analytics/calls/v1/accounts/~/aggregation/fetch';
const GENEROUS = { limit: 10_000, windowSeconds: 60, penaltySeconds: 60 };
const CREDENTIALS = { clientId: DEMO_APP.clientId, clientSecret: DEMO_APP.clientSecret, jwt: DEMO_APP.jwt };

async function emulatorWith(config: EmulatorConfig = {}): Promise<Emulator> {
  // The token endpoint's real limit (5/min) would throttle a test file that signs in this often.
  return startEmulator({ port: 0, log: () => {}, limits: { auth: GENEROUS }, ...config });
}

function tokenRequests(emulator: Emulator): number {
  return emulator.stats.snapshot().requests.byPath[TOKEN_PATH] ?? 0;
}

async function control(emulator: Emulator, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${emulator.url}/__emulator${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
}

const addFault = (emulator: Emulator, rule: unknown) => control(emulator, '/faults', rule);
const tokens = (emulator: Emulator, action: 'revoke' | 'expire' | 'expire-all') =>
  control(emulator, '/tokens', { action });

interface Harness {
  connection: Connection;
  lines: string[];
}

function connect(emulator: Emulator, store: SecretStore, extra: Partial<ConnectionOptions> = {}): Harness {
  const lines: string[] = [];
  const connection = new Connection({
    server: { kind: 'custom', url: emulator.url },
    profile: 'main',
    secrets: store,
    clientId: DEMO_APP.clientId,
    log: (line) => lines.push(line),
    ...extra,
  });
  return { connection, lines };
}

/**
 * A system browser stand-in: GETs the authorize URL, follows the 302 to the loopback listener and
 * keeps the page the tab would show. `tamper` edits the redirect before it is followed.
 */
function fakeBrowser(tamper: (location: URL) => void = () => {}) {
  const seen: { authorizeUrl?: URL; redirect?: URL; page?: Promise<{ status: number; text: string }> } = {};
  const openBrowser = async (url: string) => {
    seen.authorizeUrl = new URL(url);
    const answer = await fetch(url, { redirect: 'manual' });
    expect(answer.status).toBe(302);
    const location = new URL(answer.headers.get('location')!);
    tamper(location);
    seen.redirect = location;
    seen.page = fetch(location).then(async (page) => ({ status: page.status, text: await page.text() }));
    await seen.page;
  };
  return { openBrowser, seen };
}

async function listenerClosed(redirect: URL | undefined): Promise<boolean> {
  if (!redirect) throw new Error('the browser never reached the listener');
  return fetch(redirect).then(
    () => false,
    () => true,
  );
}

async function bearerStatus(emulator: Emulator, token: string): Promise<number> {
  const response = await fetch(`${emulator.url}${ME}`, { headers: { Authorization: `Bearer ${token}` } });
  await response.body?.cancel();
  return response.status;
}

async function storedTokens(store: SecretStore): Promise<{ access_token: string; refresh_token: string }> {
  const text = await store.get('main', 'tokens');
  if (!text) throw new Error('no tokens stored');
  return JSON.parse(text) as { access_token: string; refresh_token: string };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const me = { method: 'GET', path: ME, timeoutMs: 5_000 } as const;

/** A connection whose system browser is the fake one. */
function browserConnection(emulator: Emulator, store: SecretStore, extra: Partial<ConnectionOptions> = {}) {
  const browser = fakeBrowser();
  return { ...connect(emulator, store, { openBrowser: browser.openBrowser, ...extra }), browser };
}

describe('connection: JWT and browser sign-in against the emulator', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await emulatorWith();
  });
  afterAll(() => emulator.stop());
  beforeEach(() => emulator.reset());

  it('signs in with a JWT, stores the credentials and the session, and calls the API', async () => {
    const store = new MemorySecretStore();
    const { connection, lines } = connect(emulator, store);
    const status = await connection.signInWithJwt(CREDENTIALS);
    expect(status).toMatchObject({
      state: 'signedIn',
      mode: 'account',
      account: { id: emulator.directory.account.id, name: expect.any(String), server: emulator.url },
      message: null,
    });
    expect(Date.parse(status.expiresAt!)).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    expect(await store.get('main', 'clientSecret')).toBe(DEMO_APP.clientSecret);
    expect(await store.get('main', 'jwt')).toBe(DEMO_APP.jwt);
    expect((await storedTokens(store)).refresh_token).toEqual(expect.any(String));
    expect((await connection.send(me)).status).toBe(200);
    expect(tokenRequests(emulator)).toBe(1);
    expect(lines.join('\n')).not.toContain(DEMO_APP.jwt);
  });

  it('a restart over the same store is signed in without a token request', async () => {
    const store = new MemorySecretStore();
    await connect(emulator, store).connection.signInWithJwt(CREDENTIALS);
    const before = tokenRequests(emulator);
    const restarted = connect(emulator, store).connection;
    expect(restarted.status().state).toBe('signedOut');
    const status = await restarted.restore();
    expect(status).toMatchObject({ state: 'signedIn', account: { id: emulator.directory.account.id } });
    expect((await restarted.send(me)).status).toBe(200);
    expect(tokenRequests(emulator)).toBe(before);
  });

  it('refuses a wrong JWT with the platform reason and does not keep it', async () => {
    const store = new MemorySecretStore();
    const { connection } = connect(emulator, store);
    const refused = await connection
      .signInWithJwt({ ...CREDENTIALS, jwt: 'not-a-valid-jwt' })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SignInError);
    expect((refused as Error).message).toBe(
      'RingCentral refused the sign-in: Invalid JWT assertion (OAU-144). The credential is no longer valid ' +
        'for this app (expired, revoked, or made for another app): sign in again in Settings → Connection',
    );
    expect(connection.status()).toMatchObject({ state: 'signInNeeded', message: (refused as Error).message });
    expect(await store.get('main', 'jwt')).toBeNull();
    await expect(connection.send(me)).rejects.toBeInstanceOf(NotSignedInError);
  });

  it('restore: nothing stored asks for sign-in; a stored JWT alone signs in again', async () => {
    const empty = connect(emulator, new MemorySecretStore()).connection;
    expect(await empty.restore()).toMatchObject({ state: 'signInNeeded', message: expect.any(String) });

    const store = new MemorySecretStore();
    await store.set('main', 'clientSecret', DEMO_APP.clientSecret);
    await store.set('main', 'jwt', DEMO_APP.jwt);
    const withJwt = connect(emulator, store).connection;
    expect((await withJwt.restore()).state).toBe('signedIn');
    expect(tokenRequests(emulator)).toBe(1);
    expect(await store.get('main', 'tokens')).not.toBeNull();
  });

  it('signs in through the browser: authorization code, PKCE S256, state, loopback redirect', async () => {
    const store = new MemorySecretStore();
    await store.set('main', 'jwt', 'an-old-jwt-from-before');
    const { connection, lines, browser } = browserConnection(emulator, store);
    const status = await connection.signInWithBrowser({ clientId: DEMO_APP.clientId });
    expect(status.state).toBe('signedIn');
    const authorize = browser.seen.authorizeUrl!.searchParams;
    expect(authorize.get('code_challenge_method')).toBe('S256');
    expect(authorize.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(authorize.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(await browser.seen.page).toMatchObject({
      status: 200,
      text: expect.stringContaining('Signed in'),
    });
    expect(await listenerClosed(browser.seen.redirect)).toBe(true);
    // The account now signs in through the browser: a JWT left from before must not sign it in again.
    expect(await store.get('main', 'jwt')).toBeNull();
    expect(await store.get('main', 'tokens')).not.toContain('code_verifier');
    expect((await connection.send(me)).status).toBe(200);
    const code = browser.seen.redirect!.searchParams.get('code')!;
    expect(lines.join('\n')).not.toContain(code);
  }, 20_000);

  it('refuses an answer whose state does not match, without redeeming the code', async () => {
    const browser = fakeBrowser((location) => location.searchParams.set('state', 'forged'));
    const { connection } = connect(emulator, new MemorySecretStore(), { openBrowser: browser.openBrowser });
    const failure = await connection
      .signInWithBrowser({ clientId: DEMO_APP.clientId })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SignInError);
    expect((failure as SignInError).reason).toBe('stateMismatch');
    expect(tokenRequests(emulator)).toBe(0);
    expect(connection.status().state).toBe('signInNeeded');
    expect(await browser.seen.page).toMatchObject({
      status: 400,
      text: expect.stringContaining('state mismatch'),
    });
    expect(await listenerClosed(browser.seen.redirect)).toBe(true);
  });

  it('explains refused consent and closes the listener', async () => {
    const { connection, browser } = browserConnection(emulator, new MemorySecretStore());
    const failure = await connection
      .signInWithBrowser({ clientId: DEMO_APP.clientId, loginHint: 'deny' })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SignInError);
    expect((failure as Error).message).toMatch(/Access was not granted in the RingCentral sign-in page/);
    expect(connection.status()).toMatchObject({ state: 'signInNeeded', account: null });
    expect(tokenRequests(emulator)).toBe(0);
    expect((await browser.seen.page)?.text).toContain('Access was not granted');
    expect(await listenerClosed(browser.seen.redirect)).toBe(true);
  });

  it('gives up when the browser never comes back, and closes the listener', async () => {
    let authorizeUrl = '';
    const { connection } = connect(emulator, new MemorySecretStore(), {
      browserTimeoutMs: 300,
      openBrowser: async (url) => void (authorizeUrl = url),
    });
    const failure = await connection
      .signInWithBrowser({ clientId: DEMO_APP.clientId })
      .catch((error: unknown) => error);
    expect((failure as SignInError).reason).toBe('timeout');
    const redirect = new URL(new URL(authorizeUrl).searchParams.get('redirect_uri')!);
    expect(await listenerClosed(redirect)).toBe(true);
  });

  it('fails clearly when the browser cannot be opened', async () => {
    const { connection } = connect(emulator, new MemorySecretStore(), {
      openBrowser: () => Promise.reject(new Error('no display')),
    });
    await expect(connection.signInWithBrowser({ clientId: DEMO_APP.clientId })).rejects.toThrow(
      'Could not open the web browser for sign-in: no display',
    );
  });

  it('without a keychain an account sign-in fails with its explanation, before any token request', async () => {
    const reason = new SecretStoreUnavailableError(
      'The OS keychain is not available (no D-Bus). Start with CALLBOARD_SECRETS=memory.',
    );
    const { connection } = connect(emulator, new UnavailableSecretStore(reason));
    await expect(connection.signInWithJwt(CREDENTIALS)).rejects.toBe(reason);
    expect(connection.status()).toMatchObject({ state: 'error', message: reason.message });
    expect(tokenRequests(emulator)).toBe(0);
  });

  it('a browser sign-in whose session cannot be saved is refused and revoked', async () => {
    const reason = new SecretStoreUnavailableError('The OS keychain is not available (locked).');
    const { connection, browser } = browserConnection(emulator, new UnavailableSecretStore(reason));
    await expect(connection.signInWithBrowser({ clientId: DEMO_APP.clientId })).rejects.toBe(reason);
    expect(connection.status().state).toBe('error');
    expect((await browser.seen.page)?.text).toContain('The OS keychain is not available');
    expect(emulator.oauth.sessionCount).toBe(0);
  });

  it('restore reports a keychain that cannot be read', async () => {
    class Unreadable extends MemorySecretStore {
      override async get(): Promise<string | null> {
        throw new SecretStoreUnavailableError('The OS keychain is not available (is it locked?).');
      }
    }
    const { connection } = connect(emulator, new Unreadable());
    expect(await connection.restore()).toMatchObject({
      state: 'error',
      message: expect.stringMatching(/keychain/),
    });
  });

  it('the demo signs in with its public credentials and writes nothing to the secret store', async () => {
    const store = new MemorySecretStore();
    const lines: string[] = [];
    const demo = new Connection({
      server: { kind: 'demo', url: emulator.url },
      profile: 'demo',
      secrets: store,
      log: (line) => lines.push(line),
    });
    expect((await demo.signInWithJwt(CREDENTIALS)).mode).toBe('demo');
    expect((await demo.send(me)).status).toBe(200);
    for (const name of ['clientSecret', 'jwt', 'tokens'] as const)
      expect(await store.get('demo', name)).toBeNull();
  });
});

describe('connection: renewal, its failure, and sign-out', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await emulatorWith({ accessTokenTtl: 2 });
  });
  afterAll(() => emulator.stop());
  beforeEach(() => emulator.reset());

  it('renews the access token by itself and stores the new session', async () => {
    const store = new MemorySecretStore();
    const { connection } = connect(emulator, store, { renewMarginMs: 500 });
    await connection.signInWithJwt(CREDENTIALS);
    const first = await storedTokens(store);
    await sleep(1_700);
    expect((await connection.send(me)).status).toBe(200);
    const renewed = await storedTokens(store);
    expect(renewed.refresh_token).not.toBe(first.refresh_token);
    expect(emulator.stats.snapshot().requests.byPath[TOKEN_PATH]).toBe(2);
    // Refresh tokens are single-use: a restart must find the renewed one, and use it.
    await sleep(1_700);
    const restarted = connect(emulator, store, { renewMarginMs: 500 }).connection;
    expect((await restarted.restore()).state).toBe('signedIn');
    expect((await restarted.send(me)).status).toBe(200);
    expect(tokenRequests(emulator)).toBe(3);
  });

  it('when renewal is refused, signs in again with the stored JWT and the request goes through, every time', async () => {
    const store = new MemorySecretStore();
    const { connection, lines } = connect(emulator, store, { renewMarginMs: 500 });
    await connection.signInWithJwt(CREDENTIALS);
    const old = await storedTokens(store);
    await tokens(emulator, 'revoke');
    const response = await connection.send(me);
    expect(response.status).toBe(200);
    expect(connection.status().state).toBe('signedIn');
    expect((await storedTokens(store)).access_token).not.toBe(old.access_token);
    expect(lines.some((line) => /signing in again with the stored JWT/.test(line))).toBe(true);

    // A second loss later is healed the same way: a screen never waits for a person while its JWT
    // is good (the Auth budget, not a give-up, keeps it inside 5 token requests a minute).
    await tokens(emulator, 'expire-all');
    const grants = tokenRequests(emulator);
    expect((await connection.send(me)).status).toBe(200);
    expect(connection.status().state).toBe('signedIn');
    expect(tokenRequests(emulator) - grants).toBe(2); // the refused refresh, and one login
  });

  it('a browser-signed-in session whose renewal is refused needs a new sign-in', async () => {
    const store = new MemorySecretStore();
    const { connection } = browserConnection(emulator, store, { renewMarginMs: 500 });
    await connection.signInWithBrowser({ clientId: DEMO_APP.clientId });
    await tokens(emulator, 'expire-all');
    await expect(connection.send(me)).rejects.toBeInstanceOf(NotSignedInError);
    expect(connection.status()).toMatchObject({
      state: 'signInNeeded',
      message:
        'The session could not be renewed. This screen was signed in through the browser, and RingCentral ' +
        'does not let Callboard sign in again by itself: sign in to RingCentral again (Settings → Connection).',
    });
    expect(await store.get('main', 'tokens')).toBeNull();
  }, 20_000);

  it('a restart with an expired access token renews it; with a dead session and no JWT asks for sign-in', async () => {
    const store = new MemorySecretStore();
    const first = browserConnection(emulator, store, { renewMarginMs: 500 }).connection;
    await first.signInWithBrowser({ clientId: DEMO_APP.clientId });
    await sleep(2_100);
    const renewed = connect(emulator, store, { renewMarginMs: 500 }).connection;
    expect((await renewed.restore()).state).toBe('signedIn');
    expect(tokenRequests(emulator)).toBe(2);

    await tokens(emulator, 'revoke');
    await sleep(2_100);
    const dead = connect(emulator, store, { renewMarginMs: 500 }).connection;
    expect(await dead.restore()).toMatchObject({ state: 'signInNeeded' });
    expect(await store.get('main', 'tokens')).toBeNull();
  }, 20_000);

  it('a network failure while renewing keeps the session; the next request renews it', async () => {
    const store = new MemorySecretStore();
    const { connection } = connect(emulator, store, { renewMarginMs: 500 });
    await connection.signInWithJwt(CREDENTIALS);
    await sleep(1_700);
    await addFault(emulator, { match: { path: '/restapi/oauth/token' }, fault: { type: 'drop' }, times: 1 });
    await expect(connection.send(me)).rejects.toBeInstanceOf(NetworkError);
    expect(connection.status().state).toBe('signedIn');
    expect(await store.get('main', 'tokens')).not.toBeNull();
    expect((await connection.send(me)).status).toBe(200);
  });

  it('an automatic sign-in that cannot reach the platform is retried by a timer, not by every request', async () => {
    const store = new MemorySecretStore();
    const { connection } = connect(emulator, store, {
      renewMarginMs: 500,
      reconnectBackoff: { baseMs: 400, maxMs: 800 },
    });
    await connection.signInWithJwt(CREDENTIALS);
    await tokens(emulator, 'revoke');
    const token = { path: '/restapi/oauth/token' };
    const refused = {
      errors: [{ errorCode: 'OAU-211', message: 'Token not found' }],
      error: 'invalid_grant',
    };
    await addFault(emulator, [
      { match: token, fault: { type: 'status', status: 400, body: refused }, times: 1 },
      { match: token, fault: { type: 'drop' }, times: 1 },
    ]);
    const grants = tokenRequests(emulator);
    await expect(connection.send(me)).rejects.toBeInstanceOf(NotSignedInError);
    expect(connection.status()).toMatchObject({
      state: 'reconnecting',
      message: expect.stringMatching(/^Reconnecting to RingCentral… Cannot reach/),
      reconnect: { unreachable: true, nextAttemptAt: expect.any(String) },
    });
    await expect.poll(() => connection.status().state, { timeout: 3_000 }).toBe('signedIn');
    expect(tokenRequests(emulator) - grants).toBe(3); // refused refresh, dropped login, the timer's login
    expect((await connection.send(me)).status).toBe(200);
    connection.close();
  });

  it('signs out: the token is revoked at the platform and removed from the store', async () => {
    const store = new MemorySecretStore();
    const { connection } = connect(emulator, store, { renewMarginMs: 500 });
    await connection.signInWithJwt(CREDENTIALS);
    const { access_token } = await storedTokens(store);
    expect(await bearerStatus(emulator, access_token)).toBe(200);
    expect((await connection.signOut()).state).toBe('signedOut');
    expect(await bearerStatus(emulator, access_token)).toBe(401);
    expect(await store.get('main', 'tokens')).toBeNull();
    expect(await store.get('main', 'jwt')).toBe(DEMO_APP.jwt);
    await expect(connection.send(me)).rejects.toBeInstanceOf(NotSignedInError);

    await connection.signInWithJwt(CREDENTIALS);
    await connection.signOut({ forgetCredentials: true });
    for (const name of ['clientSecret', 'jwt', 'tokens'] as const)
      expect(await store.get('main', name)).toBeNull();
  });

  it('signs out without throwing when the platform is unreachable, and still forgets the session', async () => {
    const own = await emulatorWith();
    const store = new MemorySecretStore();
    const { connection, lines } = connect(own, store);
    await connection.signInWithJwt(CREDENTIALS);
    await own.stop();
    expect((await connection.signOut()).state).toBe('signedOut');
    expect(await store.get('main', 'tokens')).toBeNull();
    expect(lines.some((line) => /could not revoke the session/.test(line))).toBe(true);
  });
});

describe('connection: send() for the poller', () => {
  let emulator: Emulator;
  let connection: Connection;
  beforeAll(async () => {
    emulator = await emulatorWith();
    connection = connect(emulator, new MemorySecretStore()).connection;
    await connection.signInWithJwt(CREDENTIALS);
  });
  afterAll(() => emulator.stop());
  afterEach(() => emulator.faults.clear());

  it('returns a 400 with its headers and the platform reason', async () => {
    const response = await connection.send({
      method: 'POST',
      path: AGGREGATE,
      body: {
        grouping: { groupBy: 'Users' },
        timeSettings: {
          timeZone: 'Mars/Olympus_Mons',
          timeRange: {
            timeFrom: new Date(Date.now() - 86_400_000).toISOString(),
            timeTo: new Date().toISOString(),
          },
        },
        responseOptions: { counters: { allCalls: { aggregationType: 'Sum' } } },
      },
      timeoutMs: 5_000,
    });
    expect(response.status).toBe(400);
    expect(response.headers['x-rate-limit-group']).toBe('light');
    expect(apiErrorMessage(response)).toMatch(/timeSettings\.timeZone.*IANA time zone.*\(CMN-101\)$/);
  });

  it('returns a 503 and a 429 with Retry-After instead of throwing (the poller owns rate limits)', async () => {
    await addFault(emulator, { match: { path: ME }, fault: { type: 'status', status: 503 }, times: 1 });
    const unavailable = await connection.send(me);
    expect(unavailable.status).toBe(503);
    expect(unavailable.body).toMatchObject({ errors: [{ errorCode: 'CMN-500' }] });
    await addFault(emulator, { match: { path: ME }, fault: { type: 'status', status: 429, retryAfter: 7 } });
    const started = performance.now();
    const limited = await connection.send(me);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('7');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('keeps a malformed JSON answer as text, with no body', async () => {
    await addFault(emulator, { match: { path: ME }, fault: { type: 'malformed' }, times: 1 });
    const response = await connection.send(me);
    expect(response.status).toBe(200);
    expect(response.body).toBeUndefined();
    expect(response.bodyText).toMatch(/^\{"paging"/);
  });

  it('a dropped connection is a NetworkError', async () => {
    await addFault(emulator, { match: { path: ME }, fault: { type: 'drop' }, times: 1 });
    const failure = await connection.send(me).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NetworkError);
    expect((failure as Error).name).toBe('NetworkError');
    expect((await connection.send(me)).status).toBe(200);
  });

  it('a hung request is a TimeoutError at its deadline, and its socket is released', async () => {
    await addFault(emulator, { match: { path: ME }, fault: { type: 'hang' }, times: 1 });
    const started = performance.now();
    const failure = await connection.send({ ...me, timeoutMs: 300 }).catch((error: unknown) => error);
    const elapsed = performance.now() - started;
    expect(failure).toBeInstanceOf(TimeoutError);
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(2_000);
    // The emulator keeps hung responses until their socket closes: the abort must have closed it.
    const hanging = (emulator as unknown as { http: { hanging: Set<unknown> } }).http.hanging;
    await expect.poll(() => hanging.size, { timeout: 2_000 }).toBe(0);
  });

  it("the caller's own cancel is an AbortError", async () => {
    await addFault(emulator, { match: { path: ME }, fault: { type: 'hang' }, times: 1 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const failure = await connection
      .send({ ...me, timeoutMs: 5_000, signal: controller.signal })
      .catch((error: unknown) => error);
    expect((failure as Error).name).toBe('AbortError');
  });

  it('a platform that is down is a NetworkError', async () => {
    const own = await emulatorWith();
    const { connection: doomed } = connect(own, new MemorySecretStore());
    await doomed.signInWithJwt(CREDENTIALS);
    await own.stop();
    const failure = await doomed.send(me).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NetworkError);
    expect((failure as Error).message).toMatch(/^Cannot reach 127\.0\.0\.1:\d+: /);
    expect(doomed.status().state).toBe('signedIn');
  });
});

describe('connection with the real OS keychain (gnome-keyring under with-keyring.mjs)', () => {
  const service = `Callboard-connection-test-${process.pid}-${randomUUID().slice(0, 8)}`;
  let emulator: Emulator;
  let store: KeychainSecretStore;
  beforeAll(async () => {
    requireKeyring();
    emulator = await emulatorWith();
    store = await KeychainSecretStore.open({ service });
  });
  afterAll(async () => {
    await store?.deleteProfile('main');
    await emulator?.stop();
  });

  it('the session survives a restart and no secret reaches a log line', async () => {
    const first = connect(emulator, store);
    await first.connection.signInWithJwt(CREDENTIALS);
    const session = await storedTokens(store);
    const grants = tokenRequests(emulator);

    const reopened = await KeychainSecretStore.open({ service });
    const second = connect(emulator, reopened);
    expect((await second.connection.restore()).state).toBe('signedIn');
    expect((await second.connection.send(me)).status).toBe(200);
    expect(tokenRequests(emulator)).toBe(grants);

    await tokens(emulator, 'revoke');
    expect((await second.connection.send(me)).status).toBe(200); // renewed through the stored JWT
    const renewed = await storedTokens(reopened);
    await second.connection.signOut({ forgetCredentials: true });
    expect(await reopened.get('main', 'jwt')).toBeNull();

    const logged = [...first.lines, ...second.lines].join('\n');
    expect(second.lines.length).toBeGreaterThan(0);
    const secrets = [
      DEMO_APP.clientSecret,
      DEMO_APP.jwt,
      session.access_token,
      session.refresh_token,
      renewed.access_token,
      renewed.refresh_token,
    ];
    for (const secret of secrets) expect(logged).not.toContain(secret);
  });
});
