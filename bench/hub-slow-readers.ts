import { megabytes, settledResidentBytes } from '../test/support/process-memory';
import type { Settings } from '../contract/settings';
import {
  adminInvoke,
  churnSettings,
  loadSettings,
  readingStream,
  silentStream,
  startLoadHub,
  watchHealth,
  watchMemory,
} from '../test/support/load-hub';

/**
 * Slow readers against the real hub (`npx tsx bench/hub-slow-readers.ts`): a LAN hub on an emulator
 * account, BENCH_READERS event streams (default 200) that never read, and settings saved as fast as
 * the hub answers for BENCH_SECONDS (default 35) so a new snapshot goes out many times a second
 * (BENCH_COPIES more copies of each default board make it bigger, default 4). One screen that does
 * read joins a third of the way in. BENCH_HUB_ROOT runs the hub of another checkout (a worktree of
 * an older commit, to compare). Prints the hub's resident size (from /proc) before, at its peak
 * and after, the worst health latency, and what the reading screen got. Asserts nothing.
 */

const READERS = Number(process.env['BENCH_READERS'] ?? 200);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 35);
const COPIES = Number(process.env['BENCH_COPIES'] ?? 4);
/** Another checkout to measure instead of this one (e.g. a worktree of an older commit). */
const ROOT = process.env['BENCH_HUB_ROOT'] || undefined;

async function main(): Promise<void> {
  const hub = await startLoadHub('bench', loadSettings({ refreshSeconds: 15, copies: COPIES }), {
    // Under the default cap (500) the option is left out, so a checkout from before it can be measured.
    args: READERS + 1 > 500 ? ['--max-screens', String(READERS + 1)] : [],
    root: ROOT,
  });
  try {
    const { value: settings } = await adminInvoke<Settings>(hub, 'settings:get');
    const warmUp = churnSettings(hub, settings);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await warmUp.stop();
    const before = await settledResidentBytes(hub.pid);
    const silent = await Promise.all(Array.from({ length: READERS }, () => silentStream(hub)));
    const refused = silent.filter((stream) => stream.status !== 'HTTP/1.1 200 OK').length;
    const memory = watchMemory(hub, 1_000);
    const health = watchHealth(hub);
    const churn = churnSettings(hub, settings);
    const started = Date.now();
    await new Promise((resolve) => setTimeout(resolve, (SECONDS * 1000) / 3));
    const reader = readingStream(hub);
    await new Promise((resolve) => setTimeout(resolve, (SECONDS * 1000 * 2) / 3));
    const lastName = await churn.stop();
    const elapsed = Date.now() - started;
    const newest = await reader.showing(lastName).catch(() => null);
    const { worstMs, failure } = await health.stop();
    const after = await settledResidentBytes(hub.pid, { timeoutMs: 5_000 });
    const { readings, peak } = await memory.stop();
    const highest = Math.max(peak, after);
    const frame = newest ? JSON.stringify(newest).length : 0;
    console.log(`Slow readers: ${READERS} streams that never read (${refused} refused), one that reads`);
    console.log(
      `  churn:     ${churn.saves} settings saves in ${(elapsed / 1000).toFixed(1)} s, snapshots of ${Math.round(frame / 1024)} KB`,
    );
    console.log(
      `  hub RSS:   ${megabytes(before)} before, ${megabytes(highest)} at peak (+${megabytes(highest - before)}), ` +
        `${megabytes(after)} after (+${megabytes(after - before)})`,
    );
    const every5s = readings.filter((_, i) => i % 5 === 0).map((rss) => (rss / 1024 / 1024).toFixed(0));
    console.log(`  RSS every 5 s (MB): ${every5s.join(' ')}`);
    console.log(`  health:    worst ${worstMs} ms${failure ? ` (${failure})` : ''}`);
    console.log(
      `  reader:    ${reader.state.snapshots} snapshots, ${newest ? 'got the newest' : 'did NOT get the newest'}`,
    );
    await reader.close();
    for (const { socket } of silent) socket.destroy();
  } finally {
    await hub.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
