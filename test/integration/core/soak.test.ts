import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../../emulator/emulator';
import { analyticsCodec } from '../../../main/core/analytics/codec';
import { planBoards } from '../../../main/core/planner/plan-boards';
import { Poller } from '../../../main/core/poller/poller';
import { RateBudget } from '../../../main/core/poller/rate-budget';
import type { Transport } from '../../../main/core/poller/transport';
import { signedInTransport } from '../../support/sign-in';
import { maxInWindow } from '../../unit/core/poller/poller-harness';
import { VirtualClock } from '../../support/virtual-clock';
import { demoSettings } from '../../support/demo';

/**
 * A simulated day of polling: the default 12-tile queue board refreshed every minute for 24 hours
 * against the emulator's live synthetic call center. The poller and the emulator (rate limiter and
 * data clock) share one virtual clock that jumps from one timer to the next, so the day passes in
 * about a minute while every 60-second rate window is exact. Requests are real HTTP through the SDK.
 */

const DAY_MS = 24 * 3_600_000;
const START = Date.parse('2026-11-23T00:00:00Z');

let emulator: Emulator;
let transport: Transport;
let close: () => void;
const clock = new VirtualClock(START);

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: 3, now: START, timeSource: clock.now, log: () => {} });
  ({ transport, close } = await signedInTransport(emulator));
});

afterAll(async () => {
  close();
  await emulator.stop();
});

describe('a simulated 24 hours', () => {
  it(
    'stays inside the configured budget with zero 429s and keeps every tile fresh',
    { timeout: 600_000 },
    async () => {
      const board = demoSettings('Europe/London').boards[0]!;
      const plan = planBoards([board], { defaultRefreshSeconds: 60 });
      const sent: number[] = [];
      const timed: Transport = (request) => {
        if (request.path.startsWith('/analytics/')) sent.push(clock.now());
        return transport(request);
      };
      const budget = new RateBudget({ share: 0.6 });
      const poller = new Poller({
        transport: timed,
        codec: analyticsCodec,
        budget,
        clock,
        requestTimeoutMs: 20_000,
      });
      let worstAgeMs = 0;
      poller.onChange(() => {
        for (const state of poller.states().values()) {
          if (state.fetchedAt !== null) worstAgeMs = Math.max(worstAgeMs, clock.now() - state.fetchedAt);
        }
      });
      poller.setPlan(plan.queries);
      poller.setActive(true);
      await clock.runUntil(START + DAY_MS, () => poller.whenIdle());
      poller.stop();

      const stats = emulator.stats.snapshot();
      expect(stats.rateLimited).toBe(0);
      expect(stats.responses.byStatus['429'] ?? 0).toBe(0);
      // The configured share: 60% of the Light group's 50 requests a minute.
      expect(maxInWindow(sent, 60_000)).toBeLessThanOrEqual(30);
      // Every query refreshed about once a minute all day (whole-yesterday overlays every 30 minutes).
      const expected = plan.queries.reduce(
        (sum, query) => sum + (DAY_MS / query.refreshMs) * query.expectedPages,
        0,
      );
      expect(sent.length).toBeGreaterThanOrEqual(expected * 0.98);
      expect(sent.length).toBeLessThanOrEqual(expected + plan.requestsPerRefresh);
      for (const state of poller.states().values()) expect(state.error).toBeNull();
      expect(worstAgeMs).toBeLessThanOrEqual(30 * 60_000);
    },
  );
});
