import { afterAll, describe, expect, it } from 'vitest';
import type { BoardSnapshot } from '../../../contract/snapshot';
import { startEmulator } from '../../../emulator/emulator';
import { Screens, untilLive, type Screen } from '../../support/account-screen';
import { waitFor } from '../../support/wait-for';

/**
 * Honest waiting: a screen (the whole core, against the emulator) gets a 429 whose Retry-After asks
 * it to wait a few seconds, in delay-seconds or as an HTTP-date. It sends nothing to RingCentral
 * until then (counted at the emulator), the snapshot says Delayed with `resumesAt` and what was
 * asked, in the boards' zone (Europe/London here), the tiles keep their values and ages, and once
 * the wait is over polling resumes and the board is Live again. Both run side by side.
 */

const ANALYTICS = '/analytics/';
const MARGIN_MS = 1_000;

const screens = new Screens();
afterAll(() => screens.stop());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

const analyticsSent = (s: Screen) =>
  Object.entries(s.emulator.stats.snapshot().requests.byPath)
    .filter(([path]) => path.includes(ANALYTICS))
    .reduce((sum, [, count]) => sum + count, 0);

/** The time as the board's header shows it, computed here independently of the core. */
const londonTime = (at: number) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(at);

function record(s: Screen): BoardSnapshot[] {
  const seen: BoardSnapshot[] = [];
  s.core.onSnapshot((snapshot) => seen.push(snapshot));
  return seen;
}

/** The first snapshot that says polling is waiting, and when it was seen. */
async function untilWaiting(s: Screen): Promise<{ snapshot: BoardSnapshot; seenAt: number }> {
  const snapshot = await waitFor(() => (s.core.snapshot()?.status.resumesAt ? s.core.snapshot() : null), {
    timeoutMs: 30_000,
    intervalMs: 20,
    explain: () => JSON.stringify(s.core.snapshot()?.status),
  });
  return { snapshot, seenAt: Date.now() };
}

/**
 * Lets requests already on the wire when the 429 came back land, then checks that nothing reaches
 * the emulator until the snapshot's resumesAt, and that polling resumes after it and goes Live.
 */
async function expectSilenceThenLive(s: Screen): Promise<void> {
  await s.core.activePoller?.whenIdle();
  await sleep(200);
  const resumesAt = Date.parse(s.core.snapshot()?.status.resumesAt ?? '');
  expect(resumesAt).toBeGreaterThan(Date.now());
  const sent = analyticsSent(s);
  const duringPenalty = s.emulator.stats.snapshot().requestsDuringPenalty;
  await sleep(resumesAt - Date.now() - 150);
  expect(analyticsSent(s)).toBe(sent);
  await untilLive(s, 30_000);
  expect(Date.now()).toBeGreaterThanOrEqual(resumesAt);
  expect(analyticsSent(s)).toBeGreaterThan(sent);
  expect(s.emulator.stats.snapshot().requestsDuringPenalty).toBe(duringPenalty);
  expect(s.core.snapshot()?.status).toEqual({ light: 'live', message: null, resumesAt: null });
}

describe.concurrent('when RingCentral asks Callboard to wait', () => {
  it('with Retry-After: 3 it sends nothing for 3 s, says so with the time, keeps values, then is Live', async () => {
    const s = await screens.start('retry-after-seconds');
    const snapshots = record(s);
    await untilLive(s);
    // A penalty at the emulator: every request in it is refused again and restarts it.
    s.emulator.faults.add([{ match: { path: ANALYTICS }, fault: { type: 'penalty', seconds: 3 }, times: 1 }]);
    const { snapshot, seenAt } = await untilWaiting(s);
    const resumesAt = Date.parse(snapshot.status.resumesAt ?? '');
    expect(resumesAt - seenAt).toBeGreaterThan(3_000 - 200);
    expect(resumesAt - seenAt).toBeLessThanOrEqual(3_000 + MARGIN_MS);
    expect(snapshot.status.light).toBe('delayed');
    expect(snapshot.status.message).toBe(
      `RingCentral asked Callboard to wait 3 s (rate limit); numbers resume at ${londonTime(resumesAt)}`,
    );
    // The refused tiles keep their last good values and the age they had.
    const before = snapshots
      .filter((x) => x.sequence < snapshot.sequence && x.status.light === 'live')
      .at(-1);
    const tiles = (x: BoardSnapshot | undefined) =>
      new Map(x?.boards.flatMap((board) => board.tiles.map((tile) => [`${board.id}/${tile.id}`, tile])));
    const refused = [...tiles(snapshot)].filter(([, tile]) => tile.error !== null);
    expect(refused.length).toBeGreaterThan(0);
    for (const [id, tile] of refused) {
      const was = tiles(before).get(id);
      expect(tile.asOf).not.toBeNull();
      expect({ asOf: tile.asOf, rows: tile.rows }).toEqual({ asOf: was?.asOf, rows: was?.rows });
    }
    await expectSilenceThenLive(s);
    expect(s.emulator.stats.snapshot().responses.byStatus['429']).toBeGreaterThanOrEqual(1);
  }, 90_000);

  it('with Retry-After as an HTTP-date it waits until that time (plus a second) and says so', async () => {
    const emulator = await startEmulator({ port: 0, seed: 3, log: () => {} });
    // Whole seconds, as an HTTP-date has them; the screen's first request meets it.
    const until = Math.floor((Date.now() + 8_000) / 1000) * 1000;
    const retryAfter = new Date(until).toUTCString();
    emulator.faults.add([
      { match: { path: ANALYTICS }, fault: { type: 'status', status: 429, retryAfter }, times: 1 },
    ]);
    const s = await screens.startOn('retry-after-date', emulator);
    const { snapshot } = await untilWaiting(s);
    const resumesAt = Date.parse(snapshot.status.resumesAt ?? '');
    expect(resumesAt).toBeGreaterThanOrEqual(until + MARGIN_MS);
    expect(resumesAt).toBeLessThan(until + MARGIN_MS + 1_000);
    expect(snapshot.status.light).toBe('delayed');
    expect(snapshot.status.message).toMatch(
      new RegExp(
        `^RingCentral asked Callboard to wait [1-8] s \\(rate limit\\); numbers resume at ${londonTime(resumesAt)}$`,
      ),
    );
    await expectSilenceThenLive(s);
  }, 90_000);
});
