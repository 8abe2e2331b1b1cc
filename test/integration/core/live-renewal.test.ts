import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator/emulator';
import { control, liveEmulator, signedInFeed } from '../../support/live-feed-harness';
import { waitFor } from '../../support/wait-for';

/**
 * Subscription lifetime with the real @ringcentral/subscriptions: @rc-ex/ws never renews a
 * subscription, so the feed does, before it expires; one that lapsed anyway is made anew.
 */

interface GatewayState {
  subscriptions: Array<{ id: string; status: string; expirationTime: string }>;
}

let emulator: Emulator;

beforeAll(async () => {
  emulator = await liveEmulator();
  await control(emulator, 'POST', '/ws/options', { subscriptionTtlSeconds: 3 });
});
afterAll(async () => {
  await emulator.stop();
});

const active = async () =>
  ((await control(emulator, 'GET', '/ws')) as GatewayState).subscriptions.filter(
    (s) => s.status === 'Active' && Date.parse(s.expirationTime) > Date.now(),
  );

describe('live subscription lifetime', () => {
  it('renews the subscription before it expires, and makes a lapsed one anew', async () => {
    const { feed, logs } = await signedInFeed(emulator);
    feed.start();
    try {
      await waitFor(() => feed.status().state === 'live', { explain: () => logs.join('\n') });
      const [first] = await active();
      expect(first).toBeDefined();
      await new Promise((resolve) => setTimeout(resolve, 4_000)); // past the 3 s lifetime
      expect((await active()).map((s) => s.id)).toEqual([first!.id]);

      await control(emulator, 'POST', '/ws/faults', { action: 'expire-subscriptions' });
      const renewed = await waitFor(
        async () => {
          const now = await active();
          return now.length === 1 && now[0]!.id !== first!.id ? now[0] : null;
        },
        { timeoutMs: 5_000, explain: () => logs.join('\n') },
      );
      expect(renewed.id).not.toBe(first!.id);
      expect(feed.status().state).toBe('live');
    } finally {
      await feed.stop();
    }
  });
});

describe('live feed stopped early', () => {
  it('stopping while the socket connects raises nothing unhandled and ends off', async () => {
    const { feed } = await signedInFeed(emulator);
    feed.start();
    await new Promise((resolve) => setTimeout(resolve, 60));
    await feed.stop();
    await new Promise((resolve) => setTimeout(resolve, 500)); // a stray socket error would surface here
    expect(feed.status().state).toBe('off');
  });
});
