import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator/emulator';
import {
  control,
  LACKING,
  liveApp,
  liveEmulator,
  signedInFeed,
  type FeedUnderTest,
} from '../../support/live-feed-harness';
import { waitFor } from '../../support/wait-for';

/**
 * The core's live feed with the real @ringcentral/sdk and @ringcentral/subscriptions against the
 * emulator over HTTP and WebSocket (issue 14): state equal to the simulation's at the same instant,
 * a dropped socket recovered, a stalled one marked stale within a heartbeat interval, a lapsed
 * subscription made anew, and apps lacking a permission told exactly which.
 */

interface TruthQueue {
  id: string;
  waiting: Array<{ telephonySessionId: string; since: string }>;
  members: Array<{ id: string; activity: string }>;
}
interface Truth {
  now: string;
  queues: TruthQueue[];
}

let emulator: Emulator;
const feeds: FeedUnderTest[] = [];

beforeAll(async () => {
  emulator = await liveEmulator();
});
afterEach(async () => {
  for (const { feed } of feeds.splice(0)) await feed.stop();
  await control(emulator, 'DELETE', '/ws/faults');
  await control(emulator, 'POST', '/clock', { speed: 10 });
});
afterAll(async () => {
  await emulator.stop();
});

async function started(options: Parameters<typeof signedInFeed>[1] = {}): Promise<FeedUnderTest> {
  const under = await signedInFeed(emulator, options);
  feeds.push(under);
  under.feed.start();
  return under;
}

async function presenceReads(): Promise<number> {
  const stats = (await control(emulator, 'GET', '/stats')) as {
    requests: { byPath: Record<string, number> };
  };
  return Object.entries(stats.requests.byPath)
    .filter(([path]) => path.includes('/presence'))
    .reduce((sum, [, count]) => sum + count, 0);
}

const isLive = (under: FeedUnderTest) => under.feed.status().state === 'live';

describe('live feed against the emulator', () => {
  it('keeps waiting callers and agent activities equal to the simulation at the same instant', async () => {
    const subscribedAt = ((await control(emulator, 'GET', '/clock')) as { now: string }).now;
    const under = await started();
    await waitFor(() => isLive(under), { explain: () => JSON.stringify(under.feed.status()) });
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // 30 data seconds of calls
    await control(emulator, 'POST', '/clock', { speed: 0 });
    // The simulation catches up when asked; the events that catch-up announces then reach the feed.
    await control(emulator, 'GET', '/live');
    await new Promise((resolve) => setTimeout(resolve, 400));
    const truth = (await control(emulator, 'GET', '/live')) as Truth;
    const state = under.feed.state();
    expect(state.queues.map((queue) => queue.id).sort()).toEqual(
      truth.queues.map((queue) => queue.id).sort(),
    );
    let waitingSeen = 0;
    for (const queue of truth.queues) {
      const mine = state.queues.find((q) => q.id === queue.id)!;
      // Callers who were waiting before the subscription cannot be known (REST has no waiting list).
      const knowable = queue.waiting.filter((caller) => caller.since >= subscribedAt);
      const mineKnowable = mine.waiting.filter((caller) => caller.since >= subscribedAt);
      expect(mineKnowable).toEqual(
        knowable.map(({ telephonySessionId, since }) => ({ telephonySessionId, since })),
      );
      waitingSeen += knowable.length;
      for (const member of queue.members) {
        const agent = state.agents.find((a) => a.id === member.id);
        expect({ id: member.id, activity: agent?.activity }).toEqual({
          id: member.id,
          activity: member.activity,
        });
        expect(agent?.queues).toContain(queue.id);
      }
    }
    expect(state.agents.length).toBeGreaterThan(0);
    expect(waitingSeen + state.agents.filter((a) => a.activity !== 'available').length).toBeGreaterThan(0);
    expect(under.logs.join('\n')).not.toContain(under.accessToken());
  });

  it('goes stale when the socket drops and back to live after recovery', async () => {
    const under = await started();
    await waitFor(() => isLive(under));
    const readsBefore = await presenceReads();
    await control(emulator, 'POST', '/ws/faults', { action: 'drop', recoverable: false });
    await waitFor(() => under.feed.status().state === 'stale', { timeoutMs: 3_000 });
    expect(under.feed.status().message).toMatch(/since \d{4}-/);
    await waitFor(() => isLive(under), { timeoutMs: 15_000, explain: () => under.logs.join('\n') });
    // The session could not be recovered: what happened meanwhile is read again over REST.
    await waitFor(async () => (await presenceReads()) > readsBefore, { timeoutMs: 5_000 });
  });

  it('marks a stalled socket stale within one heartbeat interval, then recovers', async () => {
    const under = await started({ heartbeatIntervalMs: 1_500 });
    await waitFor(() => isLive(under));
    await control(emulator, 'POST', '/clock', { speed: 0 }); // no events: only heartbeats keep it live
    const stalledAt = Date.now();
    await control(emulator, 'POST', '/ws/faults', { action: 'stall', seconds: 2 });
    await waitFor(() => under.feed.status().state === 'stale', { timeoutMs: 4_000 });
    expect(Date.now() - stalledAt).toBeLessThanOrEqual(1_500 + 500);
    await waitFor(() => isLive(under), { timeoutMs: 15_000, explain: () => under.logs.join('\n') });
  });

  for (const missing of LACKING) {
    it(`an app without ${missing} is unavailable naming exactly ${missing}`, async () => {
      const under = await started({ app: liveApp(`no-${missing}`) });
      const status = await waitFor(
        () => (under.feed.status().state === 'unavailable' ? under.feed.status() : null),
        {
          timeoutMs: 10_000,
          explain: () => `${JSON.stringify(under.feed.status())} ${under.logs.join('\n')}`,
        },
      );
      expect(status.missingPermissions).toEqual([missing]);
      expect(status.message).toContain(missing);
    });
  }
});
