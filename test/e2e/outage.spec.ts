import { expect, test } from '@playwright/test';
import type { Settings } from '../../contract/settings';
import { emulator, hub, resetSettings, shownValues, watchConsole } from './support';

/**
 * RingCentral going away and coming back, as a TV in the room sees it: the status light says so and
 * the tiles say their numbers are old, within two refresh intervals (2 × 15 s here), while the last
 * good numbers stay up; when the platform answers again the board recovers by itself, no reload.
 */

test.describe.configure({ mode: 'serial' });

let original: Settings;

test.beforeAll(async () => {
  original = await hub.settings();
});

test.afterAll(async () => {
  await emulator.comeBack();
  await emulator.clockSpeed(1);
});

test('an outage shows Delayed/Offline and stale tiles with their last values, then recovers', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await resetSettings(original);
  await page.goto('/');
  const light = page.locator('[data-status]').first();
  await expect(light).toHaveAttribute('data-status', 'live', { timeout: 30_000 });
  await expect(page.locator('[data-tile-id="offered"] [data-testid="tile-value"]')).not.toHaveAttribute(
    'data-value',
    '',
  );
  // Hold rotation on the queue board, so the same tiles are compared before and after.
  await page.keyboard.press('Space');
  await expect(page.locator('[data-testid="paused"]')).toBeVisible();
  await page.evaluate(() => {
    (window as unknown as { sameDocument: boolean }).sameDocument = true;
  });
  // Freeze the data so the numbers kept through the outage can be compared exactly.
  await emulator.clockSpeed(0);
  await page.waitForTimeout(16_000);
  const before = await shownValues(page);

  await emulator.goAway();
  const wentAway = Date.now();
  await expect(light).toHaveAttribute('data-status', /delayed|offline/, { timeout: 30_000 });
  const dataTiles = page.locator('[data-board-id="queues"] [data-tile-id]:not([data-tile-type="clock"])');
  await expect(dataTiles.first()).toHaveAttribute('data-state', 'stale', { timeout: 30_000 });
  await expect(page.locator('[data-board-id="queues"] [data-testid="stale-badge"]').first()).toBeVisible();
  await expect(light).toHaveAttribute('data-status', 'offline', { timeout: 30_000 });
  expect(Date.now() - wentAway).toBeLessThan(2 * 15_000 + 10_000);
  expect(await shownValues(page)).toEqual(before);
  await expect(page.locator('[data-testid="status-message"]')).toContainText(/reach|network|answer/i);

  await emulator.comeBack();
  await expect(light).toHaveAttribute('data-status', 'live', { timeout: 45_000 });
  await expect(page.locator('[data-board-id="queues"] [data-testid="stale-badge"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(
    true,
  );
  expect(problems).toEqual([]);
});
