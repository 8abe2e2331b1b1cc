import { mkdir, copyFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { Settings } from '../../contract/settings';
import { emulator, hub, resetSettings, shownValues, startOfBoardDay, tileOf, watchConsole } from './support';

/**
 * The wallboard as a TV shows it: Debian's Chromium, the built renderer, the real hub and core on the
 * embedded demo. Each test starts from the demo's default boards refreshed every 15 s (resetSettings).
 */

test.describe.configure({ mode: 'serial' });

let original: Settings;

test.beforeAll(async () => {
  original = await hub.settings();
});

test.beforeEach(async () => {
  await resetSettings(original);
  await emulator.comeBack();
  await emulator.clockSpeed(1);
});

test('the default boards render with numbers from the demo, without console errors', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/');
  await expect(page.locator('[data-status]').first()).toHaveAttribute('data-status', 'live', {
    timeout: 30_000,
  });
  await expect(page.locator('[data-demo="true"]')).toBeVisible();
  const board = page.locator('[data-board-id="queues"]');
  await expect(board.locator('[data-tile-id]')).toHaveCount(12);
  await expect(board.locator('[data-tile-id="offered"] [data-testid="tile-value"]')).not.toHaveAttribute(
    'data-value',
    '',
  );
  // Queries answer a few at a time at start-up: wait for the headline numbers to fill in.
  await expect
    .poll(async () => Object.values(await shownValues(page)).filter((value) => value !== '').length)
    .toBeGreaterThanOrEqual(6);
  await expect(board.locator('[data-tile-id="queue-grid"] tr[data-row-key]')).toHaveCount(4);
  await expect(
    board.locator('[data-tile-id="inbound-by-hour"] svg, [data-tile-id="inbound-by-hour"] canvas').first(),
  ).toBeVisible();
  // The demo runs wherever it is daytime now: the window names the zone the demo boards are in.
  const queuesZone = (await hub.settings()).boards.find((b) => b.id === 'queues')?.timeZone ?? 'no board';
  await expect(board.locator('[data-testid="tile-window"]').first()).toContainText(queuesZone);
  // Unknown is shown as a dash, never as 0.
  for (const value of await board.locator('[data-testid="tile-value"][data-value=""]').all()) {
    await expect(value).toContainText('—');
  }
  expect(problems).toEqual([]);
});

test('a tile shows the number the emulator gives for the same query', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('[data-board-id="queues"]')).toBeVisible({ timeout: 30_000 });
  // Hold the call center still, then wait for a refresh that happened after that.
  await emulator.clockSpeed(0);
  const heldAt = Date.now();
  await expect
    .poll(
      async () => Date.parse(tileOf(await hub.snapshot(), 'queues', 'offered').asOf ?? '') > heldAt + 500,
      {
        timeout: 40_000,
      },
    )
    .toBe(true);
  const settings = await hub.settings();
  const offered = settings.boards.find((b) => b.id === 'queues')?.tiles.find((t) => t.id === 'offered');
  if (!offered || !('query' in offered)) throw new Error('the default queue board has no Offered tile');
  const keys = offered.query.grouping.kind === 'groupBy' ? offered.query.grouping.keys : undefined;
  const { timeZone: zone, dayReset } = settings.boards[0]!;
  const records = await emulator.aggregate({
    grouping: { groupBy: 'Queues', keys },
    timeSettings: {
      timeZone: zone,
      timeRange: {
        timeFrom: startOfBoardDay(zone, dayReset).toUTC().toISO(),
        timeTo: new Date().toISOString(),
      },
    },
    responseOptions: { counters: { callsByDirection: { aggregationType: 'Sum' } } },
  });
  const inbound = records.reduce((sum, record) => {
    const values = (record.counters['callsByDirection'] as { values: { inbound: number } }).values;
    return sum + values.inbound;
  }, 0);
  expect(inbound).toBeGreaterThan(0);
  const value = page.locator('[data-tile-id="offered"] [data-testid="tile-value"]');
  await expect(value).toHaveAttribute('data-value', String(inbound));
  await expect(value).toContainText(inbound.toLocaleString('en-GB'));
});

test('a threshold change recolours a tile', async ({ page }) => {
  await page.goto('/');
  const tile = page.locator('[data-board-id="queues"] [data-tile-id="offered"]');
  await expect(tile.locator('[data-testid="tile-value"]')).not.toHaveAttribute('data-value', '', {
    timeout: 30_000,
  });
  await expect(tile).toHaveAttribute('data-state', 'ok');
  const before = await tile.evaluate((element) => getComputedStyle(element).backgroundColor);
  await hub.edit((settings) => {
    const offered = settings.boards[0]!.tiles.find((t) => t.id === 'offered');
    if (!offered || !('measures' in offered)) throw new Error('no Offered tile');
    offered.measures[0] = {
      ...offered.measures[0]!,
      thresholds: { direction: 'above', warn: 0, critical: 1 },
    };
  });
  await expect(tile).toHaveAttribute('data-state', 'critical');
  await expect(tile.locator('[data-level="critical"]').first()).toBeVisible();
  const after = await tile.evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(after).not.toBe(before);
});

test('boards rotate, the pinned strip stays, and Space pauses', async ({ page }) => {
  await hub.edit((settings) => {
    for (const board of settings.boards) board.rotationSeconds = 5;
    settings.pinned = {
      id: 'strip',
      name: 'Always on',
      timeZone: settings.boards[0]!.timeZone,
      dayReset: '00:00',
      rotationSeconds: 30,
      grid: { columns: 4, rows: 1 },
      tiles: [
        { id: 'strip-clock', type: 'clock', title: 'Time', layout: { x: 0, y: 0, w: 1, h: 1 } },
        {
          id: 'strip-note',
          type: 'text',
          title: 'Notice',
          layout: { x: 1, y: 0, w: 3, h: 1 },
          text: 'Team meeting at 15:00 in room 2',
        },
      ],
    } as Settings['pinned'];
  });
  await page.goto('/');
  const main = page.locator('main [data-board-id]');
  const pinned = page.locator('[data-pinned="true"]');
  await expect(main).toHaveAttribute('data-board-id', 'queues', { timeout: 30_000 });
  await expect(pinned).toContainText('Team meeting at 15:00');
  await expect(main).toHaveAttribute('data-board-id', 'team', { timeout: 10_000 });
  await expect(pinned).toContainText('Team meeting at 15:00');
  await expect(main).toHaveAttribute('data-board-id', 'queues', { timeout: 10_000 });
  await page.keyboard.press('Space');
  await expect(page.locator('[data-testid="paused"]')).toBeVisible();
  await page.waitForTimeout(7_000);
  await expect(main).toHaveAttribute('data-board-id', 'queues');
  await page.keyboard.press('Space');
  await expect(main).toHaveAttribute('data-board-id', 'team', { timeout: 10_000 });
});

test('more screens add no API requests: one poller serves them all', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.locator('[data-status]').first()).toHaveAttribute('data-status', 'live', {
    timeout: 30_000,
  });
  const perRefresh = (await hub.snapshot()).polling.requestsPerRefresh;
  const screens = await Promise.all([1, 2, 3, 4].map(() => context.newPage()));
  await Promise.all(screens.map((screen) => screen.goto('/')));
  const start = await emulator.analyticsRequests();
  await page.waitForTimeout(30_000);
  const sent = (await emulator.analyticsRequests()) - start;
  // 30 s at a 15 s refresh: each query at most 3 times, whatever the number of screens (5 here).
  expect(sent).toBeGreaterThan(0);
  expect(sent).toBeLessThanOrEqual(perRefresh * 3);
  await Promise.all(screens.map((screen) => screen.close()));
});

test('screenshots at 1920×1080 and 3840×2160', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.locator('[data-status]').first()).toHaveAttribute('data-status', 'live', {
    timeout: 30_000,
  });
  await expect(page.locator('[data-tile-id="offered"] [data-testid="tile-value"]')).not.toHaveAttribute(
    'data-value',
    '',
  );
  // Let the charts finish their first layout.
  await page.waitForTimeout(1_000);
  for (const [width, height] of [
    [1920, 1080],
    [3840, 2160],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(500);
    const path = testInfo.outputPath(`board-${width}x${height}.png`);
    await page.screenshot({ path });
    await testInfo.attach(`board ${width}×${height}`, { path, contentType: 'image/png' });
    if (width === 1920 && process.env['CALLBOARD_UPDATE_DOCS'] === '1') {
      await mkdir('docs', { recursive: true });
      await copyFile(path, 'docs/board-1920x1080.png');
    }
  }
});
