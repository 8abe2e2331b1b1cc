import type { PlannedQuery } from '../../../../main/core/planner/plan';
import type { ResultRecord } from '../../../../main/core/analytics/records';
import type { QueryCodec } from '../../../../main/core/analytics/codec';
import { Poller } from '../../../../main/core/poller/poller';
import { RateBudget } from '../../../../main/core/poller/rate-budget';
import type { ApiRequest, ApiResponse } from '../../../../main/core/poller/transport';
import { VirtualClock } from '../../../support/virtual-clock';

/** A poller on a virtual clock with a scripted transport: the boundary a unit test may fake. */

export const START = Date.parse('2026-11-24T09:00:00Z');

export function query(id: string, refreshMs = 60_000, pages = 1): PlannedQuery {
  return {
    id,
    endpoint: 'aggregate',
    interval: null,
    grouping: { groupBy: 'Company' },
    callFilters: null,
    time: { window: { kind: 'today' }, timeZone: 'Europe/London', dayReset: '00:00', shift: 'none' },
    counters: { callsByDirection: { aggregationType: 'Sum' } },
    timers: {},
    refreshMs,
    expectedPages: pages,
    tileIds: [id],
  };
}

export interface Sent {
  at: number;
  queryId: string;
  page: number;
}

export type Script = (request: {
  queryId: string;
  page: number;
  count: number;
  at: number;
}) => Promise<ApiResponse> | ApiResponse;

export function ok(value: number, totalPages = 1, headers: Record<string, string> = {}): ApiResponse {
  const body = { totalPages, records: [{ key: 'company', value }] };
  return {
    status: 200,
    headers: { 'x-rate-limit-limit': '50', 'x-rate-limit-window': '60', ...headers },
    body,
    bodyText: JSON.stringify(body),
  };
}

export function status(code: number, body: unknown = {}, headers: Record<string, string> = {}): ApiResponse {
  return { status: code, headers, body, bodyText: JSON.stringify(body) };
}

const codec: QueryCodec = {
  request: (planned, _now, page) => ({ path: `/q/${planned.id}`, query: { page }, body: {} }),
  parse: (_planned, json) => {
    const body = json as { totalPages?: number; records?: Array<{ key: string; value: number }> } | undefined;
    if (!body || !Array.isArray(body.records)) throw new Error('records: expected an array');
    const records: ResultRecord[] = body.records.map((r) => ({
      key: r.key,
      name: null,
      extensionNumber: null,
      counters: { allCalls: r.value },
      timers: {},
      points: null,
    }));
    return { records, totalPages: body.totalPages ?? null };
  },
};

export function harness(script: Script, options: { share?: number; concurrency?: number } = {}) {
  const clock = new VirtualClock(START);
  const sent: Sent[] = [];
  const counts = new Map<string, number>();
  const transport = async (request: ApiRequest): Promise<ApiResponse> => {
    const queryId = request.path.slice(3);
    const page = Number(request.query?.page ?? 1);
    const count = (counts.get(queryId) ?? 0) + 1;
    counts.set(queryId, count);
    sent.push({ at: clock.now(), queryId, page });
    return script({ queryId, page, count, at: clock.now() });
  };
  const budget = new RateBudget({ share: options.share ?? 0.6 });
  const poller = new Poller({
    transport,
    codec,
    budget,
    clock,
    requestTimeoutMs: 20_000,
    backoff: { baseMs: 5_000, maxMs: 300_000, random: () => 0.5 },
    maxConcurrent: options.concurrency ?? 3,
  });
  const run = (ms: number) => clock.runUntil(clock.now() + ms, () => poller.whenIdle());
  const valueOf = (id: string) => {
    const counters = poller.states().get(id)?.records?.[0]?.counters;
    return (counters?.['allCalls'] as number | undefined) ?? null;
  };
  return { clock, sent, poller, budget, run, valueOf };
}

/** The most requests sent inside any window of `windowMs`. */
export function maxInWindow(times: number[], windowMs: number): number {
  let max = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while ((times[i] ?? 0) - (times[j] ?? 0) >= windowMs) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
}
