import { expect, test } from '@playwright/test';
import { axeViolations } from './support';

/**
 * axe-core on the live board in both themes: no contrast problems (readable across a room) and
 * nothing without an accessible name.
 */

/** Rules about contrast and names: the ones the acceptance names. */
const CONTRAST_OR_NAMING = /contrast|name|alt|label|title/;

for (const theme of ['dark', 'light'] as const) {
  test(`no contrast or naming violations in the ${theme} theme`, async ({ page }) => {
    await page.goto(`/?theme=${theme}`);
    await expect(page.locator('[data-status]').first()).toHaveAttribute('data-status', 'live', {
      timeout: 30_000,
    });
    await expect(page.locator('[data-tile-id="offered"] [data-testid="tile-value"]')).not.toHaveAttribute(
      'data-value',
      '',
    );
    await expect(page.locator('.wallboard')).toHaveAttribute('data-theme', theme);
    const relevant = (await axeViolations(page)).filter((violation) => CONTRAST_OR_NAMING.test(violation.id));
    expect(relevant.map((violation) => violation.line)).toEqual([]);
  });
}
