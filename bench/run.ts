import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import { DateTime } from 'luxon';
import { AnalyticsEngine } from '../emulator/analytics/engine';
import { COUNTER_NAMES, TIMER_NAMES } from '../emulator/analytics/metrics';
import { aggregationQuery, timelineQuery, type AnalyticsQuery } from '../emulator/analytics/query';
import { AggregationRequestSchema, TimelineRequestSchema } from '../emulator/analytics/request-schema';
import { CallStore } from '../emulator/data/call-store';
import type { CompiledCall } from '../emulator/data/calls';
import { demoDirectory } from '../emulator/data/demo-directory';
import { Directory } from '../emulator/data/directory';
import { SyntheticCallCenter } from '../emulator/data/synthetic';
import { DEMO_APP, startEmulator } from '../emulator/emulator';

/**
 * Emulator benchmarks (`npx tsx bench/run.ts`, `npm run bench`). They print figures and assert
 * nothing: (a) build a million synthetic calls, (b) time the analytics engine on them for the request
 * shapes a wallboard sends, (c) time aggregate requests over HTTP on loopback. docs/benchmarks.md
 * explains each case.
 */

const TARGET_CALLS = 1_000_000;
/** Arrival multiplier for the demo call centre: about 11,600 calls a day on average, a million in ~86 days. */
const VOLUME = 16;
const RUNS = 7;
const HTTP_RUNS = 50;
/** A million calls take about 1.5 GB of heap; below this V8 limit, re-run with a bigger heap. */
const MIN_HEAP_MB = 3000;
const HEAP_MB = 8192;
const DAY_MS = 86_400_000;

type Body = Record<string, unknown>;
interface Case {
  name: string;
  run: () => unknown;
  /** Calls whose start time is inside the request's time range (before includeDays/includeHours). */
  callsInRange: number;
}

/** Re-spawn with a bigger heap when the default V8 limit is too small; returns false in the parent. */
function ensureHeap(): boolean {
  const limitMb = v8.getHeapStatistics().heap_size_limit / 2 ** 20;
  const flagged = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((arg) =>
    arg.includes('--max-old-space-size'),
  );
  if (limitMb >= MIN_HEAP_MB || flagged) return true;
  console.log(
    `V8 heap limit is ${limitMb.toFixed(0)} MB; re-running with --max-old-space-size=${HEAP_MB} ` +
      `(or run with NODE_OPTIONS=--max-old-space-size=${HEAP_MB}).`,
  );
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, `--max-old-space-size=${HEAP_MB}`, ...process.argv.slice(1)],
    { stdio: 'inherit' },
  );
  process.exitCode = child.status ?? 1;
  return false;
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1);

function printMachine(): void {
  const cpus = os.cpus();
  const heapMb = v8.getHeapStatistics().heap_size_limit / 2 ** 20;
  console.log(`Callboard emulator benchmarks, ${new Date().toISOString()}`);
  console.log(`CPU     ${cpus[0]?.model ?? 'unknown'} × ${cpus.length} cores`);
  console.log(`memory  ${(os.totalmem() / 2 ** 30).toFixed(1)} GB total`);
  console.log(
    `node    ${process.version} (${process.platform} ${process.arch}), V8 heap limit ${heapMb.toFixed(0)} MB`,
  );
  console.log('');
}

/** Median and p95 (nearest rank: with 7 runs, p95 is the slowest run). */
function summarize(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
  return { median: rank(0.5), p95: rank(0.95) };
}

function timeRuns(run: () => unknown, runs: number): number[] {
  run(); // warm-up: JIT, zone-offset cache
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return samples;
}

/** (a) Whole local days of the demo call centre, newest first, until there are a million calls. */
function buildCalls(directory: Directory): CompiledCall[] {
  const synthetic = new SyntheticCallCenter(directory, { seed: 42, historyDays: 0, volume: VOLUME });
  const today = DateTime.now().setZone(directory.account.timeZone).startOf('day');
  const days: CompiledCall[][] = [];
  let total = 0;
  for (let back = 1; total < TARGET_CALLS; back++) {
    const calls = synthetic.simulateDay(today.minus({ days: back }));
    days.push(calls);
    total += calls.length;
  }
  const calls = days.reverse().flat();
  return calls.slice(calls.length - TARGET_CALLS);
}

function timeSettings(from: number, to: number, zone = 'Europe/London', advanced?: Body): Body {
  return {
    timeZone: zone,
    timeRange: { timeFrom: new Date(from).toISOString(), timeTo: new Date(to).toISOString() },
    ...(advanced ? { advancedTimeSettings: advanced } : {}),
  };
}

const every = (names: readonly string[], option: Body) =>
  Object.fromEntries(names.map((name) => [name, option]));

const SUM = { aggregationType: 'Sum' };
const QUEUES = { groupBy: 'Queues' };
/** A wallboard's queue KPIs; one metric takes one aggregation type, so Percent needs a second request. */
const QUEUE_KPIS: Body = {
  counters: {
    allCalls: SUM,
    callsByDirection: SUM,
    callsByResponse: SUM,
    callsByResult: SUM,
    callsByQueueSla: SUM,
  },
  timers: { callsSegmentsDuration: { aggregationType: 'Max' } },
};
const NEW_YORK_OFFICE_HOURS: Body = {
  includeDays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
  includeHours: [{ from: '09:00', to: '17:59' }],
};

/** (b) Aggregate requests over the whole data range; `newYork` switches to New York office hours. */
const AGGREGATE_CASES: Array<{ name: string; grouping: Body; responseOptions: Body; newYork?: true }> = [
  {
    name: 'Company, every counter Sum',
    grouping: { groupBy: 'Company' },
    responseOptions: { counters: every(COUNTER_NAMES, SUM) },
  },
  { name: 'Queues, KPI sums + segment Max', grouping: QUEUES, responseOptions: QUEUE_KPIS },
  {
    name: 'Queues, response Percent + segment Average',
    grouping: QUEUES,
    responseOptions: {
      counters: { callsByResponse: { aggregationType: 'Percent' } },
      timers: { callsSegmentsDuration: { aggregationType: 'Average' } },
    },
  },
  {
    name: 'Users, every timer Sum',
    grouping: { groupBy: 'Users' },
    responseOptions: { timers: every(TIMER_NAMES, SUM) },
  },
  {
    name: 'Queues, Mon-Fri 09:00-17:59 New York',
    grouping: QUEUES,
    newYork: true,
    responseOptions: {
      counters: { allCalls: SUM, callsByResponse: SUM, callsByResult: SUM },
      timers: { allCallsDuration: SUM },
    },
  },
  {
    name: 'Queues, Min/Average per Hour',
    grouping: QUEUES,
    responseOptions: {
      counters: {
        allCalls: { aggregationType: 'Average', aggregationInterval: 'Hour' },
        callsByResult: { aggregationType: 'Min', aggregationInterval: 'Hour' },
      },
      timers: {
        allCallsDuration: { aggregationType: 'Average', aggregationInterval: 'Hour' },
        callsSegmentsDuration: { aggregationType: 'Min', aggregationInterval: 'Hour' },
      },
    },
  },
];

const TIMELINE_OPTIONS: Body = {
  counters: { allCalls: true, callsByDirection: true, callsByResponse: true, callsByResult: true },
  timers: { allCallsDuration: true, callsSegmentsDuration: true },
};

/** (b) The cases as engine calls; bodies are validated as the HTTP routes validate them. */
function engineCases(engine: AnalyticsEngine, store: CallStore, now: number, from: number): Case[] {
  const inRange = (start: number) => {
    const { begin, end } = store.range(start, now);
    return end - begin;
  };
  const aggregates = AGGREGATE_CASES.map(({ name, grouping, responseOptions, newYork }): Case => {
    const settings = newYork
      ? timeSettings(from, now, 'America/New_York', NEW_YORK_OFFICE_HOURS)
      : timeSettings(from, now);
    const body = { grouping, timeSettings: settings, responseOptions };
    const query = aggregationQuery(AggregationRequestSchema.parse(body), now);
    const run = () => engine.aggregate(query, { page: 1, perPage: 200 });
    return { name, run, callsInRange: inRange(from) };
  });
  const weekFrom = now - 7 * DAY_MS;
  const timelineBody = {
    grouping: QUEUES,
    timeSettings: timeSettings(weekFrom, now),
    responseOptions: TIMELINE_OPTIONS,
  };
  const timeline: AnalyticsQuery = timelineQuery(TimelineRequestSchema.parse(timelineBody), now);
  return [
    ...aggregates,
    {
      name: 'Queues, timeline Hour, 7 days',
      run: () => engine.timeline(timeline, 'Hour', { page: 1, perPage: 20 }),
      callsInRange: inRange(weekFrom),
    },
  ];
}

function printEngineCases(cases: Case[]): void {
  console.log(`(b) AnalyticsEngine, ${RUNS} runs after one warm-up (ms)`);
  console.log(
    `${'case'.padEnd(46)}${'median'.padStart(9)}${'p95'.padStart(9)}${'calls in range'.padStart(16)}${'calls/s'.padStart(13)}`,
  );
  for (const entry of cases) {
    const { median, p95 } = summarize(timeRuns(entry.run, RUNS));
    const rate = (entry.callsInRange / median) * 1000;
    console.log(
      `${entry.name.padEnd(46)}${ms(median).padStart(9)}${ms(p95).padStart(9)}` +
        `${entry.callsInRange.toLocaleString('en-US').padStart(16)}${Math.round(rate).toLocaleString('en-US').padStart(13)}`,
    );
  }
  console.log('');
}

async function benchEngine(): Promise<void> {
  const directory = new Directory(demoDirectory());
  const started = performance.now();
  const calls = buildCalls(directory);
  const built = performance.now() - started;
  const store = new CallStore();
  const storeStart = performance.now();
  store.add(calls);
  const stored = performance.now() - storeStart;
  const first = calls[0]!.start;
  const last = calls[calls.length - 1]!.start;
  const memory = process.memoryUsage();
  console.log(`(a) SyntheticCallCenter (demo directory, volume ${VOLUME}), whole days back from yesterday`);
  console.log(
    `    ${store.size.toLocaleString('en-US')} calls, ${calls.reduce((n, c) => n + c.legs.length, 0).toLocaleString('en-US')} legs`,
  );
  console.log(
    `    ${new Date(first).toISOString()} … ${new Date(last).toISOString()} (${((last - first) / DAY_MS).toFixed(1)} days)`,
  );
  console.log(
    `    generated in ${(built / 1000).toFixed(1)} s (${Math.round((calls.length / built) * 1000).toLocaleString('en-US')} calls/s); CallStore.add ${ms(stored)} ms`,
  );
  console.log(`    memory after load: RSS ${mb(memory.rss)}, heap used ${mb(memory.heapUsed)}`);
  console.log('');
  const engine = new AnalyticsEngine(store, () => directory);
  const from = DateTime.fromMillis(first, { zone: 'UTC' }).startOf('day').toMillis();
  printEngineCases(engineCases(engine, store, Date.now(), from));
}

async function post(url: string, token: string, body: Body): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`aggregate answered ${response.status}`);
}

/** A JWT sign-in at the token endpoint, as the SDK does it. */
async function signIn(baseUrl: string): Promise<string> {
  const credentials = Buffer.from(`${DEMO_APP.clientId}:${DEMO_APP.clientSecret}`).toString('base64');
  const response = await fetch(`${baseUrl}/restapi/oauth/token`, {
    method: 'POST',
    headers: { Authorization: `Basic ${credentials}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      assertion: DEMO_APP.jwt,
    }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

async function timePosts(url: string, token: string, body: Body): Promise<number[]> {
  for (let i = 0; i < 3; i++) await post(url, token, body);
  const samples: number[] = [];
  for (let i = 0; i < HTTP_RUNS; i++) {
    const start = performance.now();
    await post(url, token, body);
    samples.push(performance.now() - start);
  }
  return samples;
}

/** (c) The default embedded demo over loopback HTTP, as a client sees it. */
async function benchHttp(): Promise<void> {
  // The light limit is raised so 53 back-to-back requests measure the server, not a 429.
  const emulator = await startEmulator({
    log: () => {},
    limits: { light: { limit: 10_000, windowSeconds: 60, penaltySeconds: 60 } },
  });
  try {
    const token = await signIn(emulator.url);
    const now = emulator.dataNow();
    const body: Body = {
      grouping: QUEUES,
      timeSettings: timeSettings(now - 7 * DAY_MS, now),
      responseOptions: QUEUE_KPIS,
    };
    const url = `${emulator.url}/analytics/calls/v1/accounts/~/aggregation/fetch`;
    const http = summarize(await timePosts(url, token, body));
    const query = aggregationQuery(AggregationRequestSchema.parse(body), emulator.dataNow());
    const engine = summarize(
      timeRuns(() => emulator.engine.aggregate(query, { page: 1, perPage: 200 }), HTTP_RUNS),
    );
    const size = emulator.store.size.toLocaleString('en-US');
    console.log(
      `(c) HTTP: startEmulator() defaults (live synthetic demo, ${size} calls), Queues KPI request over 7 days`,
    );
    console.log(
      `    ${HTTP_RUNS} POST /analytics/calls/v1/accounts/~/aggregation/fetch over loopback, after 3 warm-ups`,
    );
    console.log(`    round trip: median ${ms(http.median)} ms, p95 ${ms(http.p95)} ms`);
    console.log(
      `    same query on the engine alone: median ${ms(engine.median)} ms, p95 ${ms(engine.p95)} ms`,
    );
  } finally {
    await emulator.stop();
  }
}

async function main(): Promise<void> {
  if (!ensureHeap()) return;
  printMachine();
  const started = performance.now();
  await benchEngine();
  await benchHttp();
  const peakRss = process.resourceUsage().maxRSS * 1024;
  console.log('');
  console.log(`total ${((performance.now() - started) / 1000).toFixed(0)} s, peak RSS ${mb(peakRss)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
