import { BoardSnapshotSchema, type BoardSnapshot } from '../../../contract/snapshot';

/**
 * Keeps the last good snapshot in Web Storage, so a reload (scheduled, watchdog or by hand) shows the
 * last values at once, marked with their real age, instead of a blank board. Storage may be full or
 * disabled (kiosk incognito modes): then the board simply starts empty.
 */

export const STORAGE_KEY = 'callboard:last-snapshot';

export function saveSnapshot(storage: Storage | null, snapshot: BoardSnapshot): boolean {
  if (storage === null) return false;
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(snapshot));
    return true;
  } catch {
    return false;
  }
}

export function loadSnapshot(storage: Storage | null): BoardSnapshot | null {
  if (storage === null) return null;
  let text: string | null;
  try {
    text = storage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
  if (text === null) return null;
  try {
    const parsed = BoardSnapshotSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // Unreadable JSON: fall through and forget it.
  }
  console.warn('Callboard: the stored snapshot is no longer valid and was discarded.');
  try {
    storage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing more to do.
  }
  return null;
}

/** localStorage when the page may use it; null otherwise (sandboxed, disabled, or no DOM). */
export function defaultStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
