import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEMO_APP, startEmulator, type Emulator } from '../../emulator/emulator';

/**
 * Every answer the emulator gives validates against RingCentral's OpenAPI spec
 * (test/fixtures/ringcentral/ringcentral-analytics-openapi.yml, RingCentral's published excerpt; see
 * the README there). The request matrix is driven by the spec itself: every groupBy and groupByMembers value, every
 * counter and timer with every legal aggregationType/aggregationInterval, every filter enum value, and
 * both analytics endpoints with every interval. Each request body is checked against the spec's
 * request schema first, so a refusal of a legal request is caught as well as a malformed answer.
 *
 * Responses are validated twice: against the spec as published, and against a strict copy in which
 * the analytics response objects allow no properties the spec does not name (a misspelt breakdown
 * key would otherwise pass, since the spec does not forbid extra properties).
 */

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SPEC_PATH = resolve(PROJECT_ROOT, 'test/fixtures/ringcentral/ringcentral-analytics-openapi.yml');

const DATA_NOW = Date.parse('2026-11-25T15:00:00Z'); // a Wednesday; London is on UTC in November
const ZONE = 'Europe/London';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const AGGREGATE = '/analytics/calls/v1/accounts/~/aggregation/fetch';
const TIMELINE = '/analytics/calls/v1/accounts/~/timeline/fetch';
const GENEROUS = { limit: 100_000, windowSeconds: 60, penaltySeconds: 60 };

/** Keys that exist in the demo directory, per groupBy / groupByMembers value. */
const SAMPLE_KEYS: Record<string, string[]> = {
  Company: ['400100001'],
  CompanyNumbers: ['+442071234500'],
  Users: ['1001', '1101', 'no-such-user'],
  Queues: ['3002'],
  IVRs: ['2001'],
  IVAs: ['no-such-bot'],
  SharedLines: ['2101'],
  UserGroups: ['Supervisors'],
  Sites: ['900002'],
  Departments: ['Finance'],
  Department: ['Sales'],
  UserGroup: ['Team Red'],
  Queue: ['3001'],
  Site: ['900001'],
};

type Json = Record<string, unknown>;
interface SchemaObject {
  type?: string;
  $ref?: string;
  enum?: string[];
  properties?: Record<string, SchemaObject>;
  items?: SchemaObject;
  additionalProperties?: boolean | SchemaObject;
  [keyword: string]: unknown;
}
interface OpenApiDoc {
  components: { schemas: Record<string, SchemaObject>; responses: Record<string, unknown> };
  [key: string]: unknown;
}
interface Metric {
  valueType: string;
  values: number | Record<string, number>;
}
type Metrics = Record<string, Metric>;
interface AggregateRecord {
  key: string;
  counters?: Metrics;
  timers?: Metrics;
}
interface AggregateBody {
  paging: { page: number; perPage: number; totalPages: number; totalElements: number };
  data: { groupedBy: string; records: AggregateRecord[] };
}
interface TimelineBody {
  paging: AggregateBody['paging'];
  data: { groupedBy: string; records: Array<{ key: string; points: Array<{ time: string } & Json> }> };
}
interface Option {
  aggregationType: string;
  aggregationInterval?: string;
}

function readSpec(): OpenApiDoc {
  return parse(readFileSync(SPEC_PATH, 'utf8')) as OpenApiDoc;
}

/**
 * The spec types a few plain identifiers (`ProvisioningSiteInfo.id`, `DepartmentInfo.id`) as
 * `format: uri`, while RingCentral sends bare ids such as "900001" there. Those `id` properties lose
 * the format; every real `uri` property keeps it. Returns the schemas that were relaxed.
 */
function relaxIdUriFormats(doc: OpenApiDoc): string[] {
  const relaxed: string[] = [];
  for (const [name, schema] of Object.entries(doc.components.schemas)) {
    const id = schema.properties?.id;
    if (id?.format === 'uri') {
      delete id.format;
      relaxed.push(name);
    }
  }
  return relaxed.sort();
}

const isAnalyticsResponseSchema = (name: string) =>
  !name.includes('Options') &&
  /^(AggregationResponse|TimelineResponse|ResponsePaging$|KeyInfo$|Calls|AllCalls$|QueueOpportunities$)/.test(
    name,
  );

/** A copy of the spec whose analytics response objects forbid properties the spec does not name. */
function strictCopy(doc: OpenApiDoc): { doc: OpenApiDoc; closed: string[] } {
  const copy = structuredClone(doc);
  const closed: string[] = [];
  for (const [name, schema] of Object.entries(copy.components.schemas)) {
    if (isAnalyticsResponseSchema(name) && schema.properties && schema.additionalProperties === undefined) {
      schema.additionalProperties = false;
      closed.push(name);
    }
  }
  return { doc: copy, closed };
}

const basicAuth = `Basic ${Buffer.from(`${DEMO_APP.clientId}:${DEMO_APP.clientSecret}`).toString('base64')}`;

describe('OpenAPI conformance of the emulator', () => {
  let spec: OpenApiDoc;
  let ajv: Ajv;
  let emulator: Emulator;
  let token: string;
  const tokenResponses: Array<{ what: string; body: unknown }> = [];

  const schemas = () => spec.components.schemas;
  const schema = (name: string): SchemaObject => {
    const found = schemas()[name];
    if (!found) throw new Error(`the spec has no schema ${name}`);
    return found;
  };
  const refName = (s: SchemaObject | undefined) => s?.$ref?.replace('#/components/schemas/', '') ?? '';
  const enumOf = (name: string): string[] => {
    const values = schema(name).enum;
    if (!values?.length) throw new Error(`schema ${name} is not an enum`);
    return values;
  };
  const propertiesOf = (name: string): string[] => Object.keys(schema(name).properties ?? {});

  function validator(ref: string): ValidateFunction {
    const validate = ajv.getSchema(ref);
    if (!validate) throw new Error(`no schema at ${ref}`);
    return validate;
  }

  /** Problems of `body` against a component schema (published and strict), or null. */
  function problems(schemaName: string, body: unknown, strict = true): string | null {
    const variants = strict ? ['spec', 'strict'] : ['spec'];
    for (const variant of variants) {
      const validate = validator(`${variant}#/components/schemas/${schemaName}`);
      if (!validate(body)) {
        return `${variant} ${schemaName}: ${ajv.errorsText(validate.errors, { separator: '\n    ' })}`;
      }
    }
    return null;
  }

  function problemsAgainstResponse(responseName: string, body: unknown): string | null {
    const validate = validator(`spec#/components/responses/${responseName}/content/application~1json/schema`);
    return validate(body) ? null : `response ${responseName}: ${ajv.errorsText(validate.errors)}`;
  }

  /** Collects findings so one run reports every failing request, not just the first. */
  class Findings {
    readonly list: string[] = [];
    checked = 0;
    add(what: string, problem: string | null): void {
      this.checked++;
      if (problem) this.list.push(`${what}\n    ${problem}`);
    }
    expectNone(minimumChecked: number): void {
      expect(this.list, this.list.join('\n\n')).toEqual([]);
      expect(this.checked).toBeGreaterThanOrEqual(minimumChecked);
    }
  }

  async function call(
    path: string,
    init: { method?: string; body?: unknown; rawBody?: string; auth?: string | null } = {},
  ): Promise<{ status: number; body: unknown }> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    const auth = init.auth === undefined ? `Bearer ${token}` : init.auth;
    if (auth) headers.Authorization = auth;
    const response = await fetch(`${emulator.url}${path}`, {
      method: init.method ?? (init.body === undefined && init.rawBody === undefined ? 'GET' : 'POST'),
      headers,
      body: init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      // not JSON; keep the text
    }
    return { status: response.status, body };
  }

  async function tokenGrant(form: Record<string, string>): Promise<{ status: number; body: Json }> {
    const response = await fetch(`${emulator.url}/restapi/oauth/token`, {
      method: 'POST',
      headers: { Authorization: basicAuth, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    });
    return { status: response.status, body: (await response.json()) as Json };
  }

  function range(days: number, endHoursAgo = 3) {
    const to = emulator.clock.now() - endHoursAgo * HOUR;
    return { timeFrom: new Date(to - days * DAY).toISOString(), timeTo: new Date(to).toISOString() };
  }

  /** Send one analytics request: the body must be spec-legal, the answer 200 and spec-valid. */
  async function analytics(
    findings: Findings,
    kind: 'aggregate' | 'timeline',
    body: Json,
    query = '',
  ): Promise<unknown> {
    const what = `${kind}${query} ${JSON.stringify(body).slice(0, 400)}`;
    const requestSchema = kind === 'aggregate' ? 'AggregationRequest' : 'TimelineRequest';
    const illegal = problems(requestSchema, body, false);
    if (illegal) throw new Error(`test bug: the request is not spec-legal: ${what}\n${illegal}`);
    const path = kind === 'aggregate' ? AGGREGATE : TIMELINE;
    const response = await call(`${path}${query}`, { body });
    if (response.status !== 200) {
      findings.add(what, `status ${response.status}: ${JSON.stringify(response.body)}`);
      return null;
    }
    findings.add(
      what,
      problems(kind === 'aggregate' ? 'AggregationResponse' : 'TimelineResponse', response.body),
    );
    return response.body;
  }

  const counterNames = () => propertiesOf('AggregationResponseOptionsCounters');
  const timerNames = () => propertiesOf('AggregationResponseOptionsTimers');
  /** Response names: counters as requested except callsByActions; timers drop "Duration". */
  const counterResponseName = (name: string) => (name === 'callsByActions' ? 'callsActions' : name);
  const timerResponseName = (name: string) => name.replace('Duration', '');

  beforeAll(async () => {
    spec = readSpec();
    const relaxed = relaxIdUriFormats(spec);
    expect(relaxed).toEqual(['DepartmentInfo', 'ProvisioningSiteInfo']);
    const strict = strictCopy(spec);
    expect(strict.closed).toEqual(
      expect.arrayContaining(['AggregationResponseRecord', 'CallsCounters', 'CallsByResultBreakdown']),
    );
    ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(spec, 'spec');
    ajv.addSchema(strict.doc, 'strict');

    emulator = await startEmulator({
      port: 0,
      seed: 11,
      now: DATA_NOW,
      historyDays: 30,
      limits: {
        light: GENEROUS,
        medium: GENEROUS,
        auth: { limit: 1000, windowSeconds: 60, penaltySeconds: 60 },
      },
      log: () => undefined,
    });
    const jwt = await tokenGrant({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      assertion: DEMO_APP.jwt,
    });
    expect(jwt.status).toBe(200);
    tokenResponses.push({ what: 'jwt-bearer grant', body: jwt.body });
    const refreshed = await tokenGrant({
      grant_type: 'refresh_token',
      refresh_token: String(jwt.body.refresh_token),
    });
    expect(refreshed.status).toBe(200);
    tokenResponses.push({ what: 'refresh_token grant', body: refreshed.body });
    token = String(refreshed.body.access_token);
  });

  afterAll(async () => {
    await emulator?.stop();
  });

  it('the matrix covers the spec’s vocabulary (sanity)', () => {
    expect(enumOf('GroupingOptions')).toHaveLength(10);
    expect(enumOf('MembersGroupingOptions')).toEqual(['Department', 'UserGroup', 'Queue', 'Site']);
    expect(enumOf('AggregationInterval')).toEqual(['Hour', 'Day', 'Week', 'Month']);
    expect(counterNames()).toContain('queueOpportunities');
    expect(timerNames()).toContain('allCallsDuration');
    for (const name of counterNames())
      expect(propertiesOf('CallsCounters')).toContain(counterResponseName(name));
    for (const name of timerNames()) expect(propertiesOf('CallsTimers')).toContain(timerResponseName(name));
    for (const key of [...enumOf('GroupingOptions'), ...enumOf('MembersGroupingOptions')]) {
      expect(SAMPLE_KEYS[key], key).toBeDefined();
    }
  });

  describe('OAuth and directory', () => {
    it('token responses match TokenInfo', async () => {
      const findings = new Findings();
      const location = await fetch(
        `${emulator.url}/restapi/oauth/authorize?response_type=code&client_id=${DEMO_APP.clientId}` +
          '&redirect_uri=http://127.0.0.1:5555/cb&state=s',
        { redirect: 'manual' },
      );
      const code = new URL(location.headers.get('location') ?? 'http://x/').searchParams.get('code') ?? '';
      const codeGrant = await tokenGrant({
        grant_type: 'authorization_code',
        code,
        redirect_uri: 'http://127.0.0.1:5555/cb',
      });
      expect(codeGrant.status).toBe(200);
      for (const { what, body } of [
        ...tokenResponses,
        { what: 'authorization_code grant', body: codeGrant.body },
      ]) {
        findings.add(what, problems('TokenInfo', body, false));
      }
      findings.expectNone(3);
    });

    it('extension lists match GetExtensionListResponse', async () => {
      const findings = new Findings();
      const queries = [
        '',
        '?type=Department',
        '?type=User&perPage=10&page=2',
        '?type=User&perPage=10&page=3',
        '?type=Site,IvrMenu,SharedLinesGroup',
        '?status=Enabled&extensionNumber=101',
        '?page=9',
        '?page=1001',
        '?perPage=5000',
      ];
      for (const query of queries) {
        const response = await call(`/restapi/v1.0/account/~/extension${query}`);
        expect(response.status, query).toBe(200);
        findings.add(`extension list ${query}`, problems('GetExtensionListResponse', response.body, false));
      }
      const all = (await call('/restapi/v1.0/account/400100001/extension')).body as { records: unknown[] };
      expect(all.records.length).toBe(34);
      findings.expectNone(queries.length);
    });

    it('call-queue lists, queues and their members match CallQueueList, CallQueueDetails, CallQueueMembers', async () => {
      const findings = new Findings();
      for (const query of ['', '?memberExtensionId=1003', '?perPage=2&page=2']) {
        const list = await call(`/restapi/v1.0/account/~/call-queues${query}`);
        expect(list.status).toBe(200);
        findings.add(`call-queues ${query}`, problems('CallQueueList', list.body, false));
      }
      for (const id of ['3001', '3002', '3003', '3004']) {
        const details = await call(`/restapi/v1.0/account/~/call-queues/${id}`);
        expect(details.status).toBe(200);
        findings.add(`call-queue ${id}`, problems('CallQueueDetails', details.body, false));
        for (const query of ['', '?perPage=3&page=2']) {
          const members = await call(`/restapi/v1.0/account/~/call-queues/${id}/members${query}`);
          expect(members.status).toBe(200);
          expect((members.body as { records: unknown[] }).records.length).toBeGreaterThan(0);
          findings.add(`members of ${id} ${query}`, problems('CallQueueMembers', members.body, false));
        }
      }
      findings.expectNone(15);
    });
  });

  describe('aggregation/fetch', () => {
    it('answers every groupBy and groupByMembers value, with and without keys', async () => {
      const findings = new Findings();
      const responseOptions = {
        counters: Object.fromEntries(counterNames().map((name) => [name, { aggregationType: 'Sum' }])),
        timers: Object.fromEntries(timerNames().map((name) => [name, { aggregationType: 'Sum' }])),
      };
      const groupings: Json[] = [
        ...enumOf('GroupingOptions').flatMap((groupBy) => [
          { groupBy },
          { groupBy, keys: [] },
          { groupBy, keys: SAMPLE_KEYS[groupBy] },
        ]),
        ...enumOf('MembersGroupingOptions').flatMap((groupByMembers) => [
          { groupByMembers },
          { groupByMembers, keys: SAMPLE_KEYS[groupByMembers] },
        ]),
      ];
      for (const grouping of groupings) {
        const body = (await analytics(findings, 'aggregate', {
          grouping,
          timeSettings: { timeZone: ZONE, timeRange: range(3) },
          responseOptions,
        })) as AggregateBody | null;
        if (!body) continue;
        // Every requested metric comes back, under its response name, on every record.
        for (const record of body.data.records) {
          const counters = Object.keys(record.counters ?? {}).sort();
          const timers = Object.keys(record.timers ?? {}).sort();
          findings.add(
            `metric names ${JSON.stringify(grouping)} ${record.key}`,
            JSON.stringify(counters) === JSON.stringify(counterNames().map(counterResponseName).sort()) &&
              JSON.stringify(timers) === JSON.stringify(timerNames().map(timerResponseName).sort())
              ? null
              : `counters ${counters.join(',')}; timers ${timers.join(',')}`,
          );
        }
      }
      findings.expectNone(groupings.length);
    });

    it('answers every counter and timer with every legal aggregationType and interval', async () => {
      const findings = new Findings();
      const types = enumOf('AggregationType');
      const intervals = enumOf('AggregationInterval');
      const options: Array<{ kind: 'counters' | 'timers'; name: string; option: Option }> = [];
      for (const name of counterNames()) {
        const allowed = refName(
          schema('AggregationResponseOptionsCounters').properties?.[name]?.properties?.aggregationType,
        );
        for (const type of enumOf(allowed)) {
          if (type === 'Sum' || type === 'Percent')
            options.push({ kind: 'counters', name, option: { aggregationType: type } });
          else
            for (const interval of intervals)
              options.push({
                kind: 'counters',
                name,
                option: { aggregationType: type, aggregationInterval: interval },
              });
        }
      }
      for (const name of timerNames()) {
        for (const type of types) {
          options.push({ kind: 'timers', name, option: { aggregationType: type } });
          if (type !== 'Sum' && type !== 'Percent') {
            for (const interval of intervals) {
              options.push({
                kind: 'timers',
                name,
                option: { aggregationType: type, aggregationInterval: interval },
              });
            }
          }
        }
      }
      expect(options.length).toBeGreaterThan(300);
      for (const [i, { kind, name, option }] of options.entries()) {
        // Alternate groupings so each shape of record sees many options without multiplying requests.
        const grouping = [
          { groupBy: 'Queues' },
          { groupBy: 'Company' },
          { groupByMembers: 'Queue', keys: ['3004'] },
        ][i % 3]!;
        const body = (await analytics(findings, 'aggregate', {
          grouping,
          timeSettings: { timeZone: ZONE, timeRange: range(2) },
          responseOptions: { [kind]: { [name]: option } },
        })) as AggregateBody | null;
        if (!body) continue;
        const responseName = kind === 'counters' ? counterResponseName(name) : timerResponseName(name);
        const expectedType =
          option.aggregationType === 'Percent' ? 'Percent' : kind === 'counters' ? 'Instances' : 'Seconds';
        for (const record of body.data.records) {
          const metric = record[kind]?.[responseName];
          const values =
            metric && (typeof metric.values === 'number' ? [metric.values] : Object.values(metric.values));
          findings.add(
            `${kind}.${name} ${JSON.stringify(option)} on ${record.key}`,
            !metric
              ? `missing ${kind}.${responseName}`
              : metric.valueType !== expectedType
                ? `valueType ${metric.valueType}, expected ${expectedType}`
                : values?.every((v) => Number.isFinite(v) && v >= 0)
                  ? null
                  : `negative or non-finite values ${JSON.stringify(metric.values)}`,
          );
        }
      }
      findings.expectNone(options.length);
    });

    it('answers every call filter value and the advanced time settings', async () => {
      const findings = new Findings();
      const filterSchema = schema('CallFilters').properties ?? {};
      const filters: Json[] = [];
      const covered = new Set<string>();
      for (const [name, property] of Object.entries(filterSchema)) {
        const itemEnum = property.type === 'array' ? refName(property.items) : '';
        if (itemEnum && schemas()[itemEnum]?.enum) {
          for (const value of enumOf(itemEnum)) filters.push({ [name]: [value] });
          filters.push({ [name]: enumOf(itemEnum) });
          covered.add(name);
        }
      }
      const segmentEnum = refName(schema('CallSegmentFilter').properties?.segment);
      for (const segment of enumOf(segmentEnum)) {
        filters.push({ callSegments: [{ segment }] });
        filters.push({ callSegments: [{ segment, length: { minSeconds: 5, maxSeconds: 600 } }] });
      }
      filters.push(
        { extensionFilters: { fromIds: ['1001', '1002'] } },
        { extensionFilters: { toIds: ['1003'] } },
        { extensionFilters: { fromIds: [], toIds: [] } },
        { queues: ['3001', '3003'] },
        { calledNumbers: ['+442071234500'] },
        { callDuration: { minSeconds: 60, maxSeconds: 600 } },
        { timeSpent: { minSeconds: 30 } },
        {
          directions: ['Inbound'],
          callResponses: ['Answered'],
          queueSla: ['InSla'],
          companyHours: ['BusinessHours'],
        },
      );
      for (const name of [
        'callSegments',
        'extensionFilters',
        'queues',
        'calledNumbers',
        'callDuration',
        'timeSpent',
      ]) {
        covered.add(name);
      }
      expect([...covered].sort()).toEqual(Object.keys(filterSchema).sort());

      const timeSettings: Json[] = [
        {
          timeZone: ZONE,
          timeRange: range(7),
          advancedTimeSettings: { includeDays: ['Monday', 'Friday'] },
        },
        {
          timeZone: 'America/Los_Angeles',
          timeRange: range(7),
          advancedTimeSettings: { includeHours: [{ from: '09:00', to: '12:59' }] },
        },
        {
          timeZone: 'Asia/Kolkata',
          timeRange: range(7),
          advancedTimeSettings: {
            includeDays: enumOf('DayOfWeek'),
            includeHours: [{ from: '22:00', to: '02:00' }],
          },
        },
        {
          timeZone: ZONE,
          timeRange: range(7),
          advancedTimeSettings: { includeDays: [], includeHours: [] },
        },
      ];
      const options = {
        counters: {
          allCalls: { aggregationType: 'Sum' },
          callsByDirection: { aggregationType: 'Percent' },
          callsByResult: { aggregationType: 'Max', aggregationInterval: 'Day' },
        },
        timers: {
          allCallsDuration: { aggregationType: 'Average' },
          callsSegmentsDuration: { aggregationType: 'Min', aggregationInterval: 'Week' },
        },
      };
      for (const [i, callFilters] of filters.entries()) {
        const grouping = [
          { groupBy: 'Queues' },
          { groupBy: 'Departments' },
          { groupBy: 'Users', keys: ['1001', '1006'] },
        ][i % 3]!;
        await analytics(findings, 'aggregate', {
          grouping,
          timeSettings: { timeZone: ZONE, timeRange: range(2) },
          callFilters,
          responseOptions: options,
        });
      }
      for (const settings of timeSettings) {
        await analytics(findings, 'aggregate', {
          grouping: { groupBy: 'Sites' },
          timeSettings: settings,
          responseOptions: options,
        });
      }
      findings.expectNone(filters.length + timeSettings.length);
    });

    it('pages: perPage, a later page and a page past the end', async () => {
      const findings = new Findings();
      const base = {
        grouping: { groupBy: 'Users' },
        timeSettings: { timeZone: ZONE, timeRange: range(1) },
        responseOptions: { counters: { allCalls: { aggregationType: 'Sum' } } },
      };
      const pages: Array<[string, number]> = [
        ['?perPage=10', 10],
        ['?perPage=10&page=3', 6],
        ['?page=2&perPage=200', 0],
        ['?perPage=1&page=26', 1],
      ];
      for (const [query, count] of pages) {
        const body = (await analytics(findings, 'aggregate', base, query)) as AggregateBody | null;
        expect(body?.data.records.length, query).toBe(count);
        expect(body?.paging.totalElements, query).toBe(26);
      }
      findings.expectNone(pages.length);
    });
  });

  describe('timeline/fetch', () => {
    it('answers every interval for every grouping, with every counter and timer', async () => {
      const findings = new Findings();
      const responseOptions = {
        counters: Object.fromEntries(counterNames().map((name) => [name, true])),
        timers: Object.fromEntries(timerNames().map((name) => [name, true])),
      };
      const days: Record<string, number> = { Hour: 2, Day: 9, Week: 16, Month: 40 };
      const groupings: Json[] = [
        ...enumOf('GroupingOptions').map((groupBy) => ({ groupBy })),
        ...enumOf('MembersGroupingOptions').map((groupByMembers) => ({
          groupByMembers,
          keys: SAMPLE_KEYS[groupByMembers],
        })),
      ];
      let requests = 0;
      for (const interval of enumOf('Interval')) {
        for (const grouping of groupings) {
          requests++;
          const body = (await analytics(
            findings,
            'timeline',
            {
              grouping,
              timeSettings: { timeZone: ZONE, timeRange: range(days[interval] ?? 2) },
              responseOptions,
            },
            `?interval=${interval}`,
          )) as TimelineBody | null;
          for (const record of body?.data.records ?? []) {
            findings.add(
              `points of ${interval} ${JSON.stringify(grouping)} ${record.key}`,
              record.points.length > 0 ? null : 'no points',
            );
          }
        }
      }
      findings.expectNone(requests);
    });

    it('answers partial options, filters, zones and paging', async () => {
      const findings = new Findings();
      const cases: Array<[Json, string]> = [
        [{ counters: { allCalls: true, callsByResponse: false } }, '?interval=Day'],
        [{ timers: { allCallsDuration: true, callsDurationByQueueSla: true } }, '?interval=Hour&perPage=2'],
        [
          { counters: { queueOpportunities: true }, timers: { callsSegmentsDuration: true } },
          '?interval=Week&page=2&perPage=3',
        ],
        [{}, '?interval=Month'],
      ];
      for (const [responseOptions, query] of cases) {
        await analytics(
          findings,
          'timeline',
          {
            grouping: { groupBy: 'Queues' },
            timeSettings: {
              timeZone: 'America/New_York',
              timeRange: range(3),
              advancedTimeSettings: {
                includeDays: ['Monday', 'Tuesday'],
                includeHours: [{ from: '08:00', to: '17:59' }],
              },
            },
            callFilters: {
              directions: ['Inbound'],
              callSegments: [{ segment: 'Ringing', length: { minSeconds: 1 } }],
            },
            responseOptions,
          },
          query,
        );
      }
      findings.expectNone(cases.length);
    });

    it('answers RingCentral’s official request samples with schema-valid data', async () => {
      const findings = new Findings();
      const samples = resolve(SPEC_PATH, '../official-request-samples');
      const cases: Array<[string, 'aggregate' | 'timeline', string]> = [
        ['aggregate-request-body.json', 'aggregate', ''],
        ...['Hour', 'Day', 'Week', 'Month'].map((interval): [string, 'timeline', string] => [
          'timeline-request-body.json',
          'timeline',
          `?interval=${interval}`,
        ]),
      ];
      for (const [file, kind, query] of cases) {
        const sample = JSON.parse(readFileSync(resolve(samples, file), 'utf8')) as Json & {
          timeSettings: { timeRange: object };
        };
        sample.timeSettings.timeRange = range(7);
        await analytics(findings, kind, sample, query);
      }
      findings.expectNone(cases.length);
    });
  });

  describe('errors', () => {
    it('400 answers match ParameterizedErrorResponseModel', async () => {
      const findings = new Findings();
      const good = {
        grouping: { groupBy: 'Queues' },
        timeSettings: { timeZone: ZONE, timeRange: range(1) },
        responseOptions: { counters: { allCalls: { aggregationType: 'Sum' } } },
      };
      const bad: Array<[string, string, { body?: unknown; rawBody?: string }]> = [
        ['bad enum', AGGREGATE, { body: { ...good, grouping: { groupBy: 'Teams' } } }],
        [
          'both groupings',
          AGGREGATE,
          { body: { ...good, grouping: { groupBy: 'Users', groupByMembers: 'Queue' } } },
        ],
        [
          'Min without interval',
          AGGREGATE,
          { body: { ...good, responseOptions: { counters: { allCalls: { aggregationType: 'Min' } } } } },
        ],
        [
          'Sum with interval',
          AGGREGATE,
          {
            body: {
              ...good,
              responseOptions: {
                timers: { allCallsDuration: { aggregationType: 'Sum', aggregationInterval: 'Day' } },
              },
            },
          },
        ],
        [
          'queueOpportunities Percent',
          AGGREGATE,
          {
            body: {
              ...good,
              responseOptions: { counters: { queueOpportunities: { aggregationType: 'Percent' } } },
            },
          },
        ],
        [
          'unknown counter',
          AGGREGATE,
          { body: { ...good, responseOptions: { counters: { everything: { aggregationType: 'Sum' } } } } },
        ],
        [
          'bad time zone',
          AGGREGATE,
          { body: { ...good, timeSettings: { ...good.timeSettings, timeZone: 'Nowhere/Land' } } },
        ],
        [
          'bad hh:mm',
          AGGREGATE,
          {
            body: {
              ...good,
              timeSettings: {
                ...good.timeSettings,
                advancedTimeSettings: { includeHours: [{ from: '25:00', to: '26:00' }] },
              },
            },
          },
        ],
        [
          'too old',
          AGGREGATE,
          { body: { ...good, timeSettings: { timeZone: ZONE, timeRange: range(190) } } },
        ],
        ['empty body', AGGREGATE, { rawBody: '' }],
        ['array body', AGGREGATE, { rawBody: '[]' }],
        ['unparsable', AGGREGATE, { rawBody: '{"grouping":' }],
        ['perPage 201', `${AGGREGATE}?perPage=201`, { body: good }],
        ['page 0', `${AGGREGATE}?page=0`, { body: good }],
        [
          'timeline without interval',
          TIMELINE,
          { body: { ...good, responseOptions: { counters: { allCalls: true } } } },
        ],
        [
          'timeline perPage 21',
          `${TIMELINE}?interval=Day&perPage=21`,
          { body: { ...good, responseOptions: { counters: { allCalls: true } } } },
        ],
        ['timeline with aggregate options', `${TIMELINE}?interval=Day`, { body: good }],
        ['extension list bad type', '/restapi/v1.0/account/~/extension?type=Robot', {}],
      ];
      for (const [what, path, init] of bad) {
        const response = await call(path, init);
        findings.add(
          what,
          response.status === 400
            ? problems('ParameterizedErrorResponseModel', response.body, false)
            : `status ${response.status}`,
        );
        findings.add(`${what} (InvalidRequest)`, problemsAgainstResponse('InvalidRequest', response.body));
      }
      findings.expectNone(bad.length * 2);
    });

    it('401, 404, 429 and 5xx answers match the error models', async () => {
      const findings = new Findings();
      const unauthorized: Array<[string, string | null]> = [
        ['no token', null],
        ['unknown token', 'Bearer nope'],
        ['not bearer', 'Basic abc'],
      ];
      for (const [what, auth] of unauthorized) {
        const response = await call('/restapi/v1.0/account/~/call-queues', { auth });
        findings.add(
          what,
          response.status === 401
            ? problemsAgainstResponse('Unauthorized', response.body)
            : `status ${response.status}`,
        );
      }
      const notFound = await call('/analytics/calls/v1/accounts/12345/aggregation/fetch', { body: {} });
      findings.add(
        '404',
        notFound.status === 404
          ? problems('ApiErrorResponseModel', notFound.body, false)
          : `status ${notFound.status}`,
      );

      const fault = await fetch(`${emulator.url}/__emulator/faults`, {
        method: 'POST',
        body: JSON.stringify([
          {
            match: { path: '/restapi/v1.0/account/~/call-queues' },
            fault: { type: 'status', status: 500 },
            times: 1,
          },
          {
            match: { path: '/restapi/v1.0/account/~/extension' },
            fault: { type: 'status', status: 429, retryAfter: 1 },
            times: 1,
          },
        ]),
      });
      expect(fault.status).toBe(201);
      const internal = await call('/restapi/v1.0/account/~/call-queues');
      findings.add(
        '500',
        internal.status === 500
          ? problemsAgainstResponse('InternalError', internal.body)
          : `status ${internal.status}`,
      );
      const limited = await call('/restapi/v1.0/account/~/extension');
      findings.add(
        '429',
        limited.status === 429
          ? problems('ApiErrorResponseModel', limited.body, false)
          : `status ${limited.status}`,
      );
      findings.expectNone(6);
    });

    it('OAuth 400 answers match OauthInvalidRequest', async () => {
      const findings = new Findings();
      const grants: Array<[string, Record<string, string>]> = [
        ['wrong jwt', { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: 'nope' }],
        [
          'unknown code',
          { grant_type: 'authorization_code', code: 'nope', redirect_uri: 'http://127.0.0.1:1/cb' },
        ],
        ['unknown refresh token', { grant_type: 'refresh_token', refresh_token: 'nope' }],
        ['unsupported grant', { grant_type: 'password', username: 'a', password: 'b' }],
      ];
      for (const [what, form] of grants) {
        const response = await tokenGrant(form);
        findings.add(
          what,
          response.status === 400
            ? problemsAgainstResponse('OauthInvalidRequest', response.body)
            : `status ${response.status}`,
        );
      }
      findings.expectNone(grants.length);
    });
  });

  describe('the validator bites', () => {
    it('rejects the emulator’s schema-violating fault and a response missing a breakdown key', async () => {
      await fetch(`${emulator.url}/__emulator/faults`, {
        method: 'POST',
        body: JSON.stringify({ match: { path: '/analytics/' }, fault: { type: 'schema' }, times: 1 }),
      });
      const body = {
        grouping: { groupBy: 'Queues' },
        timeSettings: { timeZone: ZONE, timeRange: range(1) },
        responseOptions: { counters: { callsByDirection: { aggregationType: 'Sum' } } },
      };
      const faulty = await call(AGGREGATE, { body });
      expect(faulty.status).toBe(200);
      expect(problems('AggregationResponse', faulty.body, false)).toMatch(/must be/);

      const good = await call(AGGREGATE, { body });
      expect(problems('AggregationResponse', good.body)).toBeNull();
      const damaged = structuredClone(good.body) as AggregateBody;
      const values = damaged.data.records[0]?.counters?.callsByDirection?.values as Record<string, number>;
      delete values.outbound;
      expect(problems('AggregationResponse', damaged, false)).toMatch(/outbound/);
      const extra = structuredClone(good.body) as AggregateBody;
      (extra.data.records[0]?.counters?.callsByDirection?.values as Record<string, number>).sideways = 1;
      expect(problems('AggregationResponse', extra, false)).toBeNull();
      expect(problems('AggregationResponse', extra)).toMatch(/additional properties/);
    });
  });
});
