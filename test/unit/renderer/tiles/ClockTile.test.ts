// @vitest-environment happy-dom
import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import ClockTile from '../../../../renderer/src/tiles/ClockTile.vue';
import { useClockStore } from '../../../../renderer/src/stores/clock';
import { tile } from '../fixtures';
import { mountTile } from '../mount-tile';

const NOW = Date.parse('2026-11-23T14:05:07Z');

enableAutoUnmount(afterEach);

describe('ClockTile', () => {
  it('shows time and date in the board’s zone from the shared clock, without freshness footer', async () => {
    const { wrapper, pinia } = mountTile(
      ClockTile,
      tile({ type: 'clock', id: 'clock', title: 'Time', asOf: null }),
      'Asia/Tokyo',
    );
    useClockStore(pinia).now = NOW;
    await wrapper.vm.$nextTick();
    expect(wrapper.get('[data-testid="clock-time"]').text()).toBe('23:05');
    expect(wrapper.get('[data-testid="clock-date"]').text()).toBe('Monday 23 November 2026');
    expect(wrapper.text()).toContain('Asia/Tokyo');
    expect(wrapper.find('[data-testid="tile-asof"]').exists()).toBe(false);
    expect(wrapper.get('[data-tile-id="clock"]').attributes('data-tile-type')).toBe('clock');
  });

  it('shows seconds when asked and follows the tick', async () => {
    const clockTile = tile({ type: 'clock', options: { showSeconds: true } });
    const { wrapper, pinia } = mountTile(ClockTile, clockTile, 'Europe/London');
    const clock = useClockStore(pinia);
    clock.now = NOW;
    await wrapper.vm.$nextTick();
    expect(wrapper.get('[data-testid="clock-time"]').text()).toBe('14:05:07');
    clock.now = NOW + 1000;
    await wrapper.vm.$nextTick();
    expect(wrapper.get('[data-testid="clock-time"]').text()).toBe('14:05:08');
  });

  it('shows "—" for a zone it does not know', () => {
    const { wrapper } = mountTile(ClockTile, tile({ type: 'clock' }), 'Mars/Olympus');
    expect(wrapper.get('[data-testid="clock-time"]').text()).toBe('—');
  });
});
