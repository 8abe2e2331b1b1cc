import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Settings } from '../../contract/settings';
import { DEMO_APP } from '../../emulator/emulator';
import { E2E } from './e2e-env';
import { hub, openSettings } from './support';

/**
 * Browser sign-in from the hub's admin page: a hub has no browser of its own, so the page offers
 * RingCentral's sign-in page (here the emulator's) as a link; the admin's browser, on the hub's
 * machine, follows it, is sent back to the hub's loopback listener, and the page shows the account.
 * The client secret typed for the confidential app is nowhere to be found afterwards.
 */

let original: Settings;
test.beforeAll(async () => {
  original = await hub.settings();
});
test.afterAll(async () => {
  await fetch(`${E2E.hubUrl}/api/invoke/connection:useDemo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-callboard-admin-key': E2E.adminKey },
  });
  await hub.save(original);
});

test('sign in in the browser from the admin page, see the account, sign out', async ({ page, context }) => {
  await openSettings(page);
  await page.locator('[data-page="connection"]').click();
  await page.locator('#server-custom').check();
  await page.locator('[data-testid="server-url"]').fill(E2E.emulatorUrl);
  await page.locator('[data-testid="client-id"]').fill(DEMO_APP.clientId);
  await page.locator('#method-browser').check();
  await page.locator('[data-testid="client-secret"]').fill(DEMO_APP.clientSecret);
  await page.locator('[data-testid="sign-in-browser"]').click();

  const link = page.locator('[data-testid="browser-page"]');
  await expect(link).toBeVisible({ timeout: 15_000 });
  expect(await link.getAttribute('href')).toMatch(/\/restapi\/oauth\/authorize\?.*code_challenge=/);
  const signInTab = context.waitForEvent('page');
  await link.click();
  const tab = await signInTab;
  await expect(tab.locator('body')).toContainText('Signed in to Callboard', { timeout: 30_000 });

  await expect(page.locator('[data-testid="connection-account"]')).toContainText(E2E.emulatorUrl, {
    timeout: 30_000,
  });
  await expect(page.locator('[data-testid="browser-page"]')).toHaveCount(0);
  const onDisk = await readFile(join(E2E.stateDir, 'settings.json'), 'utf8');
  expect(JSON.parse(onDisk)).toMatchObject({
    connection: { authMethod: 'browser', clientId: DEMO_APP.clientId },
  });
  for (const text of [onDisk, await page.content(), await tab.content()]) {
    expect(text).not.toContain(DEMO_APP.clientSecret);
  }
  await page.locator('[data-testid="sign-out"]').click();
  await expect(page.locator('[data-testid="connection-state"]')).toContainText(/Signed out/);
});
