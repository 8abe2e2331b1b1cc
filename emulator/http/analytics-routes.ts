import type { z } from 'zod';
import type { AnalyticsEngine, PageRequest } from '../analytics/engine';
import { ApiError, fromZodError, invalidParameter } from '../analytics/errors';
import {
  LegacyAggregateRequestSchema,
  LegacyTimelineRequestSchema,
  legacyAggregateQuery,
  legacyAggregateResponse,
  legacyTimelineQuery,
  legacyTimelineResponse,
} from '../analytics/legacy';
import { aggregationQuery, timelineQuery } from '../analytics/query';
import { AggregationRequestSchema, TimelineRequestSchema } from '../analytics/request-schema';
import { INTERVALS, type Interval } from '../analytics/vocabulary';
import type { Directory } from '../data/directory';
import { json, parseJsonBody } from './reply';
import type { Route, RouteContext } from './route';

/** Both analytics dialects: the current /analytics/calls/v1 API and the 2022 /analytics/phone/performance/v1. */

export interface AnalyticsDeps {
  engine: AnalyticsEngine;
  directory: () => Directory;
  /** Emulator time; also brings live synthetic data up to date. */
  now: () => number;
}

const CURRENT = '/analytics/calls/v1/accounts/:accountId';
const LEGACY = '/analytics/phone/performance/v1/accounts/:accountId/calls';

function checkAccount(deps: AnalyticsDeps, ctx: RouteContext): void {
  const id = ctx.params.accountId;
  if (id !== '~' && id !== deps.directory().account.id) {
    throw new ApiError(404, [
      { errorCode: 'CMN-102', message: 'Resource for parameter [accountId] is not found' },
    ]);
  }
}

function pageRequest(ctx: RouteContext, maxPerPage: number): PageRequest {
  const read = (name: string, fallback: number, max: number) => {
    const raw = ctx.query.get(name);
    if (raw === null) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > max) {
      throw invalidParameter(name, `must be an integer from 1 to ${max}`, raw);
    }
    return value;
  };
  return { page: read('page', 1, Number.MAX_SAFE_INTEGER), perPage: read('perPage', maxPerPage, maxPerPage) };
}

function intervalOf(ctx: RouteContext): Interval {
  const raw = ctx.query.get('interval');
  if (raw === null) throw invalidParameter('interval', 'is required (Hour, Day, Week or Month)');
  if (!(INTERVALS as readonly string[]).includes(raw)) {
    throw invalidParameter('interval', 'must be one of Hour, Day, Week, Month', raw);
  }
  return raw as Interval;
}

function validated<T extends z.ZodType>(schema: T, ctx: RouteContext): z.infer<T> {
  const parsed = schema.safeParse(parseJsonBody(ctx.body));
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}

export function analyticsRoutes(deps: AnalyticsDeps): Route[] {
  const post = (path: string, handle: Route['handle']): Route => ({
    method: 'POST',
    path,
    group: 'light',
    auth: 'bearer',
    permission: 'Analytics',
    handle(ctx) {
      checkAccount(deps, ctx);
      return handle(ctx);
    },
  });
  return [
    post(`${CURRENT}/aggregation/fetch`, (ctx) => {
      const page = pageRequest(ctx, 200);
      const request = validated(AggregationRequestSchema, ctx);
      const result = deps.engine.aggregate(aggregationQuery(request, deps.now()), page);
      return json({ paging: result.paging, data: { groupedBy: result.groupedBy, records: result.records } });
    }),
    post(`${CURRENT}/timeline/fetch`, (ctx) => {
      const interval = intervalOf(ctx);
      const page = pageRequest(ctx, 20);
      const request = validated(TimelineRequestSchema, ctx);
      const result = deps.engine.timeline(timelineQuery(request, deps.now()), interval, page);
      return json({ paging: result.paging, data: { groupedBy: result.groupedBy, records: result.records } });
    }),
    post(`${LEGACY}/aggregate`, (ctx) => {
      const page = pageRequest(ctx, 1000);
      const request = validated(LegacyAggregateRequestSchema, ctx);
      const query = legacyAggregateQuery(request, deps.now(), deps.directory().account.timeZone);
      return json(legacyAggregateResponse(deps.engine.aggregate(query, page)));
    }),
    post(`${LEGACY}/timeline`, (ctx) => {
      const interval = intervalOf(ctx);
      const request = validated(LegacyTimelineRequestSchema, ctx);
      const query = legacyTimelineQuery(request, deps.now(), deps.directory().account.timeZone);
      return json(
        legacyTimelineResponse(deps.engine.timeline(query, interval, { page: 1, perPage: 100_000 })),
      );
    }),
  ];
}
