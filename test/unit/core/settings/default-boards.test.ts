import { describe, expect, it } from 'vitest';
import { isDataTile, type Board, type TileGrouping } from '../../../../contract/board';
import { SettingsSchema } from '../../../../contract/settings';
import { adaptDefaultBoards, defaultSettings } from '../../../../main/core/settings/default-boards';
import { demoDirectory } from '../../../../emulator/data/demo-directory';
import { demoProfile, demoScope, demoSettings } from '../../../support/demo';

/** The boards a new install starts with must validate, fill their grids and fit the account. */

const demo = demoSettings('Europe/London');
const account = defaultSettings({ kind: 'account', timeZone: 'America/Chicago' });
const board = (settings: typeof demo, id: string): Board => settings.boards.find((b) => b.id === id)!;
const groupings = (b: Board): TileGrouping[] => b.tiles.filter(isDataTile).map((t) => t.query.grouping);

/** How many tiles cover each cell of the grid. */
function coverage(b: Board): number[] {
  const cells = new Array<number>(b.grid.columns * b.grid.rows).fill(0);
  for (const { layout } of b.tiles) {
    for (let y = layout.y; y < layout.y + layout.h; y++)
      for (let x = layout.x; x < layout.x + layout.w; x++) cells[y * b.grid.columns + x]! += 1;
  }
  return cells;
}

describe('defaultSettings', () => {
  it('validates against the settings schema, unchanged by a second parse', () => {
    for (const settings of [demo, account]) expect(SettingsSchema.parse(settings)).toEqual(settings);
    expect(demo.connection).toBeNull();
  });

  it('has a 12-tile queue board and a team board, each filling its grid with no overlaps', () => {
    expect(demo.boards.map((b) => b.id)).toEqual(['queues', 'team']);
    expect(board(demo, 'queues').tiles).toHaveLength(12);
    for (const b of [...demo.boards, ...account.boards]) {
      expect(
        coverage(b).every((count) => count === 1),
        `${b.id} covers every cell once`,
      ).toBe(true);
    }
  });

  it('uses the zone it is given', () => {
    expect(demo.boards.every((b) => b.timeZone === 'Europe/London')).toBe(true);
    expect(account.boards.every((b) => b.timeZone === 'America/Chicago')).toBe(true);
  });

  it('names the demo queues and their members on the demo', () => {
    const queueIds = demoDirectory()
      .extensions.filter((e) => e.type === 'Department')
      .map((e) => e.id);
    expect(demoProfile().queueKeys).toEqual(queueIds);
    expect(queueIds).toHaveLength(4);
    for (const grouping of groupings(board(demo, 'queues'))) {
      expect(grouping).toEqual({ kind: 'groupBy', groupBy: 'Queues', keys: queueIds });
    }
    const leaderboard = board(demo, 'team').tiles.find((t) => t.type === 'leaderboard');
    expect(leaderboard && isDataTile(leaderboard) && leaderboard.query.grouping).toEqual({
      kind: 'groupByMembers',
      groupByMembers: 'Queue',
      keys: queueIds,
    });
  });

  it('covers every queue and user, with no keys, on a real account', () => {
    const all = account.boards.flatMap(groupings);
    expect(all.every((g) => g.kind === 'groupBy' && g.keys === undefined)).toBe(true);
    expect(new Set(all.map((g) => (g.kind === 'groupBy' ? g.groupBy : g.groupByMembers)))).toEqual(
      new Set(['Queues', 'Users']),
    );
  });

  it('shows every kind of tile the product has, with thresholds on the service figures', () => {
    const tiles = demo.boards.flatMap((b) => b.tiles);
    expect(new Set(tiles.map((t) => t.type))).toEqual(
      new Set(['bigNumber', 'queueGrid', 'timeline', 'resultBar', 'donut', 'clock', 'leaderboard', 'text']),
    );
    const measure = (kpi: string) =>
      tiles
        .filter(isDataTile)
        .flatMap((t) => t.measures)
        .find((m) => m.kpi === kpi);
    expect(measure('serviceLevel')).toMatchObject({ thresholds: { direction: 'below' }, target: 80 });
    for (const kpi of ['abandonRate', 'avgTimeToAnswer', 'longestWait'])
      expect(measure(kpi)?.thresholds?.direction, kpi).toBe('above');
    const timeline = tiles.find((t) => t.type === 'timeline');
    expect(timeline).toMatchObject({ interval: 'Hour', overlayYesterday: true });
    const windows = tiles.filter(isDataTile).map((t) => t.query.window.kind);
    expect(windows.filter((kind) => kind === 'rolling')).toHaveLength(1);
    expect(windows.filter((kind) => kind === 'today').length).toBeGreaterThan(windows.length / 2);
  });

  it('greets the demo by its account name', () => {
    const ticker = board(demo, 'team').tiles.find((t) => t.type === 'text');
    expect(ticker).toMatchObject({ ticker: true });
    expect(ticker?.type === 'text' && ticker.text).toContain(demoDirectory().account.name);
  });
});

describe('adaptDefaultBoards', () => {
  const onDemo = demoScope('Europe/London');
  const onAccount = { kind: 'account', timeZone: 'America/New_York' } as const;

  it('turns untouched demo boards into an account’s defaults, and back', () => {
    const demo = demoSettings('Europe/London');
    const account = adaptDefaultBoards(demo, onDemo, onAccount);
    expect(account.boards).toEqual(defaultSettings(onAccount).boards);
    expect(adaptDefaultBoards(account, onAccount, onDemo).boards).toEqual(demo.boards);
  });

  it('keeps boards someone has edited', () => {
    const demo = demoSettings('Europe/London');
    const edited = { ...demo, boards: [{ ...demo.boards[0]!, name: 'Our queues' }, ...demo.boards.slice(1)] };
    expect(adaptDefaultBoards(edited, onDemo, onAccount)).toBe(edited);
  });
});
