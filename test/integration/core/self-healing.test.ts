import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../../emulator/emulator';
import type { FaultRuleInput } from '../../../emulator/http/faults';
import { Screens, light, untilLive, type Screen } from '../../support/account-screen';
import { waitFor } from '../../support/wait-for';

/**
 * An unattended screen holding a JWT (a hub's CALLBOARD_RC_* account) against the emulator with
 * RingCentral's real Auth limit (5 token requests a minute), through every way a session is lost:
 * every token expired, a routine renewal during a 60 s token-endpoint outage, a revocation during a
 * 60 s outage, revocations 10 s apart, a first sign-in dropped, a start while RingCentral is down.
 * Each ends Live by itself within two minutes of the fault ending, never showing "Sign-in needed",
 * and never more than 5 Auth-group requests in any minute (faulted ones counted). A JWT the platform
 * refuses ends in "Sign-in needed" naming the cause. The scenarios run side by side (each its own
 * emulator and core) so the whole file takes about as long as the longest.
 */

const MINUTE = 60_000;
const OUTAGE_MS = 60_000;
const TOKEN = '/restapi/oauth/token';
const SCENARIO_TIMEOUT = 5 * MINUTE;

const screens = new Screens();
afterAll(() => screens.stop());

async function outage(s: Screen, rule: FaultRuleInput, during: () => Promise<unknown> = async () => {}) {
  const [id] = s.emulator.faults.add([rule]);
  await during();
  await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
  s.emulator.faults.clear();
  return id;
}

function expectHealed(s: Screen, recoveredInMs: number): void {
  expect(recoveredInMs).toBeLessThan(2 * MINUTE);
  expect(s.states).not.toContain('signInNeeded');
  expect(s.emulator.stats.peakInWindow('auth')).toBeLessThanOrEqual(5);
  expect(s.core.connectionStatus().state).toBe('signedIn');
}

const down503: FaultRuleInput = { match: { path: TOKEN }, fault: { type: 'status', status: 503 } };

describe.concurrent('a screen holding a JWT heals itself', () => {
  it(
    'after every token, the refresh token included, expired',
    async () => {
      const s = await screens.start('expired');
      await untilLive(s);
      s.emulator.oauth.expireAll(true);
      expectHealed(s, await untilLive(s));
      expect(s.lines.some((line) => /signing in again with the stored JWT/.test(line))).toBe(true);
    },
    SCENARIO_TIMEOUT,
  );

  it(
    'after a routine renewal met a 60 s token-endpoint outage (503)',
    async () => {
      // Access tokens last 90 s and are renewed a minute before they lapse: one falls in the outage.
      const s = await screens.start('renewal', { emulator: { accessTokenTtl: 90 } });
      await untilLive(s);
      await outage(s, down503, async () => {
        await waitFor(() => light(s) === 'delayed' && s.states.includes('reconnecting'), {
          timeoutMs: 2 * MINUTE,
        });
        // Said as it is: RingCentral's sign-in service is struggling, not "Sign-in needed".
        expect(s.core.snapshot()?.status.message).toMatch(/^Reconnecting to RingCentral… .*HTTP 503/);
      });
      expectHealed(s, await untilLive(s));
    },
    SCENARIO_TIMEOUT,
  );

  it(
    'after a revocation during a 60 s token-endpoint outage',
    async () => {
      const s = await screens.start('revoked-outage');
      await untilLive(s);
      await outage(s, down503, async () => {
        s.emulator.oauth.revokeAll();
        await waitFor(() => s.states.includes('reconnecting'), { timeoutMs: MINUTE });
      });
      // Meanwhile the tiles kept their values with their age: nothing was replaced.
      expect(s.core.snapshot()?.boards[0]?.tiles.some((tile) => tile.asOf !== null)).toBe(true);
      expectHealed(s, await untilLive(s));
    },
    SCENARIO_TIMEOUT,
  );

  it(
    'after six revocations 10 s apart',
    async () => {
      const s = await screens.start('revocations');
      await untilLive(s);
      for (let i = 0; i < 6; i++) {
        s.emulator.oauth.revokeAll();
        await new Promise((resolve) => setTimeout(resolve, 10_000));
      }
      expectHealed(s, await untilLive(s));
    },
    SCENARIO_TIMEOUT,
  );

  it(
    'when its very first token request was dropped',
    async () => {
      const emulator = await startEmulator({ port: 0, seed: 3, log: () => {} });
      emulator.faults.add([{ match: { path: TOKEN }, fault: { type: 'drop' }, times: 1 }]);
      const s = await screens.startOn('first-dropped', emulator);
      expectHealed(s, await untilLive(s));
      expect(emulator.stats.snapshot().faultsApplied).toBe(1);
    },
    SCENARIO_TIMEOUT,
  );

  it(
    'when it started while RingCentral could not be reached',
    async () => {
      const probe = await startEmulator({ port: 0, seed: 3, log: () => {} });
      const port = probe.port;
      await probe.stop();
      const s = await screens.startOn('started-down', probe, { url: `http://127.0.0.1:${port}` });
      await waitFor(() => s.core.connectionStatus().state === 'reconnecting', { timeoutMs: MINUTE });
      await waitFor(() => light(s) === 'offline', { timeoutMs: 5_000 });
      expect(s.core.snapshot()?.status.message).toMatch(/^Reconnecting to RingCentral… Cannot reach/);
      await new Promise((resolve) => setTimeout(resolve, 20_000));
      const emulator = await startEmulator({ port, seed: 3, log: () => {} });
      screens.onStop(() => emulator.stop());
      expectHealed({ ...s, emulator }, await untilLive(s));
    },
    SCENARIO_TIMEOUT,
  );

  it(
    'but not with a JWT RingCentral refuses: Sign-in needed, in RingCentral’s words',
    async () => {
      const s = await screens.start('refused', { jwt: 'a-jwt-the-platform-never-issued' });
      await waitFor(() => light(s) === 'signInNeeded', { timeoutMs: 2 * MINUTE });
      expect(s.core.snapshot()?.status.message).toMatch(/Invalid JWT assertion \(OAU-144\)/);
      expect(s.emulator.stats.snapshot().requests.byGroup['auth']).toBe(1); // refused once, not retried
    },
    SCENARIO_TIMEOUT,
  );
});
