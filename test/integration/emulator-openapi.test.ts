import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COUNTER_NAMES, TIMER_NAMES } from '../../emulator/analytics/metrics';
import { GROUP_BY, GROUP_BY_MEMBERS, INTERVALS } from '../../emulator/analytics/vocabulary';
import { DEMO_APP, startEmulator, type Emulator } from '../../emulator/emulator';

/**
 * Every response the emulator gives for the current API validates against RingCentral's OpenAPI
 * spec in ../shared/reference (CI clones the project with shared/ beside it).
 */

const SPEC = resolve(__dirname, '../../../shared/reference/ringcentral-analytics-openapi.yml');
const specPresent = existsSync(SPEC);

let emulator: Emulator;
let token: string;
let ajv: Ajv;

function validator(schema: string): ValidateFunction {
  const validate = ajv.getSchema(`spec#/components/schemas/${schema}`);
  if (!validate) throw new Error(`no schema ${schema} in the spec`);
  return validate;
}

function expectValid(schema: string, body: unknown, what: string): void {
  const validate = validator(schema);
  if (!validate(body)) {
    throw new Error(
      `${what} does not match ${schema}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`,
    );
  }
}

async function api(path: string, init: RequestInit = {}) {
  const response = await fetch(`${emulator.url}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers },
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

const range = () => ({
  timeFrom: new Date(emulator.clock.now() - 3 * 86_400_000).toISOString(),
  timeTo: new Date(emulator.clock.now()).toISOString(),
});

function analyticsBody(grouping: object, responseOptions: object, extra: object = {}) {
  return JSON.stringify({
    grouping,
    timeSettings: { timeZone: 'Europe/London', timeRange: range() },
    responseOptions,
    ...extra,
  });
}

const everyOption = (names: readonly string[], option: object | boolean) =>
  Object.fromEntries(names.map((name) => [name, option]));

describe.skipIf(!specPresent)('OpenAPI conformance (needs ../shared/reference)', () => {
  beforeAll(async () => {
    const spec = parse(readFileSync(SPEC, 'utf8')) as object;
    ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    for (const name of ['int32', 'int64', 'double', 'float']) ajv.addFormat(name, true);
    // The spec marks some plain ids (site.id, department id) `format: uri`; RingCentral sends bare ids.
    ajv.addFormat('uri', /^\S+$/);
    ajv.addSchema(spec, 'spec');
    emulator = await startEmulator({
      port: 0,
      historyDays: 3,
      limits: {
        light: { limit: 100_000, windowSeconds: 60, penaltySeconds: 60 },
        medium: { limit: 100_000, windowSeconds: 60, penaltySeconds: 60 },
      },
      log: () => undefined,
    });
    const tokenResponse = await fetch(`${emulator.url}/restapi/oauth/token`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${DEMO_APP.clientId}:${DEMO_APP.clientSecret}`).toString('base64')}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=${DEMO_APP.jwt}`,
    });
    const tokenBody = (await tokenResponse.json()) as { access_token: string };
    expectValid('TokenInfo', tokenBody, 'the token response');
    token = tokenBody.access_token;
  });

  afterAll(async () => {
    await emulator?.stop();
  });

  it('directory responses match their schemas', async () => {
    const extensions = await api('/restapi/v1.0/account/~/extension?perPage=10&page=2');
    expect(extensions.status).toBe(200);
    expectValid('GetExtensionListResponse', extensions.body, 'the extension list');
    const queues = await api('/restapi/v1.0/account/~/call-queues');
    expectValid('CallQueueList', queues.body, 'the call-queue list');
    const queue = await api('/restapi/v1.0/account/~/call-queues/3002');
    expectValid('CallQueueDetails', queue.body, 'a call queue');
    const members = await api('/restapi/v1.0/account/~/call-queues/3002/members');
    expectValid('CallQueueMembers', members.body, 'call-queue members');
  });

  it('aggregates for every grouping, with every counter and timer summed', async () => {
    const options = {
      counters: everyOption(COUNTER_NAMES, { aggregationType: 'Sum' }),
      timers: everyOption(TIMER_NAMES, { aggregationType: 'Sum' }),
    };
    const groupings = [
      ...GROUP_BY.map((groupBy) => ({ groupBy })),
      ...GROUP_BY_MEMBERS.map((groupByMembers) => ({ groupByMembers })),
      { groupBy: 'Users', keys: ['1001', 'missing'] },
    ];
    for (const grouping of groupings) {
      const { status, body } = await api('/analytics/calls/v1/accounts/~/aggregation/fetch', {
        method: 'POST',
        body: analyticsBody(grouping, options),
      });
      expect(status).toBe(200);
      expectValid('AggregationResponse', body, `aggregate ${JSON.stringify(grouping)}`);
    }
  });

  it('aggregates with every aggregation type and interval', async () => {
    const cases: Array<{ counters?: object; timers?: object }> = [
      {
        counters: everyOption(
          COUNTER_NAMES.filter((n) => n !== 'queueOpportunities'),
          { aggregationType: 'Percent' },
        ),
        timers: everyOption(TIMER_NAMES, { aggregationType: 'Percent' }),
      },
      ...(['Min', 'Max', 'Average'] as const).map((aggregationType) => ({
        timers: everyOption(TIMER_NAMES, { aggregationType }),
      })),
      ...(['Min', 'Max', 'Average'] as const).flatMap((aggregationType) =>
        INTERVALS.map((aggregationInterval) => ({
          counters: everyOption(
            COUNTER_NAMES.filter((n) => n !== 'queueOpportunities'),
            { aggregationType, aggregationInterval },
          ),
          timers: everyOption(TIMER_NAMES, { aggregationType, aggregationInterval }),
        })),
      ),
    ];
    for (const options of cases) {
      for (const grouping of [{ groupBy: 'Queues' }, { groupBy: 'Company' }]) {
        const { status, body } = await api('/analytics/calls/v1/accounts/~/aggregation/fetch', {
          method: 'POST',
          body: analyticsBody(grouping, options, {
            callFilters: {
              directions: ['Inbound'],
              callSegments: [{ segment: 'Ringing', length: { minSeconds: 1 } }],
            },
          }),
        });
        expect(status).toBe(200);
        expectValid('AggregationResponse', body, `aggregate ${JSON.stringify(options).slice(0, 120)}`);
      }
    }
  });

  it('answers timelines for every interval', async () => {
    const options = {
      counters: everyOption(COUNTER_NAMES, true),
      timers: everyOption(TIMER_NAMES, true),
    };
    for (const interval of INTERVALS) {
      for (const grouping of [
        { groupBy: 'Queues' },
        { groupBy: 'Company' },
        { groupByMembers: 'Queue', keys: ['3001'] },
      ]) {
        const { status, body } = await api(
          `/analytics/calls/v1/accounts/~/timeline/fetch?interval=${interval}&perPage=5`,
          {
            method: 'POST',
            body: analyticsBody(grouping, options),
          },
        );
        expect(status).toBe(200);
        expectValid('TimelineResponse', body, `timeline ${interval} ${JSON.stringify(grouping)}`);
      }
    }
  });

  it('answers RingCentral’s published request samples with schema-valid data', async () => {
    const samples = resolve(SPEC, '../official-request-samples');
    for (const [file, path] of [
      ['aggregate-request-body.json', '/analytics/calls/v1/accounts/~/aggregation/fetch'],
      ['timeline-request-body.json', '/analytics/calls/v1/accounts/~/timeline/fetch?interval=Day'],
    ] as const) {
      const sample = JSON.parse(readFileSync(resolve(samples, file), 'utf8')) as {
        timeSettings: { timeRange: object };
      };
      sample.timeSettings.timeRange = range();
      const { status, body } = await api(path, { method: 'POST', body: JSON.stringify(sample) });
      expect(status).toBe(200);
      expectValid(file.startsWith('aggregate') ? 'AggregationResponse' : 'TimelineResponse', body, file);
    }
  });

  it('catches a response that breaks the schema (the validator bites)', async () => {
    await fetch(`${emulator.url}/__emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ match: { path: '/analytics/' }, fault: { type: 'schema' }, times: 1 }),
    });
    const { status, body } = await api('/analytics/calls/v1/accounts/~/aggregation/fetch', {
      method: 'POST',
      body: analyticsBody({ groupBy: 'Company' }, { counters: { allCalls: { aggregationType: 'Sum' } } }),
    });
    expect(status).toBe(200);
    expect(() => expectValid('AggregationResponse', body, 'the faulty answer')).toThrow(/does not match/);
  });

  it('explains bad requests in the documented error model', async () => {
    const bad = await api('/analytics/calls/v1/accounts/~/aggregation/fetch', {
      method: 'POST',
      body: analyticsBody({ groupBy: 'Teams' }, { counters: { allCalls: { aggregationType: 'Max' } } }),
    });
    expect(bad.status).toBe(400);
    expectValid('ParameterizedErrorResponseModel', bad.body, 'a 400 answer');
    const unauthorized = await fetch(`${emulator.url}/restapi/v1.0/account/~/call-queues`);
    expectValid('ParameterizedErrorResponseModel', await unauthorized.json(), 'a 401 answer');
  });
});
