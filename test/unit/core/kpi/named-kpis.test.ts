import { describe, expect, it } from 'vitest';
import { KPI_IDS, KPIS, type KpiId } from '../../../../contract/kpis';
import { buildTileSnapshot } from '../../../../main/core/kpi/tile-snapshot';
import type { ResultRecord } from '../../../../main/core/analytics/records';
import {
  NOW,
  board,
  company,
  kpi,
  names,
  parsedTile,
  planOf,
  record,
  state,
  statesOf,
  tile,
} from './kpi-fixtures';

/**
 * Every KPI Callboard knows by name, evaluated by the engine on one hand-made day of a queue. The
 * records are what four requests would return: all calls summed; calls narrowed to answered ones
 * (avgTimeToAnswer's filter); per-call Max and per-call Average of the segment timers.
 */

const ZERO_RESULTS = {
  completed: 30,
  abandoned: 5,
  voicemail: 2,
  unknown: 0,
  missed: 1,
  accepted: 0,
  transferred: 2,
  pickedUp: 0,
  forwarded: 0,
  answeredElsewhere: 0,
};

const day = {
  'all:Sum': record(
    'acc',
    {
      allCalls: 50,
      callsByDirection: { inbound: 40, outbound: 10 },
      callsByResponse: { answered: 32, notAnswered: 8, connected: 6, notConnected: 4 },
      callsByQueueSla: { inSla: 24, outOfSla: 8 },
      callsByResult: ZERO_RESULTS,
      callsSegments: { ringing: 40, liveTalk: 38, hold: 8, transfer: 4, voicemail: 2 },
      callsByCompanyHours: { businessHours: 45, afterHours: 5 },
      queueOpportunities: 40,
    },
    { callsSegments: { ringing: 600, liveTalk: 6400, hold: 640, transfer: 60 } },
  ),
  'answered:Sum': record(
    'acc',
    { callsByResponse: { answered: 32, notAnswered: 0, connected: 0, notConnected: 0 } },
    { callsSegments: { ringing: 320, liveTalk: 6400, hold: 640 } },
  ),
  'all:Max': record('acc', {}, { callsSegments: { ringing: 95, liveTalk: 1200, hold: 300 } }),
  'all:Average': record('acc', {}, { callsSegments: { ringing: 15, liveTalk: 200, hold: 80 } }),
};

/** Worked out by hand from the records above. */
const EXPECTED: Record<KpiId, number | null> = {
  offered: 40, // callsByDirection.inbound
  answered: 32, // callsByResponse.answered
  answerRate: 80, // 100 × 32 answered / 40 inbound
  serviceLevel: 75, // 100 × 24 inSla / (24 + 8 outOfSla)
  abandoned: 5,
  abandonRate: 12.5, // 100 × 5 abandoned / 40 inbound
  missed: 1,
  voicemail: 2, // callsByResult.voicemail (not the voicemail segment count, also 2 here)
  avgTimeToAnswer: 10, // 320 ringing seconds of ANSWERED calls / 32 answered (not 600 / 32)
  longestWait: 95, // per-call Max of ringing
  aht: 220, // (6400 talk + 640 hold) / 32 answered = 7040 / 32
  avgTalk: 200, // per-call Average of liveTalk
  avgHold: 80, // per-call Average of hold
  holdRate: 25, // 100 × 8 calls with hold / 32 answered
  transferRate: 12.5, // 100 × 4 calls with a transfer segment / 32 answered
  afterHoursShare: 10, // 100 × 5 after hours / 50 calls
  outbound: 10,
  connectRate: 60, // 100 × 6 connected / 10 outbound
  agentAnswerRate: 80, // 100 × 32 answered / 40 queue opportunities
  totalCalls: 50,
};

function valueOf(id: KpiId, records: Record<string, ResultRecord>): number | null {
  const t = parsedTile(tile('k', 'bigNumber', [kpi(id)], { query: company }));
  const b = board([t]);
  const queries = statesOf(...Object.entries(records).map(([queryId, r]) => state(queryId, [r])));
  const snapshot = buildTileSnapshot({
    tile: t,
    board: b,
    plan: planOf(b, t),
    queries,
    names,
    now: NOW,
    staleAfterMisses: 3,
    windowLabel: 'Today',
  });
  return snapshot.rows.length > 1 ? Number.NaN : (snapshot.rows[0]?.values[0] ?? null);
}

describe('named KPIs', () => {
  it('has an expected value for every KPI the product knows', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...KPI_IDS].sort());
  });

  it.each(KPI_IDS)('%s evaluates to the hand-computed value', (id) => {
    const expected = EXPECTED[id];
    expect(expected).not.toBeNull();
    expect(valueOf(id, day)).toBeCloseTo(expected ?? Number.NaN, 9);
  });

  it('gives counts of 0 but no rates or averages on a day without calls', () => {
    const zero = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, 0]));
    const quiet = {
      'all:Sum': record(
        'acc',
        {
          allCalls: 0,
          callsByDirection: zero(['inbound', 'outbound']),
          callsByResponse: zero(['answered', 'notAnswered', 'connected', 'notConnected']),
          callsByQueueSla: zero(['inSla', 'outOfSla']),
          callsByResult: zero(Object.keys(ZERO_RESULTS)),
          callsSegments: zero(['ringing', 'liveTalk', 'hold', 'transfer']),
          callsByCompanyHours: zero(['businessHours', 'afterHours']),
          queueOpportunities: 0,
        },
        { callsSegments: zero(['ringing', 'liveTalk', 'hold']) },
      ),
      'answered:Sum': record(
        'acc',
        { callsByResponse: zero(['answered']) },
        { callsSegments: zero(['ringing']) },
      ),
    };
    for (const id of KPI_IDS) {
      const value = valueOf(id, quiet);
      const definition = KPIS[id];
      const perCall = /@(Max|Average)/.test(definition.expression);
      if (definition.unit === 'count') expect(value, id).toBe(0);
      // Rates and ratios divide by 0; per-call timers have no query here at all.
      else if (definition.expression.includes('/') || perCall) expect(value, id).toBeNull();
      else throw new Error(`${id} fits no case`);
    }
  });
});
