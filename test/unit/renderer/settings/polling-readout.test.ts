// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { BoardSnapshot } from '../../../../contract/snapshot';
import PollingReadout from '../../../../renderer/src/settings/components/PollingReadout.vue';
import { bigNumberTile, board, snapshot } from '../fixtures';
import { demoSettings, fakeBridge, mountWithDraft } from './editor-fixtures';

/** The live readout: requests against the budget, and the tiles whose latest refresh failed. */

describe('the polling readout', () => {
  it('shows the requests of the last minute against the budget and the failing tiles with their reason', async () => {
    const bridge = fakeBridge();
    let push: (next: BoardSnapshot) => void = () => {};
    bridge.onSnapshot = (listener) => {
      push = listener;
      return () => (push = () => {});
    };
    const { wrapper } = mountWithDraft(PollingReadout, {}, demoSettings(), bridge);
    expect(wrapper.text()).toContain('Waiting for the first snapshot');
    push(
      snapshot({
        polling: { requestsPerRefresh: 9, requestsLastMinute: 12, budgetPerMinute: 30, paused: false },
        boards: [
          board({
            name: 'Queues',
            tiles: [
              bigNumberTile({ id: 'ok', title: 'Offered' }),
              bigNumberTile({
                id: 'bad',
                title: 'Abandon rate',
                error: 'RingCentral refused the query: unknown queue',
              }),
            ],
          }),
        ],
      }),
    );
    await flushPromises();
    expect(wrapper.get('[data-testid="requests-last-minute"]').text()).toMatch(
      /12 requests in the last minute of a budget of 30 \(18 to spare\); 9 per refresh/,
    );
    const errors = wrapper.get('[data-testid="last-errors"]').text();
    expect(errors).toContain('Queues › Abandon rate: RingCentral refused the query: unknown queue');
    expect(errors).not.toContain('Offered');
    wrapper.unmount();
    expect(() => push(snapshot())).not.toThrow();
  });
});
