import { afterAll, describe, expect, it } from 'vitest';
import type { PreviewReport } from '../../../contract/preview';
import type { Settings } from '../../../contract/settings';
import type { SettingsRevision } from '../../../contract/editor';
import { Screens, type Screen } from '../../support/account-screen';
import { waitFor } from '../../support/wait-for';

/**
 * The settings window's live preview against the real core and the emulator: with no board screen
 * open, a draft board with a tile the saved boards do not have shows real numbers before anything is
 * saved; the only analytics requests are the draft's own, they stay inside the rate limit (no 429),
 * and the saved settings do not change.
 */

const screens = new Screens();
afterAll(() => screens.stop());

async function invoke<T>(s: Screen, channel: string, request?: unknown): Promise<T> {
  const result = await s.core.invoke(channel as never, request, { screenId: 'settings-window' });
  if (!result.ok) throw new Error(result.error);
  return result.value as T;
}

const analyticsSent = (s: Screen) =>
  Object.entries(s.emulator.stats.snapshot().requests.byPath)
    .filter(([path]) => path.includes('/analytics/'))
    .reduce((sum, [, count]) => sum + count, 0);

describe('the live preview', () => {
  it('shows a draft tile with real numbers from the account before it is saved, inside the budget', async () => {
    const s = await screens.start('preview', { alwaysActive: false });
    await waitFor(() => s.core.connectionStatus().state === 'signedIn', { timeoutMs: 30_000 });
    const opened = await invoke<SettingsRevision>(s, 'settings:current');
    expect(analyticsSent(s)).toBe(0);

    const draft: Settings = structuredClone(opened.settings);
    const board = draft.boards[0]!;
    const tile = board.tiles.find((candidate) => 'query' in candidate && candidate.type === 'bigNumber');
    if (!tile || !('query' in tile)) throw new Error('the account board has no big number');
    tile.title = 'Last 2 hours (draft)';
    tile.query.window = { kind: 'rolling', minutes: 120 };

    const report = await waitFor(
      async () => {
        const next = await invoke<PreviewReport>(s, 'settings:preview', {
          settings: draft,
          boardId: board.id,
        });
        return next.valid && next.pendingQueries === 0 ? next : null;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    if (!report.valid) throw new Error('unreachable');
    expect(report.connected).toBe(true);
    expect(report.extraQueries).toBeGreaterThan(0);
    const drawn = report.board.tiles.find((candidate) => candidate.id === tile.id)!;
    expect(drawn.title).toBe('Last 2 hours (draft)');
    expect(drawn.asOf).not.toBeNull();
    expect(drawn.error).toBeNull();
    expect(drawn.windowLabel).toMatch(/2 hours|120 min/i);
    expect(drawn.rows.length).toBeGreaterThan(0);
    expect(drawn.rows[0]!.values[0]).toEqual(expect.any(Number));

    // With no screen watching, the preview is what set polling going (the previewed board's shared
    // queries and the draft's own, as screens would), and never past the rate limit.
    expect(analyticsSent(s)).toBeGreaterThan(0);
    expect(s.emulator.stats.snapshot().responses.byStatus['429'] ?? 0).toBe(0);
    const after = await invoke<SettingsRevision>(s, 'settings:current');
    expect(after.revision).toBe(opened.revision);
    expect(s.core.snapshot()?.boards[0]?.tiles.find((t) => t.id === tile.id)?.title).not.toBe(
      'Last 2 hours (draft)',
    );
  });
});
