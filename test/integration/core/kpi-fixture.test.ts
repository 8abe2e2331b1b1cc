import { resolve } from 'node:path';
import { SDK } from '@ringcentral/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRICS } from '../../../contract/api-vocabulary';
import type { Board, Tile } from '../../../contract/board';
import { KPI_IDS, KPIS, type KpiId } from '../../../contract/kpis';
import { parseMetricRef } from '../../../contract/metric-ref';
import { DEMO_APP, startEmulator, type Emulator } from '../../../emulator/emulator';
import { loadCallsFile, loadDirectoryFile } from '../../../emulator/load';
import { buildTileSnapshot } from '../../../main/core/kpi/tile-snapshot';
import { parseAggregateResponse } from '../../../main/core/analytics/parse-response';
import type { QueryState } from '../../../main/core/poller/query-state';
import type { TilePlan } from '../../../main/core/planner/plan';
import { board, kpi, parsedTile, planOf } from '../../unit/core/kpi/kpi-fixtures';

/**
 * Acceptance: KPI values computed by the engine equal values computed by hand from the emulator's
 * fixture calls. The emulator serves test/fixtures/engine over HTTP, the real @ringcentral/sdk signs
 * in with the demo JWT and fetches the aggregates, the planner's response parser turns the answers
 * into records, and the engine evaluates every named KPI. The expected numbers below were worked out
 * by reading calls.jsonl, not by running anything.
 *
 * The fixture's week (2026-11-20 to 2026-11-28, UTC) holds calls c1–c6; c7 and c8 (1 November) fall
 * outside it. The call file's rules (DESIGN.md §4): the Company grouping counts each call's `company`
 * view, Queues and Users count their own legs; counters count views, segment counters count views
 * whose segment is > 0, timers add up seconds, `companyHours` belongs to the call.
 *
 *   call  company view                                   legs
 *   c1    in, answered, completed, ring 10 talk 240 hold 30   q1 (in SLA, ring 10 talk 240 hold 30),
 *                                                             u1 (from queue, opp 1, ring 5 talk 240 hold 30)
 *   c2    in, not answered, abandoned, ring 80                q1 (out of SLA, abandoned, ring 80),
 *                                                             u2 (missed, opp 1, ring 15)
 *   c3    in, not answered, voicemail (after hours)           q2 (voicemail, no SLA)
 *   c4    out, connected, ring 20 talk 180                    u3 (out, connected, ring 20 talk 180)
 *   c5    internal (no direction), answered, ring 5 talk 115  u1 (out, connected, ring 5 talk 115),
 *                                                             u2 (in, answered, ring 5 talk 115)
 *   c6    in, answered, ring 25 talk 360 transfer 15          q2 (out of SLA, ring 25 talk 360 transfer 15),
 *                                                             u2 (opp 1, ring 25 talk 160 transfer 15),
 *                                                             u3 (in, answered, talk 200)
 */

const FIXTURES = resolve(__dirname, '../../fixtures/engine');
const AGGREGATE = '/analytics/calls/v1/accounts/~/aggregation/fetch';
const DATA_NOW = Date.parse('2026-11-28T12:00:00Z');
const WEEK = { timeFrom: '2026-11-20T00:00:00Z', timeTo: '2026-11-28T00:00:00Z' };
const ZONE = 'America/New_York';

type Expected = Record<KpiId, number | null>;

/** Company view: c1–c6. */
const COMPANY: Expected = {
  offered: 4, // inbound c1, c2, c3, c6 (c5 has no direction at company scope)
  answered: 3, // c1, c5, c6
  answerRate: 75, // 100 × 3 / 4 — c5 is answered but not inbound; the formula is the API's, as is
  serviceLevel: null, // SLA is a queue leg's; the company view has none: 0 / (0 + 0) is unknown
  abandoned: 1, // c2
  abandonRate: 25, // 100 × 1 / 4
  missed: 0,
  voicemail: 1, // c3
  avgTimeToAnswer: 40 / 3, // answered views c1, c5, c6 ring 10 + 5 + 25 = 40 s, over 3 answered
  longestWait: 80, // longest ringing of one call: c2
  aht: 925 / 3, // talk 240 + 180 + 115 + 360 = 895, hold 30: 925 s over 3 answered
  avgTalk: 223.75, // talk per call that talked: 895 / 4 (c1, c4, c5, c6)
  avgHold: 30, // only c1 held
  holdRate: 100 / 3, // 1 call with hold (c1) / 3 answered
  transferRate: 100 / 3, // 1 call with a transfer segment (c6) / 3 answered
  afterHoursShare: 100 / 6, // c3 of 6 calls
  outbound: 1, // c4
  connectRate: 100, // c4 connected / 1 outbound
  agentAnswerRate: null, // queue opportunities are counted on user legs: 0 at company scope
  totalCalls: 6,
};

/** Queue legs: q1 has c1, c2; q2 has c3, c6. */
const QUEUES: Record<string, Expected> = {
  q1: {
    offered: 2, // c1, c2
    answered: 1, // c1
    answerRate: 50,
    serviceLevel: 50, // c1 in SLA, c2 out: 1 / 2
    abandoned: 1, // c2
    abandonRate: 50,
    missed: 0,
    voicemail: 0,
    avgTimeToAnswer: 10, // answered leg c1 rang 10 s
    longestWait: 80, // c2 rang 80 s
    aht: 270, // (240 talk + 30 hold) / 1
    avgTalk: 240, // c1 only talked
    avgHold: 30,
    holdRate: 100, // c1 held, 1 answered
    transferRate: 0,
    afterHoursShare: 0, // c1, c2 in business hours
    outbound: 0,
    connectRate: null, // 0 outbound
    agentAnswerRate: null, // 0 queue opportunities on queue legs
    totalCalls: 2,
  },
  q2: {
    offered: 2, // c3, c6
    answered: 1, // c6
    answerRate: 50,
    serviceLevel: 0, // c6 out of SLA, c3 (voicemail) has no SLA: 0 / (0 + 1)
    abandoned: 0,
    abandonRate: 0,
    missed: 0,
    voicemail: 1, // c3
    avgTimeToAnswer: 25, // c6 rang 25 s
    longestWait: 25, // c3 never rang
    aht: 360, // 360 talk, no hold, 1 answered
    avgTalk: 360,
    avgHold: 0, // no leg held: the API answers 0 for a per-call average over no calls
    holdRate: 0,
    transferRate: 100, // c6 has a transfer segment, 1 answered
    afterHoursShare: 50, // c3 is after hours, c6 is not
    outbound: 0,
    connectRate: null,
    agentAnswerRate: null,
    totalCalls: 2,
  },
};

/** User legs: u1 has c1, c5; u2 has c2, c5, c6; u3 has c4, c6. */
const USERS: Record<string, Partial<Expected>> = {
  u1: {
    offered: 1, // c1 (c5 is outbound on u1's side)
    answered: 1, // c1 (c5 is connected, not answered)
    avgTimeToAnswer: 5, // c1 rang u1 for 5 s
    longestWait: 5, // c1 and c5 both 5 s
    aht: 385, // talk 240 + 115 (the formula takes all talk, outbound too) + hold 30, over 1 answered
    avgTalk: 177.5, // (240 + 115) / 2
    connectRate: 100, // c5 connected / 1 outbound
    agentAnswerRate: 100, // 1 answered / 1 queue opportunity (c1)
    missed: 0,
  },
  u2: {
    offered: 3, // c2, c5, c6
    answered: 2, // c5, c6
    answerRate: 200 / 3,
    avgTimeToAnswer: 15, // answered legs c5 (5 s) and c6 (25 s): 30 / 2
    longestWait: 25, // c6
    aht: 137.5, // talk 115 + 160, no hold: 275 / 2
    transferRate: 50, // c6 of 2 answered
    missed: 1, // c2
    agentAnswerRate: 100, // 2 answered / 2 opportunities (c2, c6); c5 came directly, the formula counts it
  },
  u3: {
    offered: 1, // c6
    answered: 1,
    avgTimeToAnswer: 0, // c6 reached u3 by transfer without ringing: 0 s / 1
    longestWait: 20, // c4
    aht: 380, // talk 180 + 200 over 1 answered
    avgTalk: 190,
    connectRate: 100,
    agentAnswerRate: null, // answered 1, but 0 queue opportunities
    serviceLevel: null, // user legs carry no SLA
  },
};

let emulator: Emulator;
let platform: ReturnType<SDK['platform']>;

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    directory: await loadDirectoryFile(resolve(FIXTURES, 'directory.json')),
    calls: await loadCallsFile(resolve(FIXTURES, 'calls.jsonl')),
    now: DATA_NOW,
    log: () => undefined,
  });
  platform = new SDK({
    server: emulator.url,
    clientId: DEMO_APP.clientId,
    clientSecret: DEMO_APP.clientSecret,
    // Node's SDK keeps tokens in one process-wide store: a prefix of our own keeps us apart.
    cachePrefix: `kpi-fixture-test-${process.pid}-`,
  }).platform();
  await platform.login({ jwt: DEMO_APP.jwt });
});

afterAll(async () => {
  await platform?.logout().catch(() => undefined);
  await emulator?.stop();
});

/** Every KPI on two grid tiles (at most 12 measures a tile), grouped as asked. */
function kpiBoard(groupBy: 'Company' | 'Queues' | 'Users'): Board {
  const query = { grouping: { kind: 'groupBy', groupBy }, window: { kind: 'today' } };
  const half = Math.ceil(KPI_IDS.length / 2);
  const tiles = [KPI_IDS.slice(0, half), KPI_IDS.slice(half)].map((ids, i) =>
    parsedTile({
      id: `kpis-${i}`,
      type: 'queueGrid',
      title: 'KPIs',
      layout: { x: i, y: 0, w: 1, h: 1 },
      query,
      measures: ids.map((id) => kpi(id)),
    }),
  );
  return board(tiles);
}

/**
 * One request per query the plans name, built from the metrics routed to it: the query id says
 * which filter (`answered:` for avgTimeToAnswer's callResponses filter) and which aggregation.
 */
function requestBody(queryId: string, plans: TilePlan[], groupBy: string): Record<string, unknown> {
  const counters: Record<string, { aggregationType: string }> = {};
  const timers: Record<string, { aggregationType: string }> = {};
  for (const source of plans.flatMap((p) => p.measures.flatMap((m) => m.sources))) {
    if (source.queryId !== queryId) continue;
    const parsed = parseMetricRef(source.ref);
    if (!parsed.ok) throw new Error(parsed.message);
    const info = METRICS.get(parsed.ref.metric)!;
    (info.family === 'counters' ? counters : timers)[info.request] = {
      aggregationType: parsed.ref.aggregation,
    };
  }
  return {
    grouping: { groupBy },
    timeSettings: { timeZone: ZONE, timeRange: WEEK },
    ...(queryId.startsWith('answered:') ? { callFilters: { callResponses: ['Answered'] } } : {}),
    responseOptions: { counters, timers },
  };
}

async function fetchStates(plans: TilePlan[], groupBy: string): Promise<Map<string, QueryState>> {
  const ids = [...new Set(plans.flatMap((p) => p.measures.flatMap((m) => m.sources.map((s) => s.queryId))))];
  const states = new Map<string, QueryState>();
  for (const queryId of ids) {
    const response = await platform.post(AGGREGATE, requestBody(queryId, plans, groupBy), {
      page: 1,
      perPage: 200,
    });
    const { records, paging } = parseAggregateResponse(await response.json());
    expect(paging.totalPages).toBe(1);
    const fetchedAt = Date.now();
    states.set(queryId, {
      queryId,
      records,
      fetchedAt,
      error: null,
      errorKind: null,
      consecutiveFailures: 0,
      refreshMs: 30_000,
    });
  }
  return states;
}

/** The engine's values per row key and KPI for a grouping. */
async function engineValues(groupBy: 'Company' | 'Queues' | 'Users') {
  const b = kpiBoard(groupBy);
  const plans = b.tiles.map((t: Tile) => planOf(b, t)!);
  const queries = await fetchStates(plans, groupBy);
  const values = new Map<string, Map<KpiId, number | null>>();
  const names = new Map<string, string>();
  for (const [i, t] of b.tiles.entries()) {
    const snapshot = buildTileSnapshot({
      tile: t,
      board: b,
      plan: plans[i],
      queries,
      names: () => null,
      now: Date.now(),
      staleAfterMisses: 3,
      windowLabel: 'Fixture week',
    });
    expect(snapshot.state).not.toBe('unknown');
    expect(snapshot.error).toBeNull();
    for (const row of snapshot.rows) {
      names.set(row.key, row.name);
      const byKpi = values.get(row.key) ?? new Map<KpiId, number | null>();
      snapshot.measures.forEach((m, index) => byKpi.set(kpiOf(t, m.id), row.values[index] ?? null));
      values.set(row.key, byKpi);
    }
  }
  return { values, names, queries };
}

function kpiOf(t: Tile, measureId: string): KpiId {
  const measure = 'measures' in t ? t.measures.find((m) => m.id === measureId) : undefined;
  if (!measure?.kpi) throw new Error(`measure ${measureId} is not a named KPI`);
  return measure.kpi;
}

function expectKpis(actual: Map<KpiId, number | null> | undefined, expected: Partial<Expected>, who: string) {
  expect(actual, who).toBeDefined();
  for (const [id, value] of Object.entries(expected) as [KpiId, number | null][]) {
    const got = actual?.get(id);
    if (value === null) expect(got, `${who} ${id}`).toBeNull();
    else expect(got, `${who} ${id} (${KPIS[id].expression})`).toBeCloseTo(value, 9);
  }
}

describe('named KPIs on the fixture calls, through the SDK, the emulator and the engine', () => {
  it('match the hand-computed company figures', async () => {
    const { values, queries } = await engineValues('Company');
    expect(values.size).toBe(1);
    expectKpis([...values.values()][0], COMPANY, 'company');
    // The four requests the KPIs need: sums, answered-only sums, per-call Max and per-call Average.
    expect([...queries.keys()].sort()).toEqual(['all:Average', 'all:Max', 'all:Sum', 'answered:Sum']);
  });

  it('match the hand-computed queue figures, one row per queue, named by the API', async () => {
    const { values, names } = await engineValues('Queues');
    expect([...values.keys()].sort()).toEqual(['q1', 'q2']);
    expect(names.get('q1')).toBe('Support');
    expect(names.get('q2')).toBe('Sales');
    for (const [key, expected] of Object.entries(QUEUES)) expectKpis(values.get(key), expected, key);
  });

  it('match the hand-computed agent figures, including agent answer rate', async () => {
    const { values } = await engineValues('Users');
    expect([...values.keys()].sort()).toEqual(['u1', 'u2', 'u3']);
    for (const [key, expected] of Object.entries(USERS)) expectKpis(values.get(key), expected, key);
  });
});
