import { describe, expect, it } from 'vitest';
import { SettingsSchema } from '../../../contract/settings';
import { demoSettings } from '../../support/demo';

/** Ids name boards and tiles in snapshots, board files and the DOM: a repeated one is refused by name. */

const settings = () => demoSettings('Europe/London');

function issues(value: unknown): { path: PropertyKey[]; message: string }[] {
  const result = SettingsSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map(({ path, message }) => ({ path, message }));
}

describe('unique ids', () => {
  it('refuses a second board with the same id, pointing at it', () => {
    const value = settings();
    value.boards[1] = { ...value.boards[1]!, id: value.boards[0]!.id };
    expect(issues(value)).toEqual([{ path: ['boards', 1, 'id'], message: 'duplicate board id "queues"' }]);
  });

  it('refuses a second tile with the same id on a board, pointing at it', () => {
    const value = settings();
    const tiles = value.boards[0]!.tiles;
    tiles[1] = { ...tiles[1]!, id: tiles[0]!.id };
    expect(issues(value)).toEqual([
      { path: ['boards', 0, 'tiles', 1, 'id'], message: `duplicate tile id "${tiles[0]!.id}"` },
    ]);
  });

  it('accepts the default boards', () => {
    expect(issues(settings())).toEqual([]);
  });
});
