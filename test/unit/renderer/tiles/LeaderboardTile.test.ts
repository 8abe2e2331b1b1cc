// @vitest-environment happy-dom
import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import LeaderboardTile from '../../../../renderer/src/tiles/LeaderboardTile.vue';
import type { Row, TileSnapshotOf } from '../../../../contract/snapshot';
import { measure, row, tile } from '../fixtures';
import { mountTile } from '../mount-tile';

const ANA = row('1001', 'Ana Ortiz', [41, 97.6], ['none', 'ok']);
const BEN = row('1002', 'Ben Cole', [57, 88.4], ['none', 'warn']);
const CHI = row('1003', 'Chi Park', [null, null], ['none', 'none']);
const DEV = row('1004', 'Dev Rao', [57, 71], ['none', 'critical']);
const EVE = row('1005', 'Eve Lund', [12, 100], ['none', 'ok']);

/** A leaderboard as the core sends it: rows already ranked and cut (tile-snapshot.ts does that). */
function agents(options: Partial<TileSnapshotOf<'leaderboard'>['options']>, rows: Row[]) {
  return tile({
    type: 'leaderboard',
    id: 'agents',
    title: 'Agents',
    options,
    measures: [
      measure('answered', 'Answered', 'count'),
      measure('agent-answer-rate', 'Answer rate', 'percent', {
        thresholds: { direction: 'below', warn: 90, critical: 75 },
      }),
    ],
    rows,
  });
}

const names = (wrapper: ReturnType<typeof mountTile>['wrapper']) =>
  wrapper.findAll('tbody tr').map((tr) => tr.get('th').text());

enableAutoUnmount(afterEach);

describe('LeaderboardTile', () => {
  it('draws the agents in the core’s ranking, numbered, unknown shown as a dash', () => {
    const ranked = [BEN, DEV, ANA, EVE, CHI];
    const { wrapper } = mountTile(
      LeaderboardTile,
      agents({ sortBy: 'answered', order: 'desc', limit: 10 }, ranked),
    );
    expect(names(wrapper)).toEqual(['Ben Cole', 'Dev Rao', 'Ana Ortiz', 'Eve Lund', 'Chi Park']);
    expect(wrapper.findAll('tbody tr').map((tr) => tr.attributes('data-rank'))).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
    ]);
    expect(wrapper.get('tr[data-row-key="1003"]').text()).toContain('—');
    expect(
      wrapper.get('tr[data-row-key="1004"] [data-measure="agent-answer-rate"]').attributes('data-level'),
    ).toBe('critical');
  });

  it('marks the column ranked by and its order, and never re-sorts what the core sent', () => {
    const { wrapper } = mountTile(
      LeaderboardTile,
      agents({ sortBy: 'agent-answer-rate', order: 'asc', limit: 3 }, [DEV, BEN, ANA]),
    );
    expect(names(wrapper)).toEqual(['Dev Rao', 'Ben Cole', 'Ana Ortiz']);
    expect(wrapper.get('tr[data-row-key="1004"]').text()).toContain('71.0%');
    expect(wrapper.get('th[aria-sort]').text()).toBe('Answer rate');
    expect(wrapper.get('th[aria-sort]').attributes('aria-sort')).toBe('ascending');
  });
});
