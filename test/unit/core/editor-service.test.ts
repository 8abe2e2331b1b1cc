import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../../contract/settings';
import { EditorService, revisionOf } from '../../../main/core/editor-service';
import type { NameDirectory } from '../../../main/core/directory/name-directory';
import { SettingsService } from '../../../main/core/settings/settings-store';
import { demoScope, demoSettings } from '../../support/demo';

/** What the settings window asks of the core: revisions that stop lost updates, a draft's cost, names for keys. */

let dir: string;
let settings: SettingsService;
let editor: EditorService;
let names: NameDirectory | null;
const figures = { limit: 50, windowMs: 60_000, budget: 30, sentInWindow: 0, blockedUntil: 0, penalty: null };

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'callboard-editor-'));
  settings = new SettingsService(join(dir, 'settings.json'), demoScope());
  await settings.load();
  names = null;
  editor = new EditorService({ settings, budget: () => figures, names: () => names });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const renamed = (from: Settings, name: string): Settings => ({
  ...from,
  boards: from.boards.map((board, index) => (index === 0 ? { ...board, name } : board)),
});

describe('revisions', () => {
  it('are a digest of the document: the same for equal settings, different after a change', () => {
    const { settings: current, revision } = editor.current();
    expect(revisionOf(structuredClone(current))).toBe(revision);
    expect(revisionOf(renamed(current, 'Other'))).not.toBe(revision);
  });

  it('refuse a save based on settings someone else has changed since, keeping theirs', async () => {
    const opened = editor.current();
    const theirs = await editor.update(opened.revision, renamed(opened.settings, 'Saved by admin A'));
    await expect(
      editor.update(opened.revision, renamed(opened.settings, 'Saved by admin B')),
    ).rejects.toThrow(/someone else saved the settings after you opened them/);
    expect(settings.current().boards[0]?.name).toBe('Saved by admin A');
    const next = await editor.update(theirs.revision, renamed(theirs.settings, 'Then admin B'));
    expect(next.settings.boards[0]?.name).toBe('Then admin B');
  });

  it('let only one of two saves based on the same revision through, even sent at the same moment', async () => {
    const opened = editor.current();
    const results = await Promise.allSettled([
      editor.update(opened.revision, renamed(opened.settings, 'Admin A')),
      editor.update(opened.revision, renamed(opened.settings, 'Admin B')),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected']);
    expect(settings.current().boards[0]?.name).toBe('Admin A');
  });

  it('name the field when the draft is invalid, and change nothing', async () => {
    const opened = editor.current();
    await expect(editor.update(opened.revision, renamed(opened.settings, ''))).rejects.toThrow(
      /boards\[0\]\.name: must not be empty/,
    );
    expect(editor.current().revision).toBe(opened.revision);
  });

  it('refuse a draft whose tiles overlap, naming them, and change nothing', async () => {
    const opened = editor.current();
    const draft = structuredClone(opened.settings);
    const [first, second] = draft.boards[0]!.tiles;
    second!.layout = { ...first!.layout };
    await expect(editor.update(opened.revision, draft)).rejects.toThrow(
      `Not saved: boards[0].tiles[1].layout: “${first!.title}” overlaps “${second!.title}”`,
    );
    expect(editor.current().revision).toBe(opened.revision);
  });
});

describe('cost of a draft', () => {
  it('counts requests per refresh and a minute against the budget share', () => {
    const report = editor.cost(demoSettings());
    if (!report.valid) throw new Error('the demo settings should be valid');
    expect(report.requestsPerRefresh).toBeGreaterThan(0);
    expect(report.budgetPerMinute).toBe(30);
    expect(report.limitPerMinute).toBe(50);
    expect(report.overBudget).toBe(report.requestsPerMinute > 30);
    expect(report.costliest.length).toBeGreaterThan(0);
  });

  it('flags a draft over budget and names the costliest tiles', () => {
    const costly = demoSettings();
    costly.polling.defaultRefreshSeconds = 15;
    costly.polling.budgetShare = 0.05;
    const report = editor.cost(costly);
    if (!report.valid) throw new Error('should be valid');
    expect(report.budgetPerMinute).toBe(2);
    expect(report.overBudget).toBe(true);
    const titles = costly.boards.flatMap((board) => board.tiles.map((tile) => tile.title));
    for (const tile of report.costliest) expect(titles).toContain(tile.title);
    expect(report.costliest[0]!.requestsPerMinute).toBeGreaterThanOrEqual(
      report.costliest.at(-1)!.requestsPerMinute,
    );
  });

  it('lists every problem of an invalid draft with its path', () => {
    const broken = renamed(demoSettings(), '');
    broken.polling.budgetShare = 5;
    const report = editor.cost(broken);
    expect(report.valid).toBe(false);
    if (report.valid) return;
    expect(report.problems.map((problem) => problem.path.join('.'))).toEqual(
      expect.arrayContaining(['boards.0.name', 'polling.budgetShare']),
    );
  });
});

describe('names for keys', () => {
  it('says when no names are loaded, and lists the kind asked for by name when they are', () => {
    expect(editor.directory('Queues')).toEqual({ named: false, loadedAt: null, entries: [] });
    names = {
      entriesFor: (grouping: { groupBy?: string }) =>
        grouping.groupBy === 'Queues'
          ? [
              { key: '2', name: 'Support', extensionNumber: '201' },
              { key: '1', name: 'Billing', extensionNumber: '200' },
            ]
          : null,
      loadedTime: Date.parse('2026-12-02T08:00:00Z'),
    } as unknown as NameDirectory;
    expect(editor.directory('Queues')).toEqual({
      named: true,
      loadedAt: '2026-12-02T08:00:00.000Z',
      entries: [
        { key: '1', name: 'Billing', extensionNumber: '200' },
        { key: '2', name: 'Support', extensionNumber: '201' },
      ],
    });
    expect(editor.directory('UserGroups').named).toBe(false);
  });
});
