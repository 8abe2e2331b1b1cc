import type { z } from 'zod';
import { describeIssue } from '../../../contract/describe-issue';
import type { PlannedQuery } from '../planner/plan';
import type { ResultPoint, ResultRecord } from './records';
import { AggregateAnswerSchema, TimelineAnswerSchema, plainMessage } from './response-schema';

/**
 * Analytics answers to ResultRecords. Every answer is validated before a value reaches a tile; one that
 * does not fit throws a ResponseSchemaError naming the field, e.g.
 * `data.records[3].counters.callsByDirection.values.inbound: expected a number, got text "7"`.
 */

export class ResponseSchemaError extends Error {
  override readonly name = 'ResponseSchemaError';
}

export interface Paging {
  page: number;
  perPage: number;
  totalPages: number | null;
  totalElements: number | null;
}

export interface ParsedPage {
  records: ResultRecord[];
  paging: Paging;
}

export function parseAggregateResponse(json: unknown): ParsedPage {
  const answer = validate(AggregateAnswerSchema, json);
  const records = (answer.data.records ?? []).map((record): ResultRecord => ({
    ...identity(record),
    counters: record.counters,
    timers: record.timers,
    points: null,
  }));
  return { records, paging: pagingOf(answer.paging) };
}

export function parseTimelineResponse(json: unknown): ParsedPage {
  const answer = validate(TimelineAnswerSchema, json);
  const records = (answer.data.records ?? []).map((record): ResultRecord => ({
    ...identity(record),
    counters: {},
    timers: {},
    points: (record.points ?? []).map((point): ResultPoint => ({
      time: point.time,
      counters: point.counters,
      timers: point.timers,
    })),
  }));
  return { records, paging: pagingOf(answer.paging) };
}

/** The parser for a query's endpoint. */
export function parseQueryResponse(query: Pick<PlannedQuery, 'endpoint'>, json: unknown): ParsedPage {
  return query.endpoint === 'timeline' ? parseTimelineResponse(json) : parseAggregateResponse(json);
}

/**
 * One list from several pages, in page order. A key that moved onto a later page between two page
 * requests (the data changed meanwhile) is kept once, as first seen.
 */
export function mergePages(pages: readonly Pick<ParsedPage, 'records'>[]): ResultRecord[] {
  const byKey = new Map<string, ResultRecord>();
  for (const page of pages) {
    for (const record of page.records) if (!byKey.has(record.key)) byKey.set(record.key, record);
  }
  return [...byKey.values()];
}

function validate<S extends z.ZodType>(schema: S, json: unknown): z.output<S> {
  const parsed = schema.safeParse(json, { error: plainMessage });
  if (!parsed.success) throw new ResponseSchemaError(describeIssue(parsed.error));
  return parsed.data;
}

function identity(record: { key: string; info?: { extensionNumber?: string; name?: string } | null }) {
  return {
    key: record.key,
    name: record.info?.name ?? null,
    extensionNumber: record.info?.extensionNumber ?? null,
  };
}

function pagingOf(paging: {
  page: number;
  perPage: number;
  totalPages?: number | null;
  totalElements?: number | null;
}): Paging {
  return {
    page: paging.page,
    perPage: paging.perPage,
    totalPages: paging.totalPages ?? null,
    totalElements: paging.totalElements ?? null,
  };
}
