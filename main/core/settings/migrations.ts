import type { Migration } from './json-file-store';

/**
 * Upgrades of settings.json from older formats, applied in memory on load, one version step at a
 * time, before the schema sees the document. Version 1 is the first released format, so the list is
 * empty; the mechanism is kept (and tested) so the first format change is routine.
 *
 * To change the format:
 * 1. bump `SETTINGS_VERSION` in contract/settings.ts and change `SettingsSchema`;
 * 2. append `{ from: <old version>, migrate: (doc) => ({ ...doc, <the change> }) }` here. `migrate`
 *    receives the raw JSON object of version `from` (validate nothing, trust nothing: older files
 *    were hand-edited too) and returns the version `from + 1` object; the store sets `version`;
 * 3. add a test with a real file of the old version to test/unit/core/settings/.
 * Never edit a released migration: files of every older version must keep loading.
 */
export const MIGRATIONS: readonly Migration[] = [];
