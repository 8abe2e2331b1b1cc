import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import type { Settings } from '../../contract/settings';
import { hub, openSettings, resetSettings, saveSettings } from './support';

/**
 * A fleet from one place: an IT admin exports every board, hosts the file on a web server (here a
 * plain Node server on this machine), and points the hub at it in the settings window. The file is
 * checked before it is followed; once saved, the board page shows the file's boards and says where
 * they come from; a file that later turns invalid is refused and the last good boards stay.
 */

let original: Settings;
let server: Server;
let served = '';
let url = '';

test.beforeAll(async () => {
  original = await hub.settings();
  server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(served);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fleet/boards.json?token=kept-private`;
});
test.afterAll(async () => {
  await hub.save(original);
  await new Promise((resolve) => server.close(resolve));
});

test('screens follow a boards file at a URL: checked, followed, shown with its source, its token kept private', async ({
  page,
  context,
}) => {
  await resetSettings(original);
  await openSettings(page);
  await page.locator('[data-page="files"]').click();
  const download = page.waitForEvent('download');
  await page.locator('[data-testid="export-all"]').click();
  const exported = JSON.parse(await readFile((await (await download).path())!, 'utf8')) as {
    format: string;
    boards: Array<{ id: string; name: string }>;
  };
  expect(exported.format).toBe('callboard-boards');
  expect(exported.boards.map((board) => board.id)).toEqual(original.boards.map((board) => board.id));

  // The fleet's file: the exported boards, the first one renamed.
  exported.boards[0]!.name = 'Fleet queues';
  served = JSON.stringify(exported);
  await page.locator('[data-testid="follow-source"]').check();
  await page.locator('[data-testid="source-url"]').fill(url);
  await page.locator('[data-testid="source-url"]').blur();
  await page.locator('[data-testid="check-source"]').click();
  await expect(page.locator('[data-testid="source-check"]')).toContainText('The file is valid');
  await expect(page.locator('[data-testid="source-check"]')).toContainText('Fleet queues');
  await saveSettings(page);

  const board = await context.newPage();
  await board.goto('/');
  await expect(board.locator('[data-testid="board-source"]')).toContainText(/Boards: 127\.0\.0\.1:\d+/, {
    timeout: 20_000,
  });
  await expect
    .poll(async () => (await hub.settings()).boards[0]!.name, { timeout: 20_000 })
    .toBe('Fleet queues');
  // The token in the address stays on the hub: not on the board, not in what any screen can read.
  expect(await board.content()).not.toContain('kept-private');
  expect(JSON.stringify(await hub.settings())).not.toContain('kept-private');
  expect(JSON.stringify(await hub.snapshot())).not.toContain('kept-private');
  await expect(page.locator('[data-testid="source-status"]')).toContainText('/fleet/boards.json', {
    timeout: 15_000,
  });

  // An invalid copy is refused by the check and changes nothing (re-reads at the interval take the same
  // path: unit-tested in board-feed.test.ts).
  served = JSON.stringify({ ...exported, boards: [] });
  await page.locator('[data-testid="check-source"]').click();
  await expect(page.locator('[data-testid="source-check"]')).toContainText(
    'boards: needs at least one board',
  );
  expect((await hub.settings()).boards[0]!.name).toBe('Fleet queues');
});
