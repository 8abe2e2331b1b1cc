import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthBudget, AuthBudgetError } from '../../../../main/core/connection/auth-budget';
import { gatedFetch } from '../../../../main/core/connection/platform-factory';

/** The Auth group's 5 token requests a minute, enforced where every SDK request passes: fetch. */

describe('AuthBudget', () => {
  it('allows five token requests in any minute and says when the sixth may go', () => {
    let now = 0;
    const budget = new AuthBudget(() => now);
    for (let i = 0; i < 5; i++) {
      budget.take();
      now += 1_000;
    }
    expect(() => budget.take()).toThrow(AuthBudgetError);
    expect(budget.nextSlot()).toBe(62_001);
    now = 62_001;
    expect(() => budget.take()).not.toThrow();
    expect(budget.sentInWindow()).toBe(5);
  });

  it('waits out a Retry-After (60 s when RingCentral does not say)', () => {
    let now = 0;
    const budget = new AuthBudget(() => now);
    budget.penalize(30);
    expect(budget.nextSlot()).toBe(31_000);
    budget.penalize(null);
    expect(budget.nextSlot()).toBe(61_000);
    now = 61_000;
    expect(() => budget.take()).not.toThrow();
  });

  it('waits an hour at most, whatever a 429 asked (a misconfigured proxy must not stop sign-in for a year)', () => {
    const budget = new AuthBudget(() => 0);
    budget.penalize(365 * 86_400);
    expect(budget.nextSlot()).toBe(3_601_000);
  });
});

describe('gatedFetch', () => {
  let server: Server;
  let base: string;
  const seen: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.url ?? '');
      if (req.url === '/restapi/oauth/revoke') res.writeHead(429, { 'Retry-After': '20' }).end();
      else if (req.url === '/restapi/oauth/wstoken')
        res.writeHead(429, { 'Retry-After': new Date(Date.now() + 40_000).toUTCString() }).end();
      else res.writeHead(200).end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('takes token and revoke requests from the budget, sends nothing over it, and learns from a 429', async () => {
    let now = 0;
    const budget = new AuthBudget(() => now);
    const send = gatedFetch(5_000, budget);
    for (let i = 0; i < 5; i++)
      expect((await send(`${base}/restapi/oauth/token`, { method: 'POST' })).status).toBe(200);
    await expect(send(`${base}/restapi/oauth/token`, { method: 'POST' })).rejects.toBeInstanceOf(
      AuthBudgetError,
    );
    expect(seen.filter((url) => url === '/restapi/oauth/token')).toHaveLength(5);
    // API requests are not the Auth group's: they pass whatever its budget says.
    expect((await send(`${base}/restapi/v1.0/account/~/extension/~`)).status).toBe(200);
    now = 62_001;
    expect((await send(`${base}/restapi/oauth/revoke`, { method: 'POST' })).status).toBe(429);
    expect(budget.nextSlot()).toBe(now + 21_000);
    // The HTTP-date form of Retry-After (RFC 9110), read against this machine's clock.
    now = 200_000;
    expect((await send(`${base}/restapi/oauth/wstoken`, { method: 'POST' })).status).toBe(429);
    expect(budget.nextSlot()).toBeGreaterThanOrEqual(now + 39_000);
    expect(budget.nextSlot()).toBeLessThanOrEqual(now + 41_000);
  });
});
