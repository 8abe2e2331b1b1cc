import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryWaitMs } from '../../../../main/core/poller/retry-after';
import { START, harness, ok, query, status } from './poller-harness';

/** A 429's Retry-After, both RFC 9110 forms and junk, and the hour Callboard waits at most. */

const NOW = Date.parse('2026-11-24T10:00:00Z');

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP-dates (a date in the past asks for no wait)', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter('1.5', NOW)).toBe(1.5);
    expect(parseRetryAfter('Tue, 24 Nov 2026 10:05:00 GMT', NOW)).toBe(300);
    expect(parseRetryAfter('Tue Nov 24 10:00:30 2026', Date.parse('2026-11-24T10:00:00'))).toBe(30);
    expect(parseRetryAfter('Tue, 24 Nov 2026 09:00:00 GMT', NOW)).toBe(0);
  });

  it('gives null for what it cannot read, so the default applies', () => {
    for (const junk of [undefined, null, '', '-5', 'soon', '1e3', '0x10', 'Mon, 99 Foo 2026 GMT'])
      expect(parseRetryAfter(junk, NOW), String(junk)).toBeNull();
  });
});

describe('retryWaitMs', () => {
  it('waits what was asked, 60 s when nothing readable was, and an hour at most', () => {
    expect(retryWaitMs(5)).toBe(5_000);
    expect(retryWaitMs(null)).toBe(60_000);
    expect(retryWaitMs(-1)).toBe(60_000);
    expect(retryWaitMs(3_600)).toBe(3_600_000);
    expect(retryWaitMs(365 * 86_400)).toBe(3_600_000);
  });
});

describe('the poller and a Retry-After', () => {
  /** The poller's second request after a first 429 carrying `retryAfter`, in ms since the 429. */
  async function nextRequestAfter(retryAfter: string, runMs = 3 * 3_600_000) {
    const h = harness(({ count }) => (count === 1 ? status(429, {}, { 'retry-after': retryAfter }) : ok(4)));
    h.poller.setPlan([query('a', 60_000)]);
    h.poller.setActive(true);
    await h.run(1);
    const penalty = h.budget.figures(h.clock.now()).penalty;
    await h.run(runMs);
    return { h, penalty, second: (h.sent[1]?.at ?? Infinity) - START };
  }

  it('stops a year-long Retry-After at an hour, and the budget says what was asked', async () => {
    const { h, penalty, second } = await nextRequestAfter(String(365 * 86_400));
    expect(penalty).toEqual({ askedSeconds: 365 * 86_400, until: START + 3_601_000 });
    expect(second).toBe(3_601_000);
    expect(h.valueOf('a')).toBe(4);
    expect(h.budget.figures(h.clock.now()).penalty).toBeNull();
  });

  it('honours an HTTP-date, counted from when the answer arrived', async () => {
    const at = new Date(START + 90_000).toUTCString();
    const { penalty, second } = await nextRequestAfter(at);
    expect(penalty).toEqual({ askedSeconds: 90, until: START + 91_000 });
    expect(second).toBe(91_000);
  });

  it('waits the default 60 s for a negative or unreadable Retry-After', async () => {
    for (const junk of ['-5', 'later']) {
      const { penalty, second } = await nextRequestAfter(junk);
      expect(penalty).toEqual({ askedSeconds: null, until: START + 61_000 });
      expect(second).toBe(61_000);
    }
  });
});
