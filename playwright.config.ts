import { defineConfig } from '@playwright/test';
import { E2E } from './test/e2e/e2e-env';

/**
 * End-to-end tests: the real hub (`main/hub/cli.ts`) on the embedded demo, serving the built renderer
 * (`npm run build` first) to Debian's Chromium (no browser download here). The demo's emulator
 * listens on a fixed port so the tests can ask it for the truth and inject faults into it.
 */
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: process.env.CI
    ? [['list']]
    : [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: E2E.hubUrl,
    viewport: { width: 1920, height: 1080 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    // A fresh settings file each run: the demo's default boards, as a newcomer sees them.
    command: `rm -rf ${E2E.stateDir} && npx tsx main/hub/cli.ts --port ${E2E.hubPort} --demo-port ${E2E.emulatorPort} --settings ${E2E.stateDir}/settings.json`,
    url: `${E2E.hubUrl}/api/health`,
    env: { CALLBOARD_ADMIN_KEY: E2E.adminKey, CALLBOARD_SECRETS: 'memory' },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
  },
});
