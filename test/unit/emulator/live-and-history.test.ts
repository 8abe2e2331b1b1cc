import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEGMENT_KEYS } from '../../../emulator/analytics/vocabulary';
import { demoDirectory } from '../../../emulator/data/demo-directory';
import { Directory } from '../../../emulator/data/directory';
import { startEmulator, type Emulator } from '../../../emulator/emulator';
import { centreSetup } from '../../../emulator/synthetic/day';
import { simulateDay } from '../../../emulator/synthetic/simulate-day';

/**
 * The synthetic centre writes each call's live script from the same numbers as its analytics call:
 * the live side changes nothing in the analytics (same seed, same calls), every call is live from
 * its start until exactly its end and in the analytics from then on, and the time a caller waited in
 * the queue live is the queue leg's ringing seconds in the analytics.
 */

const directory = new Directory(demoDirectory());
const setup = centreSetup(directory, 1);
const tuesday = DateTime.fromISO('2026-11-24T00:00:00', { zone: 'Europe/London' });
const RINGING = SEGMENT_KEYS.indexOf('ringing');

describe('live scripts and the analytics they come with', () => {
  const day = simulateDay(setup, { seed: 42, openEveryDay: false }, tuesday, true);

  it('leave the analytics calls as they were', () => {
    const history = simulateDay(setup, { seed: 42, openEveryDay: false }, tuesday, false);
    expect(day.calls).toEqual(history.calls);
    expect(history.live).toBeNull();
  });

  it('give every call a script that ends exactly when the call does', () => {
    const scripts = new Map(day.live!.map((live) => [live.callId, live]));
    expect(scripts.size).toBe(day.calls.length);
    for (const call of day.calls) {
      const live = scripts.get(call.id)!;
      expect(live.start, call.id).toBe(call.start);
      expect(live.end, call.id).toBe(call.start + call.duration * 1000);
      expect(live.events.map((e) => e.sequence)).toEqual(live.events.map((_, i) => i + 1));
    }
  });

  it('make the live wait in the queue the queue leg’s ringing seconds', () => {
    let compared = 0;
    const calls = new Map(day.calls.map((call) => [call.id, call]));
    for (const live of day.live!) {
      const queueParty = live.parties.find((p) => p.role === 'queue');
      const waited = queueParty?.steps.find((s) => s.code === 'Proceeding');
      const left = queueParty?.steps.find((s) => s.code !== 'Proceeding' && s.at > (waited?.at ?? Infinity));
      if (!queueParty || !waited || !left) continue;
      const leg = calls.get(live.callId)!.legs.find((l) => l.extensionId === queueParty.extensionId)!;
      expect((left.at - waited.at) / 1000, live.callId).toBe(leg.segments[RINGING]);
      compared++;
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('schedule agents away on breaks and nobody on a closed Sunday', () => {
    const ann = day.schedules!.find((s) => s.agentId === '1001')!;
    expect(ann.spans.filter((s) => s.availability === 'away')).toHaveLength(3);
    const sunday = simulateDay(setup, { seed: 42, openEveryDay: false }, tuesday.minus({ days: 2 }), true);
    expect(sunday.schedules!.every((s) => s.spans.length === 0)).toBe(true);
  });
});

describe('the emulator at one instant', () => {
  let emulator: Emulator;
  const NOON = Date.parse('2026-11-24T11:30:00Z');

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, seed: 42, now: NOON, speed: 0, historyDays: 1, log: () => {} });
  });
  afterAll(async () => {
    await emulator.stop();
  });

  const storedIds = () => {
    const { calls, begin, end } = emulator.store.range(0, Number.MAX_SAFE_INTEGER);
    return new Set(calls.slice(begin, end).map((call) => call.id));
  };

  it('holds a call either live or in the analytics, never both, and moves it when it ends', () => {
    let waitingIds: string[] = [];
    let at = NOON;
    // Find an instant with callers waiting (the clock holds still between looks).
    for (let step = 0; step < 240 && waitingIds.length === 0; step++) {
      at = NOON + step * 15_000;
      emulator.clock.set({ now: at });
      emulator.dataNow();
      waitingIds = emulator.directory
        .ofType('Department')
        .flatMap((q) => emulator.live.waiting(q.id).map((w) => w.call.callId));
    }
    expect(waitingIds.length).toBeGreaterThan(0);
    const stored = storedIds();
    for (const id of waitingIds) expect(stored.has(id), id).toBe(false);
    emulator.clock.set({ now: at + 2 * 3_600_000 });
    emulator.dataNow();
    const later = storedIds();
    for (const id of waitingIds) expect(later.has(id), id).toBe(true);
  });
});
