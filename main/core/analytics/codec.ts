import type { PlannedQuery } from '../planner/plan';
import { parseQueryResponse } from './parse-response';
import type { ResultRecord } from './records';
import { buildRequest } from './request-body';

/** Turns a planned query into HTTP and back: what the poller sends and how it reads the answer. */
export interface QueryCodec {
  request(
    query: PlannedQuery,
    now: Date,
    page: number,
  ): { path: string; query: Record<string, string | number>; body: unknown };
  parse(query: PlannedQuery, json: unknown): { records: ResultRecord[]; totalPages: number | null };
}

/**
 * The analytics wire codec as the poller uses it: a planned query to an HTTP request, and an answer back to records
 * with the page count the poller needs to fetch the rest.
 */
export const analyticsCodec: QueryCodec = {
  request: buildRequest,
  parse(query, json) {
    const { records, paging } = parseQueryResponse(query, json);
    return { records, totalPages: paging.totalPages };
  },
};
