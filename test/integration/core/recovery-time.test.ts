import { afterAll, describe, expect, it } from 'vitest';
import type { Fault } from '../../../emulator/http/faults';
import { Screens, light, untilLive } from '../../support/account-screen';
import { waitFor } from '../../support/wait-for';

/**
 * How long the board takes to be Live again after an analytics fault ends, per kind of fault: the
 * next attempt is never backed off beyond the query's own refresh interval (15 s here), so every
 * kind is back within one refresh whatever the outage's length. Figures are printed as measured.
 */

const REFRESH_MS = 15_000;
const FAULT_MS = 30_000;
/** One refresh, plus the request that then has to be answered and the snapshot coalescing. */
const WITHIN_MS = REFRESH_MS + 5_000;

const screens = new Screens();
const measured: string[] = [];
afterAll(async () => {
  console.log(`Live again after the fault ended (refresh ${REFRESH_MS / 1000} s):\n${measured.join('\n')}`);
  await screens.stop();
});

const FAULTS: Array<[string, Fault]> = [
  ['dropped connections', { type: 'drop' }],
  ['no answer (hang)', { type: 'hang' }],
  ['HTTP 503', { type: 'status', status: 503 }],
  ['malformed JSON', { type: 'malformed' }],
  ['schema-violating JSON', { type: 'schema' }],
];

describe.concurrent('after an analytics fault of 30 s ends', () => {
  for (const [name, fault] of FAULTS) {
    it(`the board is Live within one refresh: ${name}`, async () => {
      const s = await screens.start(name.replace(/\W+/g, '-'), { polling: { requestTimeoutSeconds: 5 } });
      await untilLive(s);
      s.emulator.faults.add([{ match: { path: '/analytics/' }, fault }]);
      await waitFor(() => light(s) !== 'live', { timeoutMs: 60_000, intervalMs: 100 });
      await new Promise((resolve) => setTimeout(resolve, FAULT_MS));
      s.emulator.faults.clear();
      const took = await untilLive(s, 60_000);
      measured.push(`  ${name.padEnd(24)} ${(took / 1000).toFixed(1)} s`);
      expect(took).toBeLessThanOrEqual(WITHIN_MS);
    }, 180_000);
  }
});
