import { describe, expect, it } from 'vitest';
import { LiveFeed } from '../../../../main/core/live/live-feed';
import { VirtualClock } from '../../../support/virtual-clock';

/** Bad input from the network gets a clear log line and is ignored; it never throws into the core. */

function feed() {
  const logs: string[] = [];
  const live = new LiveFeed({
    platform: () => null,
    clock: new VirtualClock(Date.parse('2026-11-24T09:00:00Z')),
    log: (line) => logs.push(line),
    queues: ['3001'],
  });
  const deliver = (raw: unknown) =>
    (live as unknown as { onNotification(raw: unknown): void }).onNotification(raw);
  return { live, logs, deliver };
}

describe('malformed live events', () => {
  it.each([
    ['not an object', 'junk'],
    [
      'a telephony event without parties',
      { event: '/restapi/v1.0/account/1/telephony/sessions', body: { telephonySessionId: 's', sequence: 1 } },
    ],
    [
      'a presence event with a wrong type',
      { event: '/restapi/v1.0/account/1/extension/1001/presence', body: { sequence: 'x' } },
    ],
  ])('%s is logged and ignored', (_, raw) => {
    const { live, logs, deliver } = feed();
    expect(() => deliver(raw)).not.toThrow();
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/^live: .* malformed \(.+\), ignored$/);
    expect(live.state()).toEqual({ queues: [], agents: [] });
  });

  it('a start while signed out retries later and never throws', async () => {
    const { live, logs } = feed();
    live.start();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(live.status().state).toBe('connecting');
    expect(logs.join('\n')).toContain('not signed in');
    await live.stop();
    expect(live.status().state).toBe('off');
  });
});
