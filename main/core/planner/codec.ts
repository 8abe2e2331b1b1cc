import type { QueryCodec } from '../poller/poller';
import { parseQueryResponse } from './parse-response';
import { buildRequest } from './request-body';

/**
 * The planner's side of the poller: a planned query to an HTTP request, and an answer back to records
 * with the page count the poller needs to fetch the rest.
 */
export const plannerCodec: QueryCodec = {
  request: buildRequest,
  parse(query, json) {
    const { records, paging } = parseQueryResponse(query, json);
    return { records, totalPages: paging.totalPages };
  },
};
