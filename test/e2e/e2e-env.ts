/** Where the end-to-end hub and its demo emulator listen, shared by the Playwright config and the tests. */
export const E2E = {
  hubPort: 4173,
  emulatorPort: 4174,
  hubUrl: 'http://127.0.0.1:4173',
  emulatorUrl: 'http://127.0.0.1:4174',
  adminKey: 'e2e-admin-key-9f3c-7a21d0',
  stateDir: 'test-results/e2e-hub',
} as const;
