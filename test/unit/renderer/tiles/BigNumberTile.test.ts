// @vitest-environment happy-dom
import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import BigNumberTile from '../../../../renderer/src/tiles/BigNumberTile.vue';
import { useClockStore } from '../../../../renderer/src/stores/clock';
import { AS_OF, bigNumberTile, measure, row } from '../fixtures';
import { mountTile } from '../mount-tile';

enableAutoUnmount(afterEach);

describe('BigNumberTile', () => {
  it('shows the value with its unit, level mark, target and delta vs yesterday', () => {
    const { wrapper } = mountTile(BigNumberTile, bigNumberTile());
    const root = wrapper.get('[data-tile-id="service-level"]');
    expect(root.attributes('data-tile-type')).toBe('bigNumber');
    expect(root.attributes('data-state')).toBe('ok');
    const value = wrapper.get('[data-testid="tile-value"]');
    expect(value.attributes('data-value')).toBe('83.25');
    expect(value.text()).toContain('83.3%');
    expect(value.get('[data-level="ok"]').text()).toContain('●');
    expect(wrapper.get('[data-testid="tile-target"]').text()).toContain('Target 80.0%');
    expect(wrapper.get('[data-testid="tile-target"]').text()).toContain('met');
    const delta = wrapper.get('[data-testid="tile-delta"]').text();
    expect(delta).toContain('▲');
    expect(delta).toContain('+4.2 pts');
    expect(wrapper.text()).toContain('Today since 00:00, Europe/London');
  });

  it('formats counts with thousands separators and seconds as m:ss', () => {
    const count = bigNumberTile({
      measures: [measure('offered', 'Offered', 'count')],
      rows: [row('total', 'All', [12345])],
      yesterday: { values: [12400], points: null },
    });
    const { wrapper } = mountTile(BigNumberTile, count);
    expect(wrapper.get('[data-testid="tile-value"]').text()).toContain('12,345');
    expect(wrapper.get('[data-testid="tile-delta"]').text()).toContain('▼ −55');

    const seconds = bigNumberTile({
      measures: [measure('aht', 'AHT', 'seconds')],
      rows: [row('total', 'All', [3725])],
      options: {},
    });
    const second = mountTile(BigNumberTile, seconds).wrapper;
    expect(second.get('[data-testid="tile-value"]').text()).toContain('1:02:05');
    expect(second.find('[data-testid="tile-delta"]').exists()).toBe(false);
  });

  it('shows "—" for an unknown value and an unknown delta, never 0', () => {
    const unknown = bigNumberTile({
      state: 'unknown',
      asOf: null,
      rows: [row('total', 'All', [null])],
      yesterday: null,
    });
    const { wrapper } = mountTile(BigNumberTile, unknown);
    const value = wrapper.get('[data-testid="tile-value"]');
    expect(value.attributes('data-value')).toBe('');
    expect(value.text()).toContain('—');
    expect(value.text()).not.toMatch(/\d/);
    expect(wrapper.get('[data-testid="tile-delta"]').text()).toContain('— vs yesterday');
    expect(wrapper.get('[data-state]').attributes('data-state')).toBe('unknown');
    expect(wrapper.get('[data-testid="tile-asof"]').text()).toBe('no data yet');
  });

  it('marks critical with a square and the critical class, and stale with a badge while keeping the value', () => {
    const critical = bigNumberTile({
      state: 'critical',
      stale: true,
      error: 'RingCentral did not answer in time',
      rows: [row('total', 'All', [61.5], ['critical'])],
    });
    const { wrapper } = mountTile(BigNumberTile, critical);
    const root = wrapper.get('[data-tile-id]');
    expect(root.attributes('data-state')).toBe('critical');
    expect(root.classes()).toContain('tile--critical');
    expect(root.classes()).toContain('tile--stale');
    expect(wrapper.get('[data-level="critical"]').text()).toContain('■');
    expect(wrapper.get('[data-level="critical"]').text()).toContain('critical');
    expect(wrapper.get('[data-testid="stale-badge"]').text()).toBe('stale');
    expect(wrapper.get('[data-testid="tile-value"]').text()).toContain('61.5%');
    expect(wrapper.get('[data-testid="tile-error"]').text()).toContain('RingCentral did not answer in time');
    expect(wrapper.get('[data-testid="tile-target"]').text()).toContain('not met');
  });

  it('shows when the data is from and its age from the shared clock', async () => {
    const { wrapper, pinia } = mountTile(BigNumberTile, bigNumberTile());
    const clock = useClockStore(pinia);
    clock.now = Date.parse(AS_OF) + 2 * 60_000 + 10_000;
    await wrapper.vm.$nextTick();
    expect(wrapper.get('[data-testid="tile-asof"]').text()).toBe('as of 14:05 · 2 min ago');
  });
});
