// @vitest-environment happy-dom
import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import QueueGridTile from '../../../../renderer/src/tiles/QueueGridTile.vue';
import { measure, row, tile } from '../fixtures';
import { mountTile } from '../mount-tile';

function gridTile() {
  return tile({
    type: 'queueGrid',
    id: 'queue-grid',
    title: 'Queues',
    state: 'critical',
    measures: [
      measure('offered', 'Offered', 'count'),
      measure('service-level', 'SL', 'percent', {
        thresholds: { direction: 'below', warn: 80, critical: 70 },
      }),
      measure('time-to-answer', 'ASA', 'seconds', {
        thresholds: { direction: 'above', warn: 30, critical: 60 },
      }),
    ],
    rows: [
      row('3001', 'Sales', [1432, 91.2, 14], ['none', 'ok', 'ok']),
      row('3002', 'Support', [877, 74.04, 48], ['none', 'warn', 'warn']),
      row('3003', 'Billing', [null, 55, 95], ['none', 'critical', 'critical']),
    ],
  });
}

enableAutoUnmount(afterEach);

describe('QueueGridTile', () => {
  it('lays out a row per queue and a column per measure with formatted values', () => {
    const { wrapper } = mountTile(QueueGridTile, gridTile());
    const headers = wrapper.findAll('thead th').map((th) => th.text());
    expect(headers).toEqual(['Queue', 'Offered', 'SL', 'ASA']);
    const rows = wrapper.findAll('tbody tr');
    expect(rows.map((r) => r.attributes('data-row-key'))).toEqual(['3001', '3002', '3003']);
    expect(rows[0]!.text()).toContain('1,432');
    expect(rows[0]!.text()).toContain('91.2%');
    expect(rows[0]!.text()).toContain('0:14');
    expect(rows[2]!.get('[data-measure="offered"]').text()).toBe('—');
  });

  it('colours cells by level with a shape and words for each level', () => {
    const { wrapper } = mountTile(QueueGridTile, gridTile());
    const cell = (key: string, m: string) => wrapper.get(`tr[data-row-key="${key}"] td[data-measure="${m}"]`);
    expect(cell('3001', 'service-level').attributes('data-level')).toBe('ok');
    expect(cell('3001', 'service-level').text()).toContain('●');
    expect(cell('3002', 'service-level').attributes('data-level')).toBe('warn');
    expect(cell('3002', 'service-level').classes()).toContain('grid__cell--warn');
    expect(cell('3002', 'service-level').text()).toContain('▲');
    expect(cell('3002', 'service-level').text()).toContain('warning');
    expect(cell('3003', 'time-to-answer').attributes('data-level')).toBe('critical');
    expect(cell('3003', 'time-to-answer').text()).toContain('■');
    expect(cell('3003', 'time-to-answer').text()).toContain('1:35');
    expect(cell('3001', 'offered').attributes('data-level')).toBe('none');
    expect(wrapper.get('[data-tile-id="queue-grid"]').attributes('data-state')).toBe('critical');
  });

  it('says so when there are no queues yet', () => {
    const { wrapper } = mountTile(
      QueueGridTile,
      tile({ type: 'queueGrid', state: 'unknown', asOf: null, measures: [measure('a', 'A', 'count')] }),
    );
    expect(wrapper.text()).toContain('No queues to show yet');
    expect(wrapper.get('[data-testid="tile-asof"]').text()).toBe('no data yet');
  });

  it('heads a column with the short label, and keeps the full name for hover and screen readers', () => {
    const grid = gridTile();
    grid.measures[2] = { ...grid.measures[2]!, label: 'Avg time to answer', shortLabel: 'ASA' };
    const { wrapper } = mountTile(QueueGridTile, grid);
    const header = wrapper.findAll('thead th')[3]!;
    const abbr = header.get('abbr');
    expect(abbr.text()).toBe('ASA');
    expect(abbr.attributes('title')).toBe('Avg time to answer');
    expect(abbr.attributes('aria-hidden')).toBe('true');
    expect(header.get('.sr-only').text()).toBe('Avg time to answer');
    // A label with no shorter form is shown as it is.
    expect(wrapper.findAll('thead th')[1]!.find('abbr').exists()).toBe(false);
  });
});
