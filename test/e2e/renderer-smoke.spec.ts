import { expect, test } from '@playwright/test';

/** The built renderer loads in Debian's Chromium under its Content-Security-Policy without errors. */
test('renderer loads without console errors', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Callboard' })).toBeVisible();
  await expect(page.locator('[data-status]')).toHaveAttribute('data-status', 'unknown');
  expect(problems).toEqual([]);
});
