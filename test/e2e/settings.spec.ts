import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Settings } from '../../contract/settings';
import { DEMO_APP } from '../../emulator/emulator';
import { E2E } from './e2e-env';
import {
  axeViolations,
  hub,
  openSettings,
  resetSettings,
  saveSettings as save,
  watchConsole,
} from './support';

/**
 * The settings window as an IT admin uses it: the hub's admin pages in Chromium, signed in with the
 * admin key, building and changing boards that a board page (another tab) shows. Everything goes
 * through the page; the hub's API is used only to check what was saved and to play a second admin.
 */

let original: Settings;

test.beforeAll(async () => {
  original = await hub.settings();
});
test.afterAll(async () => {
  await hub.save(original);
});

test('every settings page passes axe in both themes and needs the admin key', async ({ page }) => {
  const problems = watchConsole(page);
  const viewer = await page.goto('/settings');
  expect(await viewer?.text()).toContain('Admin key');
  await openSettings(page);
  for (const theme of ['dark', 'light']) {
    if ((await page.locator('.cb-settings').getAttribute('data-theme')) !== theme)
      await page.getByRole('button', { name: 'Light theme' }).click();
    for (const id of ['connection', 'boards', 'display', 'files', 'screens']) {
      await page.locator(`[data-page="${id}"]`).click();
      await page.waitForTimeout(300);
      const violations = (await axeViolations(page)).map((violation) => violation.line);
      expect(violations, `${theme} / ${id}`).toEqual([]);
    }
  }
  expect(problems).toEqual([]);
});

test('a board from a template, keys picked by name, moved by keyboard, then a threshold recolours it on the board', async ({
  page,
  context,
}) => {
  await resetSettings(original);
  await openSettings(page);
  await page.locator('[data-testid="new-board"]').click();
  await page.locator('[data-testid="board-name"]').fill('Built in the window');
  await page.locator('[data-testid="template"]').selectOption('queue-overview');
  await page.locator('[data-testid="add-tile"]').click();
  // Keys by name from the demo's directory: the first queue in the list.
  const who = page.getByRole('group', { name: 'Who it counts' });
  await who.getByLabel('Only the queues chosen').check();
  const firstQueue = who.getByRole('list', { name: 'Matching queues' }).getByRole('checkbox').first();
  await firstQueue.check();
  // Move it down a row by keyboard (it starts at the top left).
  const tile = page.locator('[data-layout-tile]').first();
  await tile.focus();
  await page.keyboard.press('ArrowDown');
  await expect(tile).toHaveAttribute('aria-label', /row 2/);
  await page.keyboard.press('Shift+ArrowRight');
  await save(page);
  const saved = await hub.settings();
  const board = saved.boards.find((b) => b.name === 'Built in the window');
  expect(board?.tiles).toHaveLength(1);
  const built = board!.tiles[0]!;
  expect(built.layout.y).toBe(1);
  expect('query' in built && built.query.grouping.keys).toHaveLength(1);
  const key = 'query' in built ? built.query.grouping.keys![0]! : '';
  expect(key).toMatch(/^\d+$/);

  // A threshold on the default queue board, changed in the window, recolours the tile on a board page.
  const boardPage = await context.newPage();
  await boardPage.goto('/');
  const offered = boardPage.locator('[data-board-id="queues"] [data-tile-id="offered"]');
  await expect(offered.locator('[data-testid="tile-value"]')).not.toHaveAttribute('data-value', '', {
    timeout: 30_000,
  });
  await expect(offered).toHaveAttribute('data-state', 'ok');
  await page.locator('[data-board-row="queues"] button').first().click();
  await page.locator('[data-layout-tile="offered"]').click();
  await page.getByLabel('Colour by thresholds').check();
  await page.locator('[data-field="warn"]').fill('0');
  await page.locator('[data-field="critical"]').fill('1');
  await save(page);
  await expect(offered).toHaveAttribute('data-state', 'critical', { timeout: 20_000 });
});

test('the live preview draws the draft with real numbers before anything is saved', async ({ page }) => {
  const before = await resetSettings(original);
  await openSettings(page);
  await page.locator('[data-board-row="queues"] button').first().click();
  const preview = page.locator('[data-testid="board-preview"]');
  const offered = preview.locator('[data-tile-id="offered"]');
  await expect(offered.locator('[data-testid="tile-value"]')).not.toHaveAttribute('data-value', '', {
    timeout: 30_000,
  });
  await expect(offered).toHaveAttribute('data-state', 'ok');
  await expect(page.locator('[data-testid="preview-status"]')).toContainText('Real numbers from the account');

  // A threshold changed in the draft recolours the preview at once; nothing is saved.
  await page.locator('[data-layout-tile="offered"]').click();
  await page.getByLabel('Colour by thresholds').check();
  await page.locator('[data-field="warn"]').fill('0');
  await page.locator('[data-field="critical"]').fill('1');
  await expect(offered).toHaveAttribute('data-state', 'critical', { timeout: 15_000 });

  // A new board's tile is drawn with a number too (its queries shared with the screens' or its own).
  await page.locator('[data-testid="new-board"]').click();
  await page.locator('[data-testid="template"]').selectOption('abandon-rate');
  await page.locator('[data-testid="add-tile"]').click();
  const added = preview.locator('[data-tile-id^="abandon-rate"]');
  await expect(added).toHaveCount(1);
  await expect(added.locator('[data-testid="tile-value"]')).toHaveAttribute('data-value', /\d/, {
    timeout: 30_000,
  });
  expect(await hub.settings()).toEqual(before);
});

test('a bad value is named at its field and blocks saving; a stale save is refused and the draft kept', async ({
  page,
}) => {
  await resetSettings(original);
  await openSettings(page);
  await page.locator('[data-testid="board-name"]').fill('');
  await expect(page.locator('[data-testid="problems"]')).toContainText('name: must not be empty');
  await expect(page.locator('[data-testid="save"]')).toBeDisabled();
  await page.locator('[data-testid="board-name"]').fill('Mine, not saved yet');
  // A second admin saves in between.
  await hub.edit((settings) => (settings.boards[0]!.name = 'Theirs'));
  await page.locator('[data-testid="save"]').click();
  await expect(page.locator('[data-testid="save-state"]')).toContainText('someone else saved the settings');
  await expect(page.locator('[data-testid="board-name"]')).toHaveValue('Mine, not saved yet');
  expect((await hub.settings()).boards[0]!.name).toBe('Theirs');
});

test('the cost of a draft, and the warning for one over budget', async ({ page }) => {
  await resetSettings(original);
  await openSettings(page);
  await expect(page.locator('[data-testid="cost"]')).toContainText(/needs \d+ requests per refresh/);
  await page.locator('[data-page="display"]').click();
  await page.getByLabel('Budget share (0.05–0.9)').fill('0.05');
  await expect(page.locator('[data-testid="over-budget"]')).toContainText('costliest');
});

test('export and re-import round-trip exactly; an invalid file is refused with the field named', async ({
  page,
}, info) => {
  await resetSettings(original);
  await openSettings(page);
  await page.locator('[data-page="files"]').click();
  const download = page.waitForEvent('download');
  await page.locator('[data-testid="export"]').click();
  const file = join(info.outputDir, 'exported.json');
  await (await download).saveAs(file);
  const exported = await readFile(file, 'utf8');
  expect(JSON.parse(exported)).toMatchObject({ format: 'callboard-board', board: { id: 'queues' } });

  await page.getByLabel('Replace the board with the same id').check();
  await page.locator('[data-testid="import-file"]').setInputFiles(file);
  await expect(page.locator('[data-testid="file-result"]')).toContainText('Imported');
  const again = await hub.settings();
  expect(again.boards.find((b) => b.id === 'queues')).toEqual(JSON.parse(exported).board);

  const broken = JSON.parse(exported) as { board: { grid: { columns: number } } };
  broken.board.grid.columns = 99;
  const bad = join(info.outputDir, 'broken.json');
  await writeFile(bad, JSON.stringify(broken));
  await page.locator('[data-testid="import-file"]').setInputFiles(bad);
  await expect(page.locator('[data-testid="file-result"]')).toContainText('grid.columns');
  expect(await hub.settings()).toEqual(again);
});

test('sign in to the emulator with a JWT, see the account, sign out; no secret anywhere', async ({
  page,
}) => {
  await resetSettings(original);
  await openSettings(page);
  await page.locator('[data-page="connection"]').click();
  await page.locator('#server-custom').check();
  await page.locator('[data-testid="server-url"]').fill(E2E.emulatorUrl);
  await page.locator('[data-testid="client-id"]').fill(DEMO_APP.clientId);
  await page.locator('[data-testid="client-secret"]').fill(DEMO_APP.clientSecret);
  await page.locator('[data-testid="jwt"]').fill(DEMO_APP.jwt);
  await page.locator('[data-testid="sign-in-jwt"]').click();
  await expect(page.locator('[data-testid="connection-account"]')).toContainText(E2E.emulatorUrl, {
    timeout: 30_000,
  });
  await expect(page.locator('[data-testid="secrets-stored"]')).toBeVisible();
  await expect(page.locator('[data-testid="client-secret"]')).toHaveValue('');
  const onDisk = await readFile(join(E2E.stateDir, 'settings.json'), 'utf8');
  const status = await (
    await fetch(`${E2E.hubUrl}/api/invoke/connection:status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    })
  ).text();
  for (const text of [onDisk, status, await page.content()]) {
    expect(text).not.toContain(DEMO_APP.clientSecret);
    expect(text).not.toContain(DEMO_APP.jwt);
  }
  await page.locator('[data-testid="sign-out"]').click();
  await expect(page.locator('[data-testid="connection-state"]')).toContainText(/Signed out|Signed in/);
  await fetch(`${E2E.hubUrl}/api/invoke/connection:useDemo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-callboard-admin-key': E2E.adminKey },
  });
});
