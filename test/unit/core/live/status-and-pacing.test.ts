import { describe, expect, it } from 'vitest';
import { LiveStatusTracker } from '../../../../main/core/live/live-status';
import {
  missingMessage,
  missingPermissionOf,
  permissionIn,
} from '../../../../main/core/live/missing-permissions';
import { PacedRequests } from '../../../../main/core/live/paced-requests';
import { renewDelayMs } from '../../../../main/core/live/subscription-socket';
import { VirtualClock } from '../../../support/virtual-clock';

const START = Date.parse('2026-11-24T09:00:00Z');

function tracker(clock: VirtualClock) {
  let changes = 0;
  const t = new LiveStatusTracker({ clock, heartbeatIntervalMs: 30_000, onChange: () => changes++ });
  return { t, changes: () => changes };
}

describe('live status', () => {
  it('connecting until the first state, then live with asOf', () => {
    const clock = new VirtualClock(START);
    const { t } = tracker(clock);
    t.connecting();
    expect(t.status()).toEqual({ state: 'connecting', asOf: null, message: null, missingPermissions: [] });
    t.alive();
    expect(t.status()).toMatchObject({ state: 'live', asOf: new Date(START).toISOString() });
  });

  it('stale after one heartbeat interval of silence, saying since when; live again on the next message', () => {
    const clock = new VirtualClock(START);
    const { t, changes } = tracker(clock);
    t.connecting();
    t.alive();
    expect(clock.fireNext(START + 29_999)).toBe(false);
    expect(t.status().state).toBe('live');
    expect(clock.fireNext(START + 30_000)).toBe(true);
    expect(t.status()).toMatchObject({ state: 'stale', asOf: new Date(START).toISOString() });
    expect(t.status().message).toContain(new Date(START).toISOString());
    t.alive();
    expect(t.status().state).toBe('live');
    expect(changes()).toBe(4); // connecting, live, stale, live
  });

  it('a socket going down is stale at once; before any state it stays connecting', () => {
    const clock = new VirtualClock(START);
    const { t } = tracker(clock);
    t.connecting();
    t.down();
    expect(t.status().state).toBe('connecting');
    t.alive();
    t.down();
    expect(t.status().state).toBe('stale');
  });

  it('unavailable names the missing permissions and is not undone by messages', () => {
    const clock = new VirtualClock(START);
    const { t } = tracker(clock);
    t.connecting();
    t.unavailable(['CallControl']);
    t.alive();
    expect(t.status()).toMatchObject({ state: 'unavailable', missingPermissions: ['CallControl'] });
    expect(t.status().message).toBe(missingMessage(['CallControl']));
  });
});

describe('missing permissions from RingCentral errors', () => {
  it('reads CMN-401 from the response body', async () => {
    const body = JSON.stringify({
      errors: [{ errorCode: 'CMN-401', message: 'x', permissionName: 'ReadPresence' }],
    });
    const error = Object.assign(new Error('403 Forbidden'), {
      response: new Response(body, { status: 403 }),
    });
    expect(await missingPermissionOf(error)).toBe('ReadPresence');
  });

  it('reads the bracketed name in the message and ignores other errors', async () => {
    expect(permissionIn('application needs to have [WebSocket] permission')).toBe('WebSocket');
    expect(permissionIn('application needs to have [Analytics] permission')).toBeNull();
    expect(await missingPermissionOf(new Error('ECONNRESET'))).toBeNull();
  });
});

describe('pacing and renewal', () => {
  it('keeps each rate-limit group inside its own budget', async () => {
    const clock = new VirtualClock(START);
    const sent: Array<[string, number]> = [];
    const requests = new PacedRequests(clock, async (path) => {
      sent.push([path, clock.now()]);
      return { json: {}, headers: {} };
    });
    const lightBudget = requests.budgets.light.budget; // 40 % of 50
    expect(lightBudget).toBe(20);
    const all = Array.from({ length: lightBudget + 1 }, (_, i) => requests.get('light', `/p${i}`));
    const medium = requests.get('medium', '/m');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent.filter(([, at]) => at === START)).toHaveLength(lightBudget + 1); // light's 20 + medium's 1
    await clock.runUntil(START + 61_000, () => new Promise((resolve) => setTimeout(resolve, 0)));
    await Promise.all([...all, medium]);
    const last = sent.find(([path]) => path === `/p${lightBudget}`)!;
    expect(last[1]).toBeGreaterThan(START + 60_000);
  });

  it('renews a subscription well before it expires', () => {
    expect(renewDelayMs(900)).toBe(720_000);
    expect(renewDelayMs(60)).toBe(30_000);
    expect(renewDelayMs(10)).toBe(1_000);
  });
});
