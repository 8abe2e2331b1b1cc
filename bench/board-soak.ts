import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import type { InvokeChannel } from '../contract/bridge';
import type { BoardSnapshot } from '../contract/snapshot';
import { CallboardCore } from '../main/core/core';
import { MemorySecretStore } from '../main/core/secrets/secret-store';
import type { ScreenCore } from '../main/core/core-api';
import { embeddedDemo } from '../main/demo/embedded-demo';
import { HubServer } from '../main/hub/hub-server';
import { demoSettings } from '../test/support/demo';

/**
 * Days of board updates in minutes (`npm run bench:board`; BENCH_MINUTES, default 10): the real core
 * on the demo feeds a hub; the board runs in Chromium and gets a new snapshot every 200 ms (values
 * varied, as a busy call centre's would) instead of every 15–60 s, with boards rotating every 5 s so
 * tiles and charts mount and unmount all the time. Prints the page's JS heap after a forced GC, its
 * DOM size and the core's heap, sampled through the run. Asserts nothing: read the trend.
 * Needs `npm run build` first (it serves out/renderer).
 */

const MINUTES = Number(process.env['BENCH_MINUTES'] ?? 10);
const UPDATE_MS = 200;
const SAMPLE_MS = Math.max(15_000, (MINUTES * 60_000) / 20);

/** Passes the real core through, but re-publishes its latest snapshot with varied numbers, often. */
class ReplayCore implements ScreenCore {
  private readonly listeners = new Set<(snapshot: BoardSnapshot) => void>();
  private latest: BoardSnapshot | null = null;
  private sequence = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  updates = 0;

  constructor(private readonly core: CallboardCore) {
    core.onSnapshot((snapshot) => (this.latest = snapshot));
  }

  start(): void {
    this.timer = setInterval(() => this.replay(), UPDATE_MS);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  snapshot(): BoardSnapshot | null {
    return this.latest;
  }

  onSnapshot(listener: (snapshot: BoardSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  invoke(channel: InvokeChannel, request: unknown, context: { screenId: string }) {
    return this.core.invoke(channel, request, context);
  }

  screenVisible(screenId: string, visible: boolean): void {
    this.core.screenVisible(screenId, visible);
  }

  private replay(): void {
    if (!this.latest) return;
    this.sequence = Math.max(this.sequence, this.latest.sequence) + 1;
    const next = varied(this.latest, this.sequence);
    this.updates++;
    for (const listener of this.listeners) listener(next);
  }
}

/** The same snapshot with every known number nudged: new values for every tile and chart. */
function varied(snapshot: BoardSnapshot, sequence: number): BoardSnapshot {
  const nudge = (value: number | null) =>
    value === null ? null : Math.max(0, value + Math.round(Math.random() * 4 - 2));
  const copy = structuredClone(snapshot) as BoardSnapshot & { sequence: number; generatedAt: string };
  copy.sequence = sequence;
  copy.generatedAt = new Date().toISOString();
  for (const board of [...copy.boards, ...(copy.pinned ? [copy.pinned] : [])]) {
    for (const tile of board.tiles) {
      for (const row of tile.rows) {
        row.values = row.values.map(nudge);
        for (const point of row.points ?? []) point.values = point.values.map(nudge);
      }
    }
  }
  return copy;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(os.tmpdir(), 'callboard-bench-'));
  const settingsPath = join(dir, 'settings.json');
  const settings = demoSettings('Europe/London');
  for (const board of settings.boards) board.rotationSeconds = 5;
  await writeFile(settingsPath, JSON.stringify({ ...settings, version: 1 }));
  const core = await CallboardCore.start({
    settingsPath,
    secrets: new MemorySecretStore(),
    openBrowser: async () => {},
    demo: embeddedDemo(),
    alwaysActive: true,
  });
  const replay = new ReplayCore(core);
  const hub = new HubServer({
    core: replay,
    rendererDir: resolve('out/renderer'),
    access: { accessKey: null, adminKey: 'bench' },
  });
  const { port } = await hub.listen(0, '127.0.0.1');
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.locator('[data-status="live"]').first().waitFor({ timeout: 60_000 });
  replay.start();

  console.log(`Board soak: ${MINUTES} min, a snapshot every ${UPDATE_MS} ms, boards rotating every 5 s`);
  console.log(
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`,
  );
  console.log('   min  updates  page heap MB  DOM nodes  core heap MB');
  const samples: Array<{ minute: number; pageHeap: number; nodes: number }> = [];
  const started = Date.now();
  const sample = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    global.gc?.();
    const minute = (Date.now() - started) / 60_000;
    const pageHeap = metric('JSHeapUsedSize') / 2 ** 20;
    samples.push({ minute, pageHeap, nodes: metric('Nodes') });
    console.log(
      `${minute.toFixed(1).padStart(6)}  ${String(replay.updates).padStart(7)}  ${pageHeap.toFixed(1).padStart(12)}  ${String(metric('Nodes')).padStart(9)}  ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(1).padStart(12)}`,
    );
  };
  await sample();
  while (Date.now() - started < MINUTES * 60_000) {
    await page.waitForTimeout(SAMPLE_MS);
    await sample();
  }
  // The two boards differ in size, so compare like with like: samples taken while the same board
  // was shown (same DOM size), first against last.
  const groups = new Map<number, typeof samples>();
  for (const s of samples) groups.set(s.nodes, [...(groups.get(s.nodes) ?? []), s]);
  for (const [nodes, group] of groups) {
    if (group.length < 2) continue;
    const first = group[0]!;
    const last = group[group.length - 1]!;
    const slope = ((last.pageHeap - first.pageHeap) * 1024) / (last.minute - first.minute);
    console.log(
      `Board with ${nodes} DOM nodes: ${first.pageHeap.toFixed(1)} MB at ${first.minute.toFixed(1)} min, ${last.pageHeap.toFixed(1)} MB at ${last.minute.toFixed(1)} min (${slope.toFixed(1)} KB/min)`,
    );
  }
  console.log(`${replay.updates} updates in all`);
  replay.stop();
  await browser.close();
  await hub.close();
  await core.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
