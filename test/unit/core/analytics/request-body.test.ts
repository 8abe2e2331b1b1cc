import { describe, expect, it } from 'vitest';
import { aggregationQuery, timelineQuery } from '../../../../emulator/analytics/query';
import {
  AggregationRequestSchema,
  TimelineRequestSchema,
} from '../../../../emulator/analytics/request-schema';
import type { Board } from '../../../../contract/board';
import { planBoards } from '../../../../main/core/planner/plan-boards';
import type { PlannedQuery } from '../../../../main/core/planner/plan';
import { ANALYTICS_PATHS, buildRequest } from '../../../../main/core/analytics/request-body';
import { PER_PAGE_MAX } from '../../../../contract/api-vocabulary';
import { board, expr, kpi, queueBoard, tile } from '../planner/planner-fixtures';

/**
 * The bodies Callboard sends must be bodies the API accepts: every request built from a plan is checked
 * against the emulator's own request schemas (the OpenAPI spec in zod) and its semantic rules (the
 * 184-day limit, timeFrom ≤ timeTo) as if it arrived a minute later.
 */

const NOW = new Date('2026-11-18T14:05:30Z');

/** Boards that between them use every request feature: filters, restrictions, members, shifts, custom. */
function variedBoards(): Board[] {
  const queues = { kind: 'groupBy', groupBy: 'Queues' };
  return [
    queueBoard(),
    board(
      [
        tile('filtered', 'bigNumber', [kpi('avgTimeToAnswer'), kpi('avgTalk')], {
          compareYesterday: true,
          query: {
            grouping: queues,
            window: { kind: 'rolling', minutes: 90 },
            businessHoursOnly: true,
            callFilters: {
              directions: ['Inbound'],
              callSegments: [{ segment: 'Ringing', length: { minSeconds: 5 } }],
              callDuration: { maxSeconds: 3600 },
            },
            includeDays: ['Monday', 'Friday'],
            includeHours: [{ from: '08:00', to: '18:00' }],
          },
        }),
        tile(
          'members',
          'leaderboard',
          [kpi('agentAnswerRate'), expr('peak', 'callsByDirection.inbound@Max/Hour')],
          {
            query: {
              grouping: { kind: 'groupByMembers', groupByMembers: 'Queue', keys: ['q1'] },
              window: { kind: 'thisWeek' },
            },
          },
        ),
        tile('old', 'gauge', [expr('share', 'callsByResult.abandoned@Percent')], {
          query: { grouping: queues, window: { kind: 'custom', from: '2026-01-01T00:00:00Z', to: null } },
        }),
        tile('overlay', 'timeline', [kpi('offered'), expr('talk', 'callsSegmentsDuration.liveTalk')], {
          interval: 'Day',
          overlayYesterday: true,
          query: { grouping: queues, window: { kind: 'yesterdayToNow' } },
        }),
      ],
      { id: 'varied', timeZone: 'America/New_York', dayReset: '06:00' },
    ),
  ];
}

function acceptedByEmulator(query: PlannedQuery, body: unknown): string[] {
  const later = NOW.getTime() + 60_000;
  const parsed =
    query.endpoint === 'timeline'
      ? TimelineRequestSchema.safeParse(body)
      : AggregationRequestSchema.safeParse(body);
  if (!parsed.success) return parsed.error.issues.map((i) => `${query.id} ${i.path.join('.')}: ${i.message}`);
  try {
    // The semantic rules (184 days, timeFrom <= timeTo) live in the emulator's query builders.
    if (query.endpoint === 'timeline') timelineQuery(TimelineRequestSchema.parse(body), later);
    else aggregationQuery(AggregationRequestSchema.parse(body), later);
    return [];
  } catch (error) {
    return [`${query.id}: ${(error as Error).message}`];
  }
}

describe('buildRequest', () => {
  const plan = planBoards(variedBoards(), { defaultRefreshSeconds: 30 });

  it('builds bodies the emulator’s request schemas accept, for every planned query', () => {
    expect([...plan.tiles.values()].filter((t) => t.error !== null)).toEqual([]);
    expect(plan.queries.length).toBeGreaterThan(8);
    expect(plan.queries.some((q) => q.endpoint === 'timeline')).toBe(true);
    const problems = plan.queries.flatMap((query) =>
      acceptedByEmulator(query, buildRequest(query, NOW, 1).body),
    );
    expect(problems).toEqual([]);
  });

  it('would notice a body the API refuses', () => {
    const query = plan.queries.find((q) => q.endpoint === 'aggregate')!;
    const wrong = { ...query, counters: { callsByDirection: { aggregationType: 'Max' as const } } };
    expect(acceptedByEmulator(wrong, buildRequest(wrong, NOW, 1).body)).toHaveLength(1);
  });

  it('uses the current endpoints with page and perPage (and the timeline interval) in the query string', () => {
    for (const query of plan.queries) {
      const request = buildRequest(query, NOW, 2);
      expect(request.path).toBe(ANALYTICS_PATHS[query.endpoint]);
      expect(request.path).toMatch(/^\/analytics\/calls\/v1\/accounts\/~\/(aggregation|timeline)\/fetch$/);
      expect(request.query).toEqual(
        query.endpoint === 'timeline'
          ? { interval: query.interval, page: 2, perPage: 20 }
          : { page: 2, perPage: 200 },
      );
      expect(request.body).not.toHaveProperty('page');
    }
    expect(PER_PAGE_MAX).toEqual({ aggregate: 200, timeline: 20 });
  });

  it('sends callFilters and advancedTimeSettings only when set', () => {
    const bodies = plan.queries.map((q) => buildRequest(q, NOW, 1).body as Record<string, never>);
    const withFilters = bodies.filter((b) => 'callFilters' in b);
    expect(withFilters.length).toBe(plan.queries.filter((q) => q.callFilters !== null).length);
    expect(withFilters.length).toBeGreaterThan(0);
    const restricted = plan.queries.find((q) => q.time.includeDays);
    const body = buildRequest(restricted!, NOW, 1).body as { timeSettings: Record<string, unknown> };
    expect(body.timeSettings.advancedTimeSettings).toEqual({
      includeDays: ['Monday', 'Friday'],
      includeHours: [{ from: '08:00', to: '18:00' }],
    });
    const plain = buildRequest(plan.queries[0]!, NOW, 1).body as { timeSettings: Record<string, unknown> };
    expect(plain.timeSettings).not.toHaveProperty('advancedTimeSettings');
    expect(plain.timeSettings.timeZone).toBe(plan.queries[0]!.time.timeZone);
  });

  it('writes aggregate options as objects and timeline options as flags', () => {
    const timeline = plan.queries.find((q) => q.endpoint === 'timeline')!;
    const aggregate = plan.queries.find((q) => q.timers.callsSegmentsDuration)!;
    const tBody = buildRequest(timeline, NOW, 1).body as {
      responseOptions: Record<string, Record<string, unknown>>;
    };
    const aBody = buildRequest(aggregate, NOW, 1).body as {
      responseOptions: Record<string, Record<string, unknown>>;
    };
    expect(Object.values(tBody.responseOptions.counters ?? {})).toEqual(
      Object.keys(timeline.counters).map(() => true),
    );
    expect(aBody.responseOptions.timers?.callsSegmentsDuration).toEqual(
      aggregate.timers.callsSegmentsDuration,
    );
  });

  it('omits an empty counters or timers object', () => {
    const plan = planBoards([board([tile('w', 'bigNumber', [kpi('longestWait')])])], {
      defaultRefreshSeconds: 30,
    });
    const body = buildRequest(plan.queries[0]!, NOW, 1).body as { responseOptions: object };
    expect(body.responseOptions).toEqual({ timers: { callsSegmentsDuration: { aggregationType: 'Max' } } });
  });

  it('refuses page numbers the API would refuse', () => {
    expect(() => buildRequest(plan.queries[0]!, NOW, 0)).toThrow(/page/);
    expect(() => buildRequest(plan.queries[0]!, NOW, 1.5)).toThrow(/page/);
  });
});
