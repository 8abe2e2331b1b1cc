import { request } from 'node:http';
import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_APP, startEmulator, type Emulator } from '../../../emulator/emulator';

/**
 * The emulator's HTTP edge: only RingCentral's shapes ever come back (no framework 404, 415 or
 * 400 bodies), bodies reach the routes as bytes whatever their Content-Type, an oversized body is
 * 413 CMN-104 with rate-limit headers, and stop() does not wait for hung requests.
 */

const TOKEN = '/restapi/oauth/token';
const AGGREGATE = '/analytics/calls/v1/accounts/~/aggregation/fetch';
const BASIC = `Basic ${Buffer.from(`${DEMO_APP.clientId}:${DEMO_APP.clientSecret}`).toString('base64')}`;
const JWT_FORM = `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=${DEMO_APP.jwt}`;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let emulator: Emulator;
let log: string[];

beforeEach(async () => {
  log = [];
  emulator = await startEmulator({ port: 0, calls: [], log: (line) => log.push(line) });
});

afterEach(async () => {
  await emulator.stop();
});

function send(
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      `${emulator.url}${path}`,
      { method: init.method ?? 'GET', headers: init.headers, agent: false },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(init.body);
  });
}

function errorCodes(answer: Answer): string[] {
  const body = JSON.parse(answer.body) as { errors: Array<{ errorCode: string }> };
  return body.errors.map((entry) => entry.errorCode);
}

async function addFault(rule: unknown): Promise<void> {
  const answer = await send('/__emulator/faults', { method: 'POST', body: JSON.stringify(rule) });
  expect(answer.status).toBe(201);
}

describe('RingCentral shapes only', () => {
  it('answers unknown paths, other methods, HEAD and undecodable paths with 404 CMN-102', async () => {
    const answers = [
      await send('/restapi/v1.0/nothing'),
      await send(TOKEN, { method: 'GET' }),
      await send('/restapi/v1.0/account/~/extension', { method: 'HEAD' }),
      await send('/restapi/%ZZ'),
      await send('/nothing', {
        method: 'POST',
        headers: { 'Content-Type': 'x' },
        body: Buffer.alloc(3 << 20),
      }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 404, 404]);
    for (const answer of answers.filter((one) => one.body !== '')) {
      expect(errorCodes(answer)).toEqual(['CMN-102']);
      expect(answer.headers['x-rate-limit-group']).toBeUndefined();
    }
  });

  it('hands every body to the route as bytes, whatever its Content-Type', async () => {
    for (const contentType of ['application/x-www-form-urlencoded', 'text/plain', 'nonsense', '']) {
      const token = await send(TOKEN, {
        method: 'POST',
        headers: { Authorization: BASIC, 'Content-Type': contentType },
        body: JWT_FORM,
      });
      expect(token.status, contentType).toBe(200);
      expect(token.headers['x-rate-limit-group']).toBe('auth');
      await send('/__emulator/reset', { method: 'POST' });
    }
    const unparsable = await send('/__emulator/clock', {
      method: 'POST',
      headers: { 'Content-Type': 'nonsense' },
      body: '{"speed":',
    });
    expect(unparsable.status).toBe(400);
    expect(errorCodes(unparsable)).toEqual(['CMN-103']);
  });

  it('refuses a body over 2 MiB with 413 CMN-104, rate-limit headers and Connection: close', async () => {
    const answer = await send(AGGREGATE, { method: 'POST', body: Buffer.alloc(2 * 1024 * 1024 + 1, 'x') });
    expect(answer.status).toBe(413);
    expect(errorCodes(answer)).toEqual(['CMN-104']);
    expect(answer.headers['x-rate-limit-group']).toBe('light');
    expect(answer.headers.connection).toBe('close');
    expect(emulator.stats.snapshot().responses.byStatus).toEqual({ 413: 1 });
  });

  it('answers a request it cannot parse like Node does: a bare 400, no body', async () => {
    const text = await new Promise<string>((resolve, reject) => {
      const socket = connect(emulator.port, '127.0.0.1', () => socket.write('NOT HTTP\r\n\r\n'));
      let received = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (received += chunk));
      socket.on('close', () => resolve(received));
      socket.on('error', reject);
    });
    expect(text).toBe('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  });
});

describe('faults and stop()', () => {
  it('sends a malformed answer as raw text with the rate-limit headers', async () => {
    await addFault({ match: { group: 'auth' }, fault: { type: 'malformed' }, times: 1 });
    const answer = await send(TOKEN, { method: 'POST', headers: { Authorization: BASIC }, body: JWT_FORM });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatch(/^\{"paging".*"Us$/);
    expect(answer.headers['x-rate-limit-group']).toBe('auth');
  });

  it('drops the connection before the body is read: a drop, not a 413', async () => {
    await addFault({ match: { group: 'light' }, fault: { type: 'drop' }, times: 1 });
    const body = Buffer.alloc(3 << 20, 'x');
    await expect(send(AGGREGATE, { method: 'POST', body })).rejects.toThrow();
    expect(emulator.stats.snapshot().faultsApplied).toBe(1);
  });

  it('ends hung requests at once when it stops', async () => {
    await addFault({ match: { group: 'light' }, fault: { type: 'hang' } });
    const hung = [send(AGGREGATE, { method: 'POST', body: '{}' }), send(AGGREGATE, { method: 'POST' })];
    const settled = Promise.allSettled(hung);
    await expect.poll(() => emulator.stats.snapshot().faultsApplied).toBe(2);
    const started = performance.now();
    await emulator.stop();
    expect(performance.now() - started).toBeLessThan(1_000);
    expect((await settled).map((result) => result.status)).toEqual(['rejected', 'rejected']);
    // Stopped is not finished: the same emulator listens again, with its state.
    await emulator.start();
    expect((await send('/__emulator/faults')).body).toContain('"hang"');
  });
});
