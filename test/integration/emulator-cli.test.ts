import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli, type CliProcess } from '../support/cli-process';

/**
 * `npm run emulator -- --directory D --calls C` as a user (or the fixture replay) runs it: a real
 * child process on a real port, answering the hand-computed fixture's numbers over HTTP.
 */

const root = resolve(__dirname, '../..');
const fixtures = resolve(root, 'test/fixtures/engine');
let emulator: CliProcess;
let base: string;
let output = '';

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

async function token(): Promise<string> {
  const response = await fetch(`${base}/restapi/oauth/token`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from('callboard-demo:callboard-demo-secret').toString('base64')}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=callboard-demo-jwt',
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  emulator = await startCli(
    'npm',
    [
      'run',
      '--silent',
      'emulator',
      '--',
      '--port',
      String(port),
      '--directory',
      `${fixtures}/directory.json`,
      '--calls',
      `${fixtures}/calls.jsonl`,
    ],
    { readyText: 'control   ' },
  );
  output = emulator.output();
  expect(output).toContain(`listening on ${base}`);
});

afterAll(() => emulator.stop());

describe('emulator CLI with directory and call files', () => {
  it('prints where it listens and what it serves', () => {
    expect(output).toContain('account   acc1 (America/New_York)');
    expect(output).toContain('8 calls from');
  });

  it('answers the fixture’s numbers', async () => {
    const response = await fetch(`${base}/analytics/calls/v1/accounts/~/aggregation/fetch`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await token()}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        grouping: { groupBy: 'Queues' },
        timeSettings: {
          timeZone: 'America/New_York',
          timeRange: { timeFrom: '2026-11-20T00:00:00Z', timeTo: '2026-11-28T00:00:00Z' },
        },
        responseOptions: { counters: { callsByQueueSla: { aggregationType: 'Sum' } } },
      }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      data: { records: Array<{ key: string; counters: { callsByQueueSla: { values: object } } }> };
    };
    expect(body.data.records.map((r) => [r.key, r.counters.callsByQueueSla.values])).toEqual([
      ['q1', { inSla: 1, outOfSla: 1 }],
      ['q2', { inSla: 0, outOfSla: 1 }],
    ]);
  });

  it('refuses a bad call file with a message naming the line and field', async () => {
    const bad = spawn(
      'npx',
      ['tsx', 'emulator/cli.ts', '--calls', resolve(root, 'test/fixtures/bad-calls.jsonl')],
      {
        cwd: root,
      },
    );
    let text = '';
    bad.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const [code] = (await once(bad, 'exit')) as [number];
    expect(code).toBe(1);
    expect(text).toMatch(/bad-calls\.jsonl line 2: company\.direction Invalid option/);
  });
});
