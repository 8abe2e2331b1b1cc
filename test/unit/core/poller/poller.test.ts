import { describe, expect, it } from 'vitest';
import { START, harness, maxInWindow, ok, query, status } from './poller-harness';

describe('Poller scheduling', () => {
  it('refreshes each query at its own interval', async () => {
    const h = harness(({ count }) => ok(count));
    h.poller.setPlan([query('fast', 60_000), query('slow', 180_000)]);
    h.poller.setActive(true);
    await h.run(10 * 60_000);
    const fast = h.sent.filter((s) => s.queryId === 'fast').map((s) => s.at - START);
    const slow = h.sent.filter((s) => s.queryId === 'slow').map((s) => s.at - START);
    expect(fast).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((m) => m * 60_000));
    expect(slow).toEqual([0, 3, 6, 9].map((m) => m * 60_000));
    expect(h.valueOf('fast')).toBe(11);
  });

  it('sends nothing while paused and catches up on resume', async () => {
    const h = harness(() => ok(1));
    h.poller.setPlan([query('a')]);
    await h.run(5 * 60_000);
    expect(h.sent).toHaveLength(0);
    h.poller.setActive(true);
    await h.run(1);
    expect(h.sent).toHaveLength(1);
    h.poller.setActive(false);
    await h.run(5 * 60_000);
    expect(h.sent).toHaveLength(1);
  });

  it('fetches every page of a query and merges the records', async () => {
    const h = harness(({ page }) => ok(page, 3));
    h.poller.setPlan([query('paged')]);
    h.poller.setActive(true);
    await h.run(1);
    expect(h.sent.map((s) => s.page)).toEqual([1, 2, 3]);
    expect(
      h.poller
        .states()
        .get('paged')
        ?.records?.map((r) => r.counters['allCalls']),
    ).toEqual([1, 2, 3]);
  });

  it('lands a refresh that was on the wire when the plan changed, and keeps refreshing it', async () => {
    let release: (() => void) | null = null;
    const h = harness(({ queryId, count }) =>
      queryId === 'a' && count === 1 ? new Promise((resolve) => (release = () => resolve(ok(3)))) : ok(4),
    );
    h.poller.setPlan([query('a', 60_000)]);
    h.poller.setActive(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(h.sent).toHaveLength(1);
    // A replan (names arrived, settings saved) while the first answer is still outstanding.
    h.poller.setPlan([query('a', 30_000), query('b', 30_000)]);
    release!();
    await h.run(1_000);
    expect(h.valueOf('a')).toBe(3);
    await h.run(60_000);
    expect(h.valueOf('a')).toBe(4);
  });

  it('applies a shorter refresh interval from the last answer, not after the old wait', async () => {
    const h = harness(() => ok(1));
    h.poller.setPlan([query('a', 60_000)]);
    h.poller.setActive(true);
    await h.run(5_000);
    h.poller.setPlan([query('a', 15_000)]);
    await h.run(30_000);
    expect(h.sent.map((s) => s.at - START)).toEqual([0, 15_000, 30_000]);
  });

  it('keeps state for queries that survive a replan and drops the others', async () => {
    const h = harness(({ count }) => ok(count));
    h.poller.setPlan([query('a'), query('b')]);
    h.poller.setActive(true);
    await h.run(1);
    h.poller.setPlan([query('a'), query('c')]);
    expect(h.valueOf('a')).toBe(1);
    expect(h.poller.states().has('b')).toBe(false);
    expect(h.poller.states().get('c')?.records).toBeNull();
  });
});

describe('Poller rate budget', () => {
  it('never spends more than its share of the limit in any 60 s window', async () => {
    const h = harness(() => ok(1));
    // 12 queries every 15 s would be 48 requests a minute; 60% of 50 allows 30.
    h.poller.setPlan(Array.from({ length: 12 }, (_, i) => query(`q${i}`, 15_000)));
    h.poller.setActive(true);
    await h.run(30 * 60_000);
    const times = h.sent.map((s) => s.at);
    expect(maxInWindow(times, 60_000)).toBe(30);
    expect(h.sent.length).toBeGreaterThan(25 * 30);
  });

  it('honours Retry-After: no request during the penalty, then recovers', async () => {
    const h = harness(({ at }) =>
      at >= START + 60_000 && at < START + 61_000 ? status(429, {}, { 'retry-after': '60' }) : ok(7),
    );
    h.poller.setPlan([query('a', 60_000), query('b', 60_000)]);
    h.poller.setActive(true);
    await h.run(5 * 60_000);
    const limited = h.sent.find((s) => s.at === START + 60_000);
    expect(limited).toBeDefined();
    const during = h.sent.filter((s) => s.at > START + 60_000 && s.at < START + 121_000);
    expect(during).toEqual([]);
    const after = h.sent.filter((s) => s.at >= START + 121_000);
    expect(after.length).toBeGreaterThan(0);
    expect(h.poller.states().get('a')?.error).toBeNull();
    expect(h.valueOf('a')).toBe(7);
  });

  it('waits only for Retry-After when a 429 also says nothing remains', async () => {
    const h = harness(({ count }) =>
      count === 1
        ? status(429, {}, { 'retry-after': '3', 'x-rate-limit-limit': '50', 'x-rate-limit-remaining': '0' })
        : ok(1),
    );
    h.poller.setPlan([query('a', 60_000)]);
    h.poller.setActive(true);
    await h.run(30_000);
    const times = h.sent.map((s) => s.at - START);
    // The 429's Remaining: 0 describes the penalty; reading it as others' usage would add 24 s more.
    expect(times[1]).toBeGreaterThanOrEqual(3_000);
    expect(times[1]).toBeLessThan(5_000);
  });

  it('holds off when the server reports the shared budget used up by others', async () => {
    const h = harness(({ count }) => (count === 2 ? ok(1, 1, { 'x-rate-limit-remaining': '5' }) : ok(1)));
    h.poller.setPlan([query('a', 15_000)]);
    h.poller.setActive(true);
    await h.run(60_000);
    const times = h.sent.map((s) => s.at - START);
    // After the second answer (t=15 s) says 5 left of 50, 60% share leaves a reserve of 20:
    // 15 requests' worth of the window (15 × 1.2 s = 18 s) must pass first.
    expect(times.slice(0, 3)).toEqual([0, 15_000, 33_000]);
  });
});

describe('Poller failures', () => {
  it('backs off with growing delays on 5xx, keeps the last good value, then recovers', async () => {
    const h = harness(({ count }) => (count >= 2 && count <= 4 ? status(503) : ok(count)));
    h.poller.setPlan([query('a', 60_000)]);
    h.poller.setActive(true);
    await h.run(60_000);
    const failing = h.poller.states().get('a');
    expect(failing?.error).toMatch(/HTTP 503/);
    expect(failing?.records?.[0]?.counters['allCalls']).toBe(1);
    await h.run(10 * 60_000);
    const gaps = h.sent.slice(1, 5).map((s, i, all) => (i === 0 ? 0 : s.at - (all[i - 1]?.at ?? 0)));
    // random() = 0.5: base + half of (ceiling − base): 5 s, 7.5 s, 12.5 s.
    expect(gaps.slice(1)).toEqual([5_000, 7_500, 12_500]);
    expect(h.poller.states().get('a')?.error).toBeNull();
    expect(h.valueOf('a')).toBeGreaterThan(4);
  });

  it('shows the API error in its own words and retries slowly when a query is rejected', async () => {
    const rejection = {
      errors: [
        { errorCode: 'CMN-101', message: 'Parameter [timeZone] value is invalid', parameterName: 'timeZone' },
      ],
    };
    const h = harness(({ queryId }) => (queryId === 'bad' ? status(400, rejection) : ok(1)));
    h.poller.setPlan([query('bad'), query('good')]);
    h.poller.setActive(true);
    await h.run(4 * 60_000);
    expect(h.poller.states().get('bad')?.error).toBe(
      'RingCentral refused the query: Parameter [timeZone] value is invalid (CMN-101)',
    );
    expect(h.sent.filter((s) => s.queryId === 'bad')).toHaveLength(1);
    expect(h.sent.filter((s) => s.queryId === 'good')).toHaveLength(5);
  });

  it('keeps the last good value and reports an unreadable answer', async () => {
    const h = harness(({ count }) => (count === 2 ? status(200, { nonsense: true }) : ok(count)));
    h.poller.setPlan([query('a')]);
    h.poller.setActive(true);
    await h.run(60_000);
    const state = h.poller.states().get('a');
    expect(state?.error).toMatch(/cannot read: records: expected an array/);
    expect(state?.records?.[0]?.counters['allCalls']).toBe(1);
  });

  it('does not let a hanging query stall the others', async () => {
    const h = harness(({ queryId }) => (queryId === 'stuck' ? new Promise(() => {}) : ok(1)));
    h.poller.setPlan([query('stuck'), query('fine')]);
    h.poller.setActive(true);
    // The stuck request never settles; drive time by hand instead of waiting for idleness.
    for (let i = 0; i < 10; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      h.clock.fireNext(h.clock.now() + 60_000);
    }
    expect(h.sent.filter((s) => s.queryId === 'fine').length).toBeGreaterThanOrEqual(5);
    expect(h.sent.filter((s) => s.queryId === 'stuck')).toHaveLength(1);
  });

  it('treats network loss and timeouts as transient', async () => {
    const errors = ['NetworkError', 'TimeoutError'];
    const h = harness(({ count }) => {
      const name = errors[count - 1];
      if (name) throw Object.assign(new Error('x'), { name });
      return ok(count);
    });
    h.poller.setPlan([query('a')]);
    h.poller.setActive(true);
    await h.run(1);
    expect(h.poller.states().get('a')?.error).toMatch(/network problem/);
    await h.run(5_000);
    expect(h.poller.states().get('a')?.error).toMatch(/did not answer in time/);
    await h.run(10_000);
    expect(h.poller.states().get('a')?.error).toBeNull();
    expect(h.valueOf('a')).toBe(3);
  });

  it('never backs off beyond a query’s own interval, so it is fresh within one refresh of an outage ending', async () => {
    let down = true;
    const h = harness(() => (down ? status(503) : ok(1)));
    h.poller.setPlan([query('a', 15_000)]);
    h.poller.setActive(true);
    await h.run(30 * 60_000); // half an hour of 5xx: the backoff alone would reach 5 minutes
    const gaps = h.sent.slice(1).map((s, i) => s.at - h.sent[i]!.at);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(15_000);
    down = false;
    const endedAt = h.clock.now();
    await h.run(15_000);
    const state = h.poller.states().get('a');
    expect(state?.error).toBeNull();
    expect((state?.fetchedAt ?? Infinity) - endedAt).toBeLessThanOrEqual(15_000);
  });
});
