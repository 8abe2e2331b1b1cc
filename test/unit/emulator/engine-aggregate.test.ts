import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsEngine } from '../../../emulator/analytics/engine';
import { SUM, aggregate, allCallsByKey, byKey, loadFixtureEngine, value } from './engine-fixture';

let engine: AnalyticsEngine;
beforeAll(async () => {
  engine = await loadFixtureEngine();
});

const company = (responseOptions: object) => aggregate(engine, { responseOptions }).records[0];

describe('counters at company scope (c1–c6 in the week; c7, c8 fall before it)', () => {
  it('counts views per breakdown', () => {
    const r = company({
      counters: {
        allCalls: SUM,
        callsByDirection: SUM,
        callsByOrigin: SUM,
        callsByResponse: SUM,
        callsByResult: SUM,
        callsByCompanyHours: SUM,
        callsByType: SUM,
        callsByEndingParty: SUM,
      },
    });
    expect(r?.key).toBe('acc1');
    expect(value(r, 'counters', 'allCalls')).toBe(6);
    // c5 is internal at company scope: no direction, so in neither inbound nor outbound.
    expect(r?.counters?.callsByDirection?.values).toEqual({ inbound: 4, outbound: 1 });
    expect(r?.counters?.callsByOrigin?.values).toEqual({ internal: 1, external: 5 });
    expect(r?.counters?.callsByResponse?.values).toEqual({
      answered: 3,
      notAnswered: 2,
      connected: 1,
      notConnected: 0,
    });
    expect(value(r, 'counters', 'callsByResult', 'completed')).toBe(4);
    expect(value(r, 'counters', 'callsByResult', 'abandoned')).toBe(1);
    expect(value(r, 'counters', 'callsByResult', 'voicemail')).toBe(1);
    expect(value(r, 'counters', 'callsByResult', 'transferred')).toBe(0);
    expect(r?.counters?.callsByCompanyHours?.values).toEqual({ businessHours: 5, afterHours: 1 });
    expect(value(r, 'counters', 'callsByType', 'direct')).toBe(5);
    expect(value(r, 'counters', 'callsByType', 'outbound')).toBe(1);
    expect(r?.counters?.callsByEndingParty?.values).toEqual({ caller: 2, callee: 0, system: 0 });
    expect(r?.counters?.allCalls?.valueType).toBe('Instances');
  });

  it('counts views that have a segment, and sums action counts', () => {
    const r = company({ counters: { callsSegments: SUM, callsByActions: SUM } });
    expect(r?.counters?.callsSegments?.values).toEqual({
      ringing: 5,
      liveTalk: 4,
      hold: 1,
      park: 0,
      transfer: 1,
      ivrPrompt: 2,
      voicemail: 1,
      vmGreeting: 1,
      setup: 0,
      forwarding: 0,
    });
    // The request says callsByActions, the response says callsActions.
    expect(r?.counters?.callsActions?.values).toMatchObject({
      holdOn: 1,
      holdOff: 1,
      blindTransfer: 1,
      parkOn: 0,
    });
  });

  it('sums time spent and segment seconds in timers, named like the counters', () => {
    const r = company({
      timers: { allCallsDuration: SUM, callsDurationByDirection: SUM, callsSegmentsDuration: SUM },
    });
    expect(r?.timers?.allCalls).toEqual({ valueType: 'Seconds', values: 1175 });
    expect(r?.timers?.callsByDirection?.values).toEqual({ inbound: 855, outbound: 200 });
    expect(r?.timers?.callsSegments?.values).toMatchObject({
      ringing: 140,
      liveTalk: 895,
      hold: 30,
      ivrPrompt: 35,
      vmGreeting: 10,
      voicemail: 50,
      transfer: 15,
    });
  });
});

describe('Percent uses the denominators of DESIGN.md §3', () => {
  const percent = { aggregationType: 'Percent' } as const;

  it('divides by all, inbound, outbound, answered or not answered as the breakdown requires', () => {
    const r = company({
      counters: {
        allCalls: percent,
        callsByDirection: percent,
        callsByResponse: percent,
        callsByResult: percent,
        callsSegments: percent,
        callsByActions: percent,
      },
    });
    expect(r?.counters?.allCalls).toEqual({ valueType: 'Percent', values: 100 });
    expect(value(r, 'counters', 'callsByDirection', 'inbound')).toBeCloseTo((4 / 6) * 100, 10);
    // answered / inbound, notAnswered / inbound, connected / outbound
    expect(value(r, 'counters', 'callsByResponse', 'answered')).toBeCloseTo(75, 10);
    expect(value(r, 'counters', 'callsByResponse', 'notAnswered')).toBeCloseTo(50, 10);
    expect(value(r, 'counters', 'callsByResponse', 'connected')).toBeCloseTo(100, 10);
    expect(value(r, 'counters', 'callsByResponse', 'notConnected')).toBe(0);
    // completed / answered; other results / not answered
    expect(value(r, 'counters', 'callsByResult', 'completed')).toBeCloseTo((4 / 3) * 100, 10);
    expect(value(r, 'counters', 'callsByResult', 'abandoned')).toBeCloseTo(50, 10);
    // voicemail segments / not answered; other segments / answered
    expect(value(r, 'counters', 'callsSegments', 'voicemail')).toBeCloseTo(50, 10);
    expect(value(r, 'counters', 'callsSegments', 'hold')).toBeCloseTo((1 / 3) * 100, 10);
    // actions / answered
    expect(value(r, 'counters', 'callsActions', 'blindTransfer')).toBeCloseTo((1 / 3) * 100, 10);
  });

  it('divides seconds by seconds for timers, and gives 0 when the denominator is 0', () => {
    const r = company({ timers: { callsDurationByDirection: percent, callsDurationByResponse: percent } });
    expect(r?.timers?.callsByDirection?.valueType).toBe('Percent');
    expect(value(r, 'timers', 'callsByDirection', 'inbound')).toBeCloseTo((855 / 1175) * 100, 10);
    const empty = aggregate(engine, {
      grouping: { groupBy: 'SharedLines' },
      responseOptions: { counters: { callsByResponse: percent } },
    }).records[0];
    expect(value(empty, 'counters', 'callsByResponse', 'answered')).toBe(0);
  });

  it('gives queue SLA as a share of all queue calls', () => {
    const q = byKey(
      aggregate(engine, {
        grouping: { groupBy: 'Queues' },
        responseOptions: { counters: { callsByQueueSla: percent } },
      }).records,
    );
    expect(q.q1?.counters?.callsByQueueSla?.values).toEqual({ inSla: 50, outOfSla: 50 });
    expect(q.q2?.counters?.callsByQueueSla?.values).toEqual({ inSla: 0, outOfSla: 50 });
  });
});

describe('per-call timers (Min, Max, Average without an interval)', () => {
  it('take the views that match each breakdown part', () => {
    const timers = {
      allCallsDuration: { aggregationType: 'Average' },
      callsSegmentsDuration: { aggregationType: 'Max' },
      callsDurationByResponse: { aggregationType: 'Min' },
    };
    const q = byKey(
      aggregate(engine, { grouping: { groupBy: 'Queues' }, responseOptions: { timers } }).records,
    );
    expect(value(q.q1, 'timers', 'allCalls')).toBe(180); // (280 + 80) / 2
    expect(value(q.q1, 'timers', 'callsSegments', 'ringing')).toBe(80);
    expect(value(q.q1, 'timers', 'callsSegments', 'hold')).toBe(30);
    expect(value(q.q1, 'timers', 'callsByResponse', 'answered')).toBe(280);
    expect(value(q.q1, 'timers', 'callsByResponse', 'notAnswered')).toBe(80);
    expect(value(q.q1, 'timers', 'callsByResponse', 'connected')).toBe(0); // no matching view
    const avgHold = aggregate(engine, {
      grouping: { groupBy: 'Queues', keys: ['q1'] },
      responseOptions: { timers: { callsSegmentsDuration: { aggregationType: 'Average' } } },
    }).records[0];
    expect(value(avgHold, 'timers', 'callsSegments', 'hold')).toBe(30); // only c1 had hold
    expect(value(avgHold, 'timers', 'callsSegments', 'ringing')).toBe(45); // (10 + 80) / 2
  });
});

describe('Min, Max and Average over interval buckets', () => {
  const threeDays = { timeFrom: '2026-11-23T05:00:00Z', timeTo: '2026-11-26T04:59:59Z' }; // Mon–Wed, New York

  it('aggregates the per-day sums (Mon 3, Tue 2, Wed 1)', () => {
    const counters = {
      allCalls: { aggregationType: 'Average', aggregationInterval: 'Day' },
      callsByDirection: { aggregationType: 'Max', aggregationInterval: 'Day' },
      callsByResult: { aggregationType: 'Min', aggregationInterval: 'Day' },
    };
    const timers = { allCallsDuration: { aggregationType: 'Max', aggregationInterval: 'Day' } };
    const r = aggregate(engine, {
      timeSettings: { timeRange: threeDays },
      responseOptions: { counters, timers },
    }).records[0];
    expect(value(r, 'counters', 'allCalls')).toBe(2);
    expect(value(r, 'counters', 'callsByDirection', 'inbound')).toBe(3); // Monday: c1, c2, c3
    expect(value(r, 'counters', 'callsByResult', 'completed')).toBe(1); // Mon 1, Tue 2, Wed 1
    expect(value(r, 'timers', 'allCalls')).toBe(455); // Monday: 300 + 95 + 60
  });

  it('skips buckets with no included day', () => {
    const counters = {
      allCalls: { aggregationType: 'Min', aggregationInterval: 'Day' },
      callsByOrigin: { aggregationType: 'Average', aggregationInterval: 'Day' },
    };
    const r = aggregate(engine, {
      timeSettings: { timeRange: threeDays, advancedTimeSettings: { includeDays: ['Tuesday', 'Wednesday'] } },
      responseOptions: { counters },
    }).records[0];
    expect(value(r, 'counters', 'allCalls')).toBe(1);
    expect(value(r, 'counters', 'callsByOrigin', 'external')).toBe(1); // (Tue 1 + Wed 1) / 2
  });

  it('averages hourly counts over every hour of the range', () => {
    const r = aggregate(engine, {
      timeSettings: { timeRange: threeDays },
      responseOptions: {
        counters: {
          allCalls: { aggregationType: 'Average', aggregationInterval: 'Hour' },
          callsByType: { aggregationType: 'Max', aggregationInterval: 'Hour' },
        },
      },
    }).records[0];
    expect(value(r, 'counters', 'allCalls')).toBeCloseTo(6 / 72, 12);
    expect(value(r, 'counters', 'callsByType', 'direct')).toBe(1);
  });
});

describe('groupings', () => {
  it('Queues: one record per queue with its legs', () => {
    const q = byKey(
      aggregate(engine, {
        grouping: { groupBy: 'Queues' },
        responseOptions: {
          counters: { allCalls: SUM, callsByResult: SUM },
          timers: { allCallsDuration: SUM },
        },
      }).records,
    );
    expect(Object.keys(q)).toEqual(['q1', 'q2']);
    expect(q.q1?.info).toEqual({ extensionNumber: '500', name: 'Support' });
    expect(value(q.q1, 'counters', 'allCalls')).toBe(2);
    expect(value(q.q1, 'timers', 'allCalls')).toBe(360);
    expect(value(q.q2, 'counters', 'callsByResult', 'voicemail')).toBe(1);
    expect(value(q.q2, 'counters', 'callsByResult', 'transferred')).toBe(1);
  });

  it('Users: legs of user extensions, with queue opportunities', () => {
    const u = byKey(
      aggregate(engine, {
        grouping: { groupBy: 'Users' },
        responseOptions: {
          counters: { allCalls: SUM, queueOpportunities: SUM, callsByType: SUM, callsByDirection: SUM },
        },
      }).records,
    );
    expect(Object.keys(u)).toEqual(['u1', 'u2', 'u3']);
    expect(value(u.u1, 'counters', 'allCalls')).toBe(2);
    expect(u.u1?.counters?.callsByDirection?.values).toEqual({ inbound: 1, outbound: 1 });
    expect(value(u.u2, 'counters', 'allCalls')).toBe(3);
    expect(value(u.u2, 'counters', 'queueOpportunities')).toBe(2);
    expect(value(u.u2, 'counters', 'callsByType', 'fromQueue')).toBe(2);
    expect(value(u.u3, 'counters', 'callsByType', 'transferred')).toBe(1);
    expect(value(u.u3, 'counters', 'callsByType', 'outbound')).toBe(1);
  });

  it('IVRs, SharedLines and IVAs: records of zeros where nothing matched, none where no entity exists', () => {
    expect(allCallsByKey(engine, { grouping: { groupBy: 'IVRs' } })).toEqual({ i1: 1 });
    expect(allCallsByKey(engine, { grouping: { groupBy: 'SharedLines' } })).toEqual({ sl1: 0 });
    const ivas = aggregate(engine, {
      grouping: { groupBy: 'IVAs' },
      responseOptions: { counters: { allCalls: SUM } },
    });
    expect(ivas.records).toEqual([]);
    expect(ivas.paging.totalElements).toBe(0);
  });

  it('CompanyNumbers: the company view keyed by called number', () => {
    expect(allCallsByKey(engine, { grouping: { groupBy: 'CompanyNumbers' } })).toEqual({
      '+15550001': 2,
      '+15550002': 2,
    });
  });

  it('Departments, UserGroups and Sites count a call once per group, merging its members’ legs', () => {
    expect(allCallsByKey(engine, { grouping: { groupBy: 'Departments' } })).toEqual({ Care: 4, Sales: 2 });
    expect(allCallsByKey(engine, { grouping: { groupBy: 'UserGroups' } })).toEqual({ g1: 4, g2: 4 });
    expect(allCallsByKey(engine, { grouping: { groupBy: 'Sites' } })).toEqual({ s1: 4, s2: 3 });
    const g2 = aggregate(engine, {
      grouping: { groupBy: 'UserGroups', keys: ['g2'] },
      responseOptions: {
        counters: { callsByResult: SUM, callsByResponse: SUM },
        timers: { allCallsDuration: SUM },
      },
    }).records[0];
    // c6 touched u2 and u3 (both g2): once, answered, ending Completed (the last leg), 200 + 200 s.
    expect(value(g2, 'timers', 'allCalls')).toBe(15 + 200 + 120 + 400);
    expect(value(g2, 'counters', 'callsByResult', 'completed')).toBe(3);
    expect(value(g2, 'counters', 'callsByResult', 'missed')).toBe(1);
    const care = aggregate(engine, {
      grouping: { groupBy: 'Departments', keys: ['Care'] },
      responseOptions: { counters: { callsByDirection: SUM, callsByResponse: SUM } },
    }).records[0];
    // c5 (u1 → u2, both Care): the first leg's direction (outbound), answered because u2 answered.
    expect(care?.counters?.callsByDirection?.values).toEqual({ inbound: 3, outbound: 1 });
    expect(value(care, 'counters', 'callsByResponse', 'answered')).toBe(3);
    expect(care?.info).toEqual({ name: 'Care' });
    const site = aggregate(engine, { grouping: { groupBy: 'Sites', keys: ['s1'] }, responseOptions: {} })
      .records[0];
    expect(site?.info).toEqual({ extensionNumber: '901', name: 'Boston' });
  });

  it('groupByMembers: user records restricted to members of the given groups', () => {
    expect(allCallsByKey(engine, { grouping: { groupByMembers: 'Queue', keys: ['q2'] } })).toEqual({
      u2: 3,
      u3: 2,
    });
    expect(allCallsByKey(engine, { grouping: { groupByMembers: 'Department', keys: ['Care'] } })).toEqual({
      u1: 2,
      u2: 3,
    });
    expect(allCallsByKey(engine, { grouping: { groupByMembers: 'UserGroup', keys: ['g1'] } })).toEqual({
      u1: 2,
      u2: 3,
    });
    expect(allCallsByKey(engine, { grouping: { groupByMembers: 'Site' } })).toEqual({ u1: 2, u2: 3, u3: 2 });
    const result = aggregate(engine, { grouping: { groupByMembers: 'Queue' }, responseOptions: {} });
    expect(result.groupedBy).toBe('Users');
  });

  it('gives keys without calls (or unknown keys) a record of zeros, in the order asked', () => {
    const result = aggregate(engine, {
      grouping: { groupBy: 'Users', keys: ['u3', 'nobody', 'u1'] },
      responseOptions: { counters: { callsByDirection: SUM } },
    });
    expect(result.records.map((r) => r.key)).toEqual(['u3', 'nobody', 'u1']);
    expect(result.records[1]?.counters?.callsByDirection?.values).toEqual({ inbound: 0, outbound: 0 });
    expect(result.records[1]?.info).toBeUndefined();
  });

  it('pages through keys', () => {
    const body = { grouping: { groupBy: 'Users' }, responseOptions: { counters: { allCalls: SUM } } };
    const first = aggregate(engine, body, { page: 1, perPage: 2 });
    const second = aggregate(engine, body, { page: 2, perPage: 2 });
    expect(first.paging).toEqual({ page: 1, perPage: 2, totalPages: 2, totalElements: 3 });
    expect(first.records.map((r) => r.key)).toEqual(['u1', 'u2']);
    expect(second.records.map((r) => r.key)).toEqual(['u3']);
  });
});
