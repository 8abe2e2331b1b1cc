import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../../contract/settings';
import { exportBoard, importBoard } from '../../../../main/core/settings/board-files';
import { SettingsError } from '../../../../main/core/settings/settings-error';
import { demoSettings } from '../../../support/demo';

/** Exporting a board to a file and importing it back: validation, id clashes, nothing lost on error. */

const settings = () => demoSettings('Europe/London');
const queueFile = () => JSON.parse(exportBoard(settings(), 'queues'));
/** `settings` without its queue board, to import the exported one into. */
const withoutQueues = (): Settings => ({
  ...settings(),
  boards: settings().boards.filter((b) => b.id !== 'queues'),
});

function importing(json: string, into: Settings = settings()): () => Settings {
  return () => importBoard(into, json);
}

describe('exportBoard', () => {
  it('writes a pretty, versioned board file', () => {
    const text = exportBoard(settings(), 'team');
    expect(text).toContain('\n  "format": "callboard-board",');
    const file = JSON.parse(text);
    expect(file).toEqual({ format: 'callboard-board', version: 1, board: settings().boards[1] });
  });

  it('names a board that does not exist', () => {
    expect(() => exportBoard(settings(), 'nope')).toThrow(
      new SettingsError('Not exported: there is no board with id "nope"'),
    );
  });
});

describe('importBoard', () => {
  it('round-trips an exported board', () => {
    const original = settings().boards.find((b) => b.id === 'queues');
    const imported = importBoard(withoutQueues(), exportBoard(settings(), 'queues'));
    expect(imported.boards.map((b) => b.id)).toEqual(['team', 'queues']);
    expect(imported.boards[1]).toEqual(original);
  });

  it('reports invalid JSON with line and column', () => {
    const text = '{\n  "format": "callboard-board",\n  "version": 1,\n}';
    const expectedLine = 4;
    expect(importing(text)).toThrow(
      `Not imported: the board file is not valid JSON (expected a property name in double quotes, found "}" at line ${expectedLine}, column 1)`,
    );
    const unterminated = '{"format": "callboard-board", "board": {"name": "Queues';
    expect(importing(unterminated)).toThrow(
      `(unterminated string at line 1, column ${unterminated.lastIndexOf('"') + 1})`,
    );
    expect(importing('')).toThrow('not valid JSON (unexpected end of file at line 1, column 1)');
  });

  it('refuses something that is not a board file', () => {
    expect(importing(JSON.stringify({ ...queueFile(), format: 'trello-board' }))).toThrow(
      'Not imported: format: is not a Callboard board file (format must be "callboard-board")',
    );
    expect(importing(JSON.stringify({ version: 1, boards: settings().boards }))).toThrow(
      /^Not imported: format: is not a Callboard board file/,
    );
    expect(importing('[1, 2]')).toThrow(/^Not imported: a board file holds a JSON object/);
    expect(importing(JSON.stringify({ ...queueFile(), version: 2 }))).toThrow(
      'Not imported: version: is a board file version this Callboard cannot read',
    );
  });

  it('names the invalid tile and field', () => {
    const file = queueFile();
    file.board.tiles[1].layout = { x: 0, y: 3, w: 1, h: 2 };
    expect(importing(JSON.stringify(file), withoutQueues())).toThrow(
      'Not imported: board.tiles[1].layout: lies outside the 6×4 grid',
    );
    const formula = queueFile();
    formula.board.tiles[0].measures[0] = { id: 'x', expression: 'callsByResult.nope' };
    expect(importing(JSON.stringify(formula), withoutQueues())).toThrow(
      /^Not imported: board\.tiles\[0\]\.measures\[0\]\.expression: callsByResult has no key "nope"/,
    );
  });

  it('refuses tiles that overlap, naming both', () => {
    const file = queueFile();
    file.board.tiles[1].layout = { ...file.board.tiles[0].layout };
    const [first, second] = file.board.tiles as Array<{ title: string }>;
    expect(importing(JSON.stringify(file), withoutQueues())).toThrow(
      `Not imported: board.tiles[1].layout: “${first!.title}” overlaps “${second!.title}”`,
    );
  });

  it('refuses a board file that carries a secret', () => {
    const file = { ...queueFile(), password: 'hunter2' };
    expect(importing(JSON.stringify(file))).toThrow(/^Not imported: password looks like a secret/);
  });

  it('adds a clashing board under a fresh id, counting up', () => {
    const before = settings();
    const once = importBoard(before, exportBoard(before, 'queues'));
    expect(once.boards.map((b) => b.id)).toEqual(['queues', 'team', 'queues-2']);
    expect(once.boards[0]).toEqual(before.boards[0]);
    const twice = importBoard(once, exportBoard(before, 'queues'));
    expect(twice.boards.map((b) => b.id)).toEqual(['queues', 'team', 'queues-2', 'queues-3']);
  });

  it('keeps a fresh id for a long id within the id limit', () => {
    const file = queueFile();
    file.board.id = 'a'.repeat(63);
    const once = importBoard(withoutQueues(), JSON.stringify(file));
    const twice = importBoard(once, JSON.stringify(file));
    const fresh = twice.boards.at(-1)!.id;
    expect(fresh).toHaveLength(63);
    expect(fresh.endsWith('-2')).toBe(true);
  });

  it('replaces a clashing board in place when asked', () => {
    const file = queueFile();
    file.board.name = 'Queues — replaced';
    const replaced = importBoard(settings(), JSON.stringify(file), { replace: true });
    expect(replaced.boards.map((b) => [b.id, b.name])).toEqual([
      ['queues', 'Queues — replaced'],
      ['team', 'Team — today'],
    ]);
  });

  it('changes nothing in the given settings, whether the import succeeds or fails', () => {
    const given = settings();
    const snapshot = structuredClone(given);
    importBoard(given, exportBoard(given, 'team'));
    importBoard(given, exportBoard(given, 'team'), { replace: true });
    expect(importing('{', given)).toThrow(SettingsError);
    expect(given).toEqual(snapshot);
  });

  it('refuses an import that would break the settings, naming the field', () => {
    const full: Settings = {
      ...settings(),
      boards: Array.from({ length: 20 }, (_, i) => ({ ...settings().boards[1]!, id: `team-${i}` })),
    };
    expect(importing(exportBoard(settings(), 'queues'), full)).toThrow(/^Not imported: boards: /);
  });

  it('accepts a file that starts with a byte-order mark', () => {
    const imported = importBoard(withoutQueues(), `\uFEFF${exportBoard(settings(), 'queues')}`);
    expect(imported.boards.map((b) => b.id)).toContain('queues');
  });
});
