import { resolve } from 'node:path';
import { AnalyticsEngine, type AggregateRecord, type PageRequest } from '../../../emulator/analytics/engine';
import { aggregationQuery, timelineQuery } from '../../../emulator/analytics/query';
import { AggregationRequestSchema, TimelineRequestSchema } from '../../../emulator/analytics/request-schema';
import type { Interval } from '../../../emulator/analytics/vocabulary';
import { CallStore } from '../../../emulator/data/call-store';
import { Directory } from '../../../emulator/data/directory';
import { loadCallsFile, loadDirectoryFile } from '../../../emulator/load';

/**
 * The hand-computed fixture (test/fixtures/engine): one account in America/New_York, two queues, three
 * users, an IVR, a shared line, two sites, eight calls. Every expected number in the engine tests was
 * worked out by hand from these files.
 */

export const NOW = Date.parse('2026-11-28T12:00:00Z');
export const WEEK = { timeFrom: '2026-11-20T00:00:00Z', timeTo: '2026-11-28T00:00:00Z' };
export const NEW_YORK = 'America/New_York';
export const SUM = { aggregationType: 'Sum' } as const;

const fixtures = resolve(__dirname, '../../fixtures/engine');

export async function loadFixtureEngine(): Promise<AnalyticsEngine> {
  const directory = new Directory(await loadDirectoryFile(resolve(fixtures, 'directory.json')));
  const store = new CallStore();
  store.add(await loadCallsFile(resolve(fixtures, 'calls.jsonl')));
  return new AnalyticsEngine(store, () => directory);
}

type Body = Record<string, unknown>;

function withDefaults(body: Body): Body {
  return {
    grouping: { groupBy: 'Company' },
    ...body,
    timeSettings: { timeZone: NEW_YORK, timeRange: WEEK, ...(body.timeSettings as Body | undefined) },
  };
}

export function aggregate(
  engine: AnalyticsEngine,
  body: Body,
  page: PageRequest = { page: 1, perPage: 200 },
) {
  const request = AggregationRequestSchema.parse(withDefaults(body));
  return engine.aggregate(aggregationQuery(request, NOW), page);
}

export function timeline(
  engine: AnalyticsEngine,
  interval: Interval,
  body: Body,
  page: PageRequest = { page: 1, perPage: 20 },
) {
  const request = TimelineRequestSchema.parse(withDefaults(body));
  return engine.timeline(timelineQuery(request, NOW), interval, page);
}

/** Record values by key: `values(result)['q1'].counters.allCalls`. */
export function byKey(records: AggregateRecord[]): Record<string, AggregateRecord> {
  return Object.fromEntries(records.map((record) => [record.key, record]));
}

/** The plain number of a scalar metric or one breakdown value. */
export function value(
  record: AggregateRecord | undefined,
  kind: 'counters' | 'timers',
  name: string,
  key?: string,
) {
  const metric = record?.[kind]?.[name];
  if (!metric) throw new Error(`no ${kind}.${name} in record ${record?.key}`);
  if (key === undefined) return metric.values as number;
  const part = (metric.values as Record<string, number>)[key];
  if (part === undefined) throw new Error(`no ${kind}.${name}.${key} in record ${record?.key}`);
  return part;
}

/** allCalls Sum of each record for a request, keyed by record key. */
export function allCallsByKey(engine: AnalyticsEngine, body: Body): Record<string, number> {
  const result = aggregate(engine, { ...body, responseOptions: { counters: { allCalls: SUM } } });
  return Object.fromEntries(
    result.records.map((r): [string, number] => [r.key, value(r, 'counters', 'allCalls')]),
  );
}
