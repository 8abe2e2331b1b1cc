import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SettingsSchema, type Settings } from '../../contract/settings';
import { startCli } from '../support/cli-process';

/**
 * The hub killed with SIGKILL in the middle of saving settings through the admin API, again and
 * again (CALLBOARD_KILLS rounds, 6 in `npm test`, 50 in `npm run test:kill`). After every kill and
 * restart: settings.json and its backup are both valid, no save the hub acknowledged is missing, and
 * no temporary file of an interrupted write is left once the hub has started.
 */

const ROUNDS = Number(process.env['CALLBOARD_KILLS'] ?? 6);
const ADMIN_KEY = 'kill-test-admin-key-4471';

let dir: string;
let settingsPath: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'callboard-kill-'));
  settingsPath = join(dir, 'settings.json');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function startHub() {
  const hub = await startCli(
    'npx',
    ['tsx', 'main/hub/cli.ts', '--port', '0', '--settings', settingsPath, '--renderer', join(dir, 'none')],
    {
      readyText: 'Stop with Ctrl+C',
      timeoutMs: 60_000,
      env: { ...process.env, CALLBOARD_ADMIN_KEY: ADMIN_KEY, CALLBOARD_SECRETS: 'memory' },
    },
  );
  const port = new URL(/Board:\s+(\S+)/.exec(hub.output())?.[1] ?? '').port;
  return { hub, base: `http://127.0.0.1:${port}` };
}

async function invoke(
  base: string,
  channel: string,
  body?: unknown,
): Promise<{ ok: boolean; value?: unknown }> {
  const response = await fetch(`${base}/api/invoke/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Callboard-Admin-Key': ADMIN_KEY },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await response.json()) as { ok: boolean; value?: unknown };
}

/** A document as the store reads it: valid JSON, a known version, and the settings schema. */
async function validSettings(path: string): Promise<Settings> {
  const json = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  expect(json['version']).toBe(1);
  return SettingsSchema.parse(json);
}

const counterOf = (settings: Settings) => Number(/#(\d+)$/.exec(settings.boards[0]?.name ?? '')?.[1] ?? -1);

describe('settings survive kill -9 during saves', () => {
  it(
    `${ROUNDS} kills: file and backup valid, no acknowledged save lost, no temporary file left`,
    async () => {
      let acknowledged = -1;
      let next = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const { hub, base } = await startHub();
        if (round > 0) {
          expect(await readdir(dir)).not.toContainEqual(
            expect.stringMatching(/^settings\.json(\.bak)?\.\d+$/),
          );
          const onDisk = await validSettings(settingsPath);
          await validSettings(`${settingsPath}.bak`);
          expect(counterOf(onDisk)).toBeGreaterThanOrEqual(acknowledged);
        }
        const current = await invoke(base, 'settings:get');
        const settings = current.value as Settings;
        // Save as fast as the hub answers, and kill it at a random moment in the middle of that.
        let saving = true;
        const saves = (async () => {
          while (saving) {
            const n = next++;
            const boards = settings.boards.map((board, i) =>
              i === 0 ? { ...board, name: `Queues #${n}` } : board,
            );
            const answer = await invoke(base, 'settings:save', { ...settings, boards }).catch(() => null);
            if (answer?.ok) acknowledged = Math.max(acknowledged, n);
            else if (answer) throw new Error(`a save was refused: ${JSON.stringify(answer)}`);
            else return;
          }
        })();
        await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 1_200));
        await hub.kill();
        saving = false;
        await saves;
      }
      expect(acknowledged).toBeGreaterThan(ROUNDS);
      const { hub } = await startHub();
      expect(counterOf(await validSettings(settingsPath))).toBeGreaterThanOrEqual(acknowledged);
      await hub.stop();
    },
    60_000 + ROUNDS * 20_000,
  );
});
