import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { planBoards } from '../../../main/core/planner/plan-boards';
import { analyticsCodec } from '../../../main/core/analytics/codec';
import type { Plan, PlannedQuery } from '../../../main/core/planner/plan';
import type { QueryState } from '../../../main/core/poller/query-state';
import { Poller } from '../../../main/core/poller/poller';
import { RateBudget } from '../../../main/core/poller/rate-budget';
import type { Transport } from '../../../main/core/poller/transport';
import type { FailureKind } from '../../../main/core/poller/failure';
import { statusLight } from '../../../main/core/status-light';
import { startEmulator, type Emulator } from '../../../emulator/emulator';
import type { Fault } from '../../../emulator/http/faults';
import { signedInTransport } from '../../support/sign-in';
import { waitFor } from '../../support/wait-for';
import { demoSettings } from '../../support/demo';

/**
 * The poller against the emulator over HTTP with the real SDK, under scripted faults: 429 storms,
 * 5xx, hangs, dropped connections, malformed and schema-violating answers. Refresh intervals are cut
 * to seconds so recovery is seen within the test; everything else is as in the product.
 */

let emulator: Emulator;
let transport: Transport;
let close: () => void;
let plan: Plan;
let poller: Poller | null = null;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);

const ANALYTICS = '/analytics/calls/v1';

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  emulator = await startEmulator({ port: 0, seed: 11, log: () => {} });
  const queueBoard = demoSettings('Europe/London').boards[0]!;
  plan = planBoards([queueBoard], { defaultRefreshSeconds: 60 });
});

afterAll(async () => {
  poller?.stop();
  close();
  await emulator.stop();
  process.off('unhandledRejection', onRejection);
  expect(rejections).toEqual([]);
});

beforeEach(async () => {
  poller?.stop();
  close?.();
  // A reset also forgets issued tokens, so each test signs in afresh (stats then count from zero).
  emulator.reset();
  ({ transport, close } = await signedInTransport(emulator));
  emulator.stats.reset();
});

function startPoller(queries: readonly PlannedQuery[], timeoutMs = 1_000, maxConcurrent = 3): Poller {
  poller = new Poller({
    maxConcurrent,
    transport,
    codec: analyticsCodec,
    budget: new RateBudget({ share: 0.6 }),
    requestTimeoutMs: timeoutMs,
    backoff: { baseMs: 200, maxMs: 1_000 },
  });
  poller.setPlan(queries);
  poller.setActive(true);
  return poller;
}

const fast = (refreshMs: number) => plan.queries.map((query) => ({ ...query, refreshMs }));
const analyticsRequests = () =>
  Object.entries(emulator.stats.snapshot().requests.byPath)
    .filter(([path]) => path.includes(ANALYTICS))
    .reduce((sum, [, count]) => sum + count, 0);

/** Waits for a poller condition; on timeout says what every query's state was. */
const until = (check: () => boolean) =>
  waitFor(check, {
    intervalMs: 25,
    explain: () => JSON.stringify(states().map((s) => [s.queryId.slice(0, 20), s.fetchedAt, s.error])),
  });

const states = (): QueryState[] => [...(poller?.states().values() ?? [])];
const allFresh = () => states().length > 0 && states().every((s) => s.fetchedAt !== null && s.error === null);

/** Watches every state change: did any query ever lose its last good records after having them? */
function watchKeptValues(p: Poller): { errors: string[]; lostValues: boolean } {
  const seen = { errors: [] as string[], lostValues: false };
  const hadData = new Set<string>();
  p.onChange(() => {
    for (const state of p.states().values()) {
      if (state.records) hadData.add(state.queryId);
      else if (hadData.has(state.queryId)) seen.lostValues = true;
      if (state.error && !seen.errors.includes(state.error)) seen.errors.push(state.error);
    }
  });
  return seen;
}

describe('the default 12-tile queue board', () => {
  it('refreshes with no more requests than the planner reports, far fewer than one per tile', async () => {
    const tiles = demoSettings('Europe/London').boards[0]!.tiles;
    expect(tiles).toHaveLength(12);
    expect(plan.requestsPerRefresh).toBeLessThanOrEqual(6);
    startPoller(plan.queries);
    await until(allFresh);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(analyticsRequests()).toBe(plan.requestsPerRefresh);
  });
});

describe('under faults', () => {
  it('waits out a 429 storm with Retry-After without sending into the penalty, then recovers', async () => {
    emulator.faults.add([{ match: { path: ANALYTICS }, fault: { type: 'penalty', seconds: 3 }, times: 1 }]);
    // One request at a time: requests already on the wire when the penalty starts cannot know of it.
    const p = startPoller(fast(1_000), 1_000, 1);
    const seen = watchKeptValues(p);
    await until(() => seen.errors.some((e) => /rate limit/.test(e)));
    const limitedAt = Date.now();
    await until(allFresh);
    const stats = emulator.stats.snapshot();
    expect(stats.requestsDuringPenalty).toBe(0);
    expect(stats.responses.byStatus['429']).toBe(1);
    expect(Date.now() - limitedAt).toBeGreaterThanOrEqual(2_900);
  });

  it('backs off on 5xx, timeouts and dropped connections and recovers, keeping last good values', async () => {
    const p = startPoller(fast(1_000), 500);
    await until(allFresh);
    const seen = watchKeptValues(p);
    emulator.faults.add([
      { match: { path: ANALYTICS }, fault: { type: 'status', status: 503 }, times: 2 },
      { match: { path: ANALYTICS }, fault: { type: 'hang' }, times: 1 },
      { match: { path: ANALYTICS }, fault: { type: 'drop' }, times: 1 },
    ]);
    await until(
      () => seen.errors.length >= 3 && emulator.faults.list().every((rule) => rule.applied === rule.times),
    );
    await until(allFresh);
    expect(seen.errors.some((e) => /HTTP 503/.test(e))).toBe(true);
    expect(seen.errors.some((e) => /did not answer in time/.test(e))).toBe(true);
    expect(seen.errors.some((e) => /network problem/.test(e))).toBe(true);
    expect(seen.lostValues).toBe(false);
  });

  it('keeps last good values with an error state on malformed and schema-violating answers', async () => {
    const p = startPoller(fast(1_000));
    await until(allFresh);
    const seen = watchKeptValues(p);
    emulator.faults.add([
      { match: { path: ANALYTICS }, fault: { type: 'malformed' }, times: 1 },
      { match: { path: ANALYTICS }, fault: { type: 'schema' }, times: 1 },
    ]);
    await until(() => seen.errors.filter((e) => /cannot read/.test(e)).length >= 2);
    expect(seen.errors).toContainEqual(expect.stringMatching(/not valid JSON/));
    expect(seen.lostValues).toBe(false);
    await until(allFresh);
  });

  it('shows an API refusal in the API’s own words', async () => {
    emulator.faults.add([
      {
        match: { path: ANALYTICS },
        fault: {
          type: 'status',
          status: 400,
          body: {
            errors: [
              {
                errorCode: 'CMN-101',
                message: 'Parameter [timeZone] value is invalid',
                parameterName: 'timeZone',
              },
            ],
          },
        },
        times: 1,
      },
    ]);
    const p = startPoller(fast(60_000));
    const seen = watchKeptValues(p);
    await until(() => seen.errors.length > 0);
    expect(seen.errors[0]).toBe(
      'RingCentral refused the query: Parameter [timeZone] value is invalid (CMN-101)',
    );
  });
});

describe('the status light under real faults', () => {
  const signedIn = {
    state: 'signedIn',
    mode: 'account',
    account: null,
    expiresAt: null,
    message: null,
    reconnect: null,
  } as const;
  const cases: Array<[string, Fault, FailureKind, string]> = [
    ['a dropped connection', { type: 'drop' }, 'unreachable', 'offline'],
    ['no answer in time', { type: 'hang' }, 'unreachable', 'offline'],
    ['HTTP 503', { type: 'status', status: 503 }, 'serverError', 'delayed'],
    ['an answer that is not JSON', { type: 'malformed' }, 'invalidResponse', 'delayed'],
    ['a refusal', { type: 'status', status: 400 }, 'rejected', 'delayed'],
  ];
  for (const [name, fault, kind, light] of cases) {
    it(`after ${name} every query carries the kind "${kind}" and the light says ${light}`, async () => {
      emulator.faults.add([{ match: { path: ANALYTICS }, fault }]);
      startPoller(fast(1_000), 300);
      await until(() => states().length > 0 && states().every((state) => state.errorKind !== null));
      expect(new Set(states().map((state) => state.errorKind))).toEqual(new Set([kind]));
      const input = { connection: signedIn, states: states(), now: Date.now(), staleAfterMisses: 3 };
      expect(statusLight(input).light).toBe(light);
      emulator.faults.clear();
    });
  }
});
