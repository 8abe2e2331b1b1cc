// @vitest-environment happy-dom
import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import TextTile from '../../../../renderer/src/tiles/TextTile.vue';
import { tile } from '../fixtures';
import { mountTile } from '../mount-tile';

const MESSAGE = 'Welcome! Figures count completed calls since the start of the day.';

enableAutoUnmount(afterEach);

describe('TextTile', () => {
  it('shows a notice as plain text', () => {
    const { wrapper } = mountTile(
      TextTile,
      tile({ type: 'text', id: 'notice', title: 'Notice', options: { text: MESSAGE } }),
    );
    expect(wrapper.get('[data-testid="notice"]').text()).toBe(MESSAGE);
    expect(wrapper.find('[data-testid="ticker"]').exists()).toBe(false);
    expect(wrapper.get('[data-tile-id="notice"]').attributes('data-tile-type')).toBe('text');
  });

  it('runs a ticker whose crawl time grows with the text', () => {
    const short = mountTile(TextTile, tile({ type: 'text', options: { text: 'Hi', ticker: true } })).wrapper;
    const long = mountTile(
      TextTile,
      tile({ type: 'text', options: { text: MESSAGE.repeat(4), ticker: true } }),
    ).wrapper;
    const seconds = (w: typeof short) =>
      Number(
        /--ticker-seconds:\s*(\d+)s/.exec(w.get('[data-testid="ticker"]').attributes('style') ?? '')?.[1],
      );
    expect(long.get('[data-testid="ticker"]').text()).toBe(MESSAGE.repeat(4));
    expect(seconds(short)).toBe(20);
    expect(seconds(long)).toBeGreaterThan(seconds(short));
  });
});
