import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';

/**
 * axe-core on the live board in both themes: no contrast problems (readable across a room) and
 * nothing without an accessible name. axe is injected through the DevTools protocol, which the
 * board's Content-Security-Policy (script-src 'self') rightly does not allow as a script tag.
 */

const require = createRequire(import.meta.url);

interface AxeResult {
  violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }>;
}

/** Rules about contrast and names: the ones the acceptance names. */
const CONTRAST_OR_NAMING = /contrast|name|alt|label|title/;

for (const theme of ['dark', 'light'] as const) {
  test(`no contrast or naming violations in the ${theme} theme`, async ({ page }) => {
    const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
    await page.goto(`/?theme=${theme}`);
    await expect(page.locator('[data-status]').first()).toHaveAttribute('data-status', 'live', {
      timeout: 30_000,
    });
    await expect(page.locator('[data-tile-id="offered"] [data-testid="tile-value"]')).not.toHaveAttribute(
      'data-value',
      '',
    );
    await expect(page.locator('.wallboard')).toHaveAttribute('data-theme', theme);
    await page.evaluate(axeSource);
    const result = await page.evaluate(async () => {
      const axe = (
        window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<unknown> } }
      ).axe;
      return (await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] },
      })) as AxeResult;
    });
    const relevant = result.violations.filter((violation) => CONTRAST_OR_NAMING.test(violation.id));
    const described = relevant.map(
      (violation) =>
        `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`,
    );
    expect(described).toEqual([]);
  });
}
