import type { CallFilters, Grouping } from '../../../contract/api-request';
import type { Interval } from '../../../contract/api-vocabulary';
import type { TimeWindow } from '../../../contract/board';
import type { Expression } from '../../../contract/expression';
import type { YesterdayCopy } from '../../../contract/tile-types';

/**
 * The plan: what the poller fetches and how the KPI engine reads it back. Shared types only; the
 * planner (plan-boards.ts) builds a Plan, the poller executes its queries, and the KPI engine
 * evaluates each tile's measures against the results of the queries named here.
 */

/** Which copy of a tile's window a query covers: the window as configured, or a copy of yesterday. */
export type TimeShift = 'none' | YesterdayCopy;

/** Time settings of a query, resolved to an absolute timeRange only when a request is sent. */
export interface QueryTime {
  readonly window: TimeWindow;
  readonly timeZone: string;
  /** "hh:mm": when the board's day starts. */
  readonly dayReset: string;
  readonly shift: TimeShift;
  readonly includeDays?: readonly string[];
  readonly includeHours?: readonly { from: string; to: string }[];
}

/** Aggregate response options: one aggregation per metric (the API allows no more in one request). */
export interface AggregateOption {
  readonly aggregationType: 'Sum' | 'Average' | 'Max' | 'Min' | 'Percent';
  readonly aggregationInterval?: Interval;
}

export interface PlannedQuery {
  /** Stable across refreshes and replans while the request's shape is unchanged. */
  readonly id: string;
  readonly endpoint: 'aggregate' | 'timeline';
  /** Timeline bucket size; null for aggregate queries. */
  readonly interval: Interval | null;
  readonly grouping: Grouping;
  readonly callFilters: CallFilters | null;
  readonly time: QueryTime;
  /** Aggregate: metric request name → option. Timeline: metric request names (each a Sum per point). */
  readonly counters: Readonly<Record<string, AggregateOption | true>>;
  readonly timers: Readonly<Record<string, AggregateOption | true>>;
  /** Milliseconds between refreshes: the shortest refresh of the tiles it feeds. */
  readonly refreshMs: number;
  /** Requests one refresh takes (pages), estimated from the key count. */
  readonly expectedPages: number;
  /** `${boardId}/${tileId}` of the tiles fed by this query (for logs). */
  readonly tileIds: readonly string[];
}

/** Where one metric reference of a measure's expression is read from. */
export interface RefSource {
  /** formatMetricRef(ref), e.g. "callsSegmentsDuration.ringing@Max". */
  readonly ref: string;
  readonly queryId: string;
}

export interface MeasurePlan {
  readonly measureId: string;
  readonly expression: Expression;
  readonly sources: readonly RefSource[];
  /** The same expression's sources for yesterday (delta or overlay), or null. */
  readonly yesterdaySources: readonly RefSource[] | null;
}

export interface TilePlan {
  readonly boardId: string;
  readonly tileId: string;
  readonly measures: readonly MeasurePlan[];
  /** Why the tile cannot be planned (e.g. a non-Sum metric on a timeline tile), or null. */
  readonly error: string | null;
}

export interface Plan {
  readonly queries: readonly PlannedQuery[];
  /** Keyed by `${boardId}/${tileId}`. */
  readonly tiles: ReadonlyMap<string, TilePlan>;
  /** Requests one refresh of every query takes: the figure to report to users. */
  readonly requestsPerRefresh: number;
}
