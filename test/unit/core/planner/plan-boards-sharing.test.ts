import { describe, expect, it } from 'vitest';
import type { Grouping } from '../../../../contract/api-request';
import { planBoards, tileKey } from '../../../../main/core/planner/plan-boards';
import type { Plan } from '../../../../main/core/planner/plan';
import { QUEUES, board, expr, kpi, optionFor, queueBoard, sourceProblems, tile } from './planner-fixtures';

/** planBoards: pages per refresh, sharing across boards and time settings, refresh intervals and ids. */

const options = { defaultRefreshSeconds: 30 };

describe('paging', () => {
  const users = (type: string, grouping: unknown, extra: Record<string, unknown> = {}) =>
    board([tile('t', type, [kpi('answered')], { query: { grouping, window: { kind: 'today' } }, ...extra })]);

  it('pages aggregate requests through more than 200 keys the directory knows of', () => {
    const seen: Grouping[] = [];
    const keyCount = (grouping: Grouping) => (seen.push(grouping), 450);
    const plan = planBoards([users('leaderboard', { kind: 'groupBy', groupBy: 'Users' })], {
      ...options,
      keyCount,
    });
    expect(seen).toEqual([{ groupBy: 'Users' }]);
    expect(plan.queries[0]?.expectedPages).toBe(3);
    expect(plan.requestsPerRefresh).toBe(3);
  });

  it('pages timeline requests through more than 20 explicit keys without asking the directory', () => {
    const keys = Array.from({ length: 45 }, (_, i) => `u${i}`);
    const plan = planBoards([users('timeline', { kind: 'groupBy', groupBy: 'Users', keys })], {
      ...options,
      keyCount: () => 1000,
    });
    expect(plan.queries[0]?.expectedPages).toBe(3);
  });

  it('counts one page for Company and for groupings nobody can count', () => {
    const company = planBoards([users('bigNumber', { kind: 'groupBy', groupBy: 'Company' })], options);
    const unknown = planBoards([users('leaderboard', { kind: 'groupBy', groupBy: 'Users' })], {
      ...options,
      keyCount: () => null,
    });
    expect(company.requestsPerRefresh).toBe(1);
    expect(unknown.requestsPerRefresh).toBe(1);
  });

  it('asks the directory for groupByMembers, whose keys are groups rather than the users returned', () => {
    const grouping = { kind: 'groupByMembers', groupByMembers: 'Queue', keys: QUEUES };
    const plan = planBoards([users('leaderboard', grouping)], { ...options, keyCount: () => 230 });
    expect(plan.queries[0]?.expectedPages).toBe(2);
  });

  it('sums pages over all requests', () => {
    const plan = planBoards([queueBoard()], {
      ...options,
      keyCount: (g) => (g.groupBy === 'Users' ? 401 : null),
    });
    expect(plan.requestsPerRefresh).toBe(plan.queries.length + 2);
  });
});

describe('time settings and sharing between boards', () => {
  const rolling = { kind: 'rolling', minutes: 30 };
  const second = (
    extra: Record<string, unknown>,
    window: unknown = rolling,
    measure: object = kpi('offered'),
  ) =>
    board(
      [
        tile('x', 'bigNumber', [measure], {
          query: { grouping: { kind: 'groupBy', groupBy: 'Company' }, window },
        }),
      ],
      {
        id: `b-${Object.values(extra)
          .join('-')
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')}`,
        ...extra,
      },
    );

  it('ignores the day reset for rolling windows but not for today', () => {
    const boardsFor = (window: unknown) => [
      second({ dayReset: '00:00' }, window),
      second({ dayReset: '06:00' }, window),
    ];
    expect(planBoards(boardsFor(rolling), options).queries).toHaveLength(1);
    expect(planBoards(boardsFor({ kind: 'today' }), options).queries).toHaveLength(2);
  });

  it('shares today between boards with the same zone and day reset', () => {
    const a = second({ timeZone: 'Europe/London' }, { kind: 'today' });
    const b = { ...second({ timeZone: 'Europe/London' }, { kind: 'today' }), id: 'other' };
    const plan = planBoards([a, b], options);
    expect(plan.queries).toHaveLength(1);
    expect(plan.queries[0]?.tileIds).toEqual([tileKey(a.id, 'x'), 'other/x']);
  });

  it('shares rolling sums across zones, but splits per-interval aggregations by zone', () => {
    const zones = ['Europe/London', 'America/New_York'];
    const sums = planBoards(
      zones.map((timeZone) => second({ timeZone })),
      options,
    );
    expect(sums.queries).toHaveLength(1);
    const peak = expr('peak', 'callsByDirection.inbound@Max/Hour');
    const mixed = planBoards(
      [
        second({ timeZone: zones[0] }, rolling, peak),
        second({ timeZone: zones[1] }),
        second({ timeZone: zones[1] }, rolling, peak),
      ],
      options,
    );
    expect(
      mixed.queries.map((q) => [q.time.timeZone, optionFor(q, 'callsByDirection.inbound@Max/Hour')]),
    ).toEqual([
      ['America/New_York', { aggregationType: 'Sum' }],
      ['America/New_York', { aggregationType: 'Max', aggregationInterval: 'Hour' }],
      ['Europe/London', { aggregationType: 'Max', aggregationInterval: 'Hour' }],
    ]);
    expect(sourceProblems(mixed)).toEqual([]);
  });

  it('keeps the zone for rolling windows restricted to days or hours', () => {
    const restricted = (timeZone: string) =>
      board(
        [
          tile('x', 'bigNumber', [kpi('offered')], {
            query: {
              grouping: { kind: 'groupBy', groupBy: 'Company' },
              window: rolling,
              includeDays: ['Monday'],
            },
          }),
        ],
        { id: timeZone.toLowerCase().replace(/[^a-z]+/g, '-'), timeZone },
      );
    expect(planBoards([restricted('Europe/London'), restricted('Asia/Tokyo')], options).queries).toHaveLength(
      2,
    );
  });

  it('overlays yesterday on a timeline with a whole-day timeline request', () => {
    const plan = planBoards(
      [board([tile('hourly', 'timeline', [kpi('offered')], { overlayYesterday: true })])],
      options,
    );
    const measure = plan.tiles.get('queues/hourly')!.measures[0]!;
    const overlay = plan.queries.find((q) => q.id === measure.yesterdaySources?.[0]?.queryId);
    expect(overlay).toMatchObject({
      endpoint: 'timeline',
      interval: 'Hour',
      time: { shift: 'wholeYesterday' },
    });
  });
});

describe('refresh and identity', () => {
  it('refreshes each request as often as its most demanding tile', () => {
    const plan = planBoards(
      [
        board([
          tile('slow', 'bigNumber', [kpi('offered')], { refreshSeconds: 120 }),
          tile('fast', 'bigNumber', [kpi('answered')], { refreshSeconds: 20 }),
          tile('default', 'bigNumber', [kpi('longestWait')], {
            query: { grouping: { kind: 'groupBy', groupBy: 'Company' }, window: { kind: 'today' } },
          }),
        ]),
      ],
      { defaultRefreshSeconds: 45 },
    );
    const refresh = Object.fromEntries(plan.queries.map((q) => [q.tileIds.join(' '), q.refreshMs]));
    expect(refresh).toEqual({ 'queues/fast queues/slow': 20_000, 'queues/default': 45_000 });
  });

  it('gives the same ids in the same order on every run and for any board order', () => {
    const other = { ...queueBoard(), id: 'second', timeZone: 'America/New_York' };
    const first = planBoards([queueBoard(), other], options);
    const again = planBoards([other, queueBoard()], options);
    expect(again.queries).toEqual(first.queries);
    expect(new Set(first.queries.map((q) => q.id)).size).toBe(first.queries.length);
    expect(first.queries.every((q) => /^(agg|tl)-[0-9a-f]{12}$/.test(q.id))).toBe(true);
  });

  it('keeps existing ids when an unrelated tile is added, and changes them with the request shape', () => {
    const before = planBoards([queueBoard()], options);
    const withMore = queueBoard();
    const extra = tile('outbound', 'bigNumber', [kpi('outbound')], {
      query: { grouping: { kind: 'groupBy', groupBy: 'Sites' }, window: { kind: 'today' } },
    });
    const after = planBoards([board([...withMore.tiles, extra] as never)], options);
    const ids = (plan: Plan) => plan.queries.map((q) => q.id);
    expect(ids(after)).toEqual(expect.arrayContaining(ids(before)));
    expect(after.queries).toHaveLength(before.queries.length + 1);
    const weekly = board(
      queueBoard().tiles.map((t) =>
        'query' in t ? { ...t, query: { ...t.query, window: { kind: 'thisWeek' } } } : t,
      ) as never,
    );
    const changed = ids(planBoards([weekly], options));
    expect(changed.filter((id) => ids(before).includes(id))).toEqual([]);
  });
});
