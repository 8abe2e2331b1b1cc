import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Connection } from '../../../main/core/connection';
import { MemorySecretStore } from '../../../main/core/secrets/secret-store';

/**
 * A server that echoes every request back in its error text (a misconfigured proxy, a hostile
 * "RingCentral" URL): nothing Callboard sent, in any encoding it was sent in, comes back out in an
 * error shown to a person, an answer handed to the poller, or a log line.
 */

const CLIENT_ID = 'echo-app-client';
const SECRET = 'Sup3r/Secret+Value=';
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMDEifQ.c2lnbmF0dXJlLXBhcnQ';

const ACCESS = 'access-token-value-0123456789abcdef';
let signIn = false;
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.url === '/restapi/oauth/token' && signIn) {
        const tokens = {
          access_token: ACCESS,
          token_type: 'bearer',
          expires_in: 3600,
          refresh_token: 'r'.repeat(30),
          refresh_token_expires_in: 86400,
          owner_id: '101',
        };
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(tokens));
        return;
      }
      const echo = `${req.method} ${req.url} ${JSON.stringify(req.headers)} ${Buffer.concat(chunks).toString()}`;
      const body = JSON.stringify({
        error: 'invalid_request',
        errors: [{ errorCode: 'ECHO-1', message: echo }],
      });
      res.writeHead(400, { 'Content-Type': 'application/json' }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Every form the secrets travelled in: as they are, URL-encoded, and inside the Basic header. */
function leaks(text: string): string[] {
  const basic = Buffer.from(`${CLIENT_ID}:${SECRET}`);
  const forms = [SECRET, JWT, encodeURIComponent(SECRET), encodeURIComponent(JWT), basic.toString('base64')];
  return forms.filter((form) => text.includes(form));
}

describe('an echoing server', () => {
  it('never gets a secret shown back in a sign-in error or a log line', async () => {
    signIn = false;
    const lines: string[] = [];
    const connection = new Connection({
      server: { kind: 'custom', url },
      profile: 'echo',
      secrets: new MemorySecretStore(),
      clientId: CLIENT_ID,
      log: (line) => lines.push(line),
    });
    const failure = await connection
      .signInWithJwt({ clientId: CLIENT_ID, clientSecret: SECRET, jwt: JWT })
      .catch((error: unknown) => error as Error);
    expect(failure).toBeInstanceOf(Error);
    const message = (failure as Error).message;
    // The echo is there (so the test can fail), with the secrets taken out.
    expect(message).toMatch(/RingCentral refused the sign-in: .*POST \/restapi\/oauth\/token/);
    expect(message).toContain('[redacted]');
    expect(leaks(message)).toEqual([]);
    expect(leaks(connection.status().message ?? '')).toEqual([]);
    expect(leaks(lines.join('\n'))).toEqual([]);
  });

  it('never gets the session’s token shown back in an API answer handed to the poller', async () => {
    signIn = true;
    const connection = new Connection({
      server: { kind: 'custom', url },
      profile: 'echo-api',
      secrets: new MemorySecretStore(),
      clientId: CLIENT_ID,
    });
    await connection.signInWithJwt({ clientId: CLIENT_ID, clientSecret: SECRET, jwt: JWT });
    const answer = await connection.send({
      method: 'GET',
      path: '/restapi/v1.0/account/~/extension/~',
      timeoutMs: 5_000,
    });
    expect(answer.status).toBe(400);
    expect(answer.bodyText).toMatch(/GET \/restapi\/v1\.0\/account/);
    expect(answer.bodyText).not.toContain(ACCESS);
    expect(JSON.stringify(answer.body)).not.toContain(ACCESS);
    expect(leaks(answer.bodyText)).toEqual([]);
    connection.close();
  });
});
