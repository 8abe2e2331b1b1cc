// @vitest-environment happy-dom
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import KeyPicker from '../../../../renderer/src/settings/components/KeyPicker.vue';
import { byLabel, fakeBridge, mountWithDraft } from './editor-fixtures';

/** Keys picked by name from the core's directory: the draft only ever sees ids. */

enableAutoUnmount(afterEach);

async function picker(props: { kind: string; keys: string[] }, bridge = fakeBridge()) {
  const mounted = mountWithDraft(KeyPicker, props, undefined, bridge);
  await flushPromises();
  return mounted;
}

const listed = (wrapper: Awaited<ReturnType<typeof picker>>['wrapper']) =>
  wrapper.findAll('.entries li label').map((label) => label.text().replace(/\s+/g, ' ').trim());
const emitted = (wrapper: Awaited<ReturnType<typeof picker>>['wrapper']) =>
  (wrapper.emitted('change') ?? []).map(([keys]) => keys as string[]);

describe('KeyPicker', () => {
  it('asks the directory for its kind and lists the names with their extensions', async () => {
    const { wrapper, bridge } = await picker({ kind: 'Queues', keys: ['62002'] });
    expect(bridge.calls).toEqual([{ channel: 'directory:list', request: { kind: 'Queues' } }]);
    expect(listed(wrapper)).toEqual([
      'Sales ext. 101',
      'Support ext. 102',
      'Billing ext. 103',
      'Sales Europe ext. 104',
    ]);
    expect(wrapper.get('[role="status"]').text()).toBe('4 queues.');
  });

  it('filters by name or extension number and announces how many match', async () => {
    const { wrapper } = await picker({ kind: 'Queues', keys: ['62001'] });
    const search = byLabel(wrapper, 'Find a queue by name or extension');
    await search.setValue('sal');
    expect(listed(wrapper)).toEqual(['Sales ext. 101', 'Sales Europe ext. 104']);
    const status = wrapper.get('[role="status"]');
    expect(status.attributes('aria-live')).toBe('polite');
    expect(status.text()).toBe('2 of 4 queues match “sal”.');
    await search.setValue('103');
    expect(listed(wrapper)).toEqual(['Billing ext. 103']);
    await search.setValue('nothing like it');
    expect(listed(wrapper)).toEqual([]);
    expect(status.text()).toBe('0 of 4 queues match “nothing like it”.');
  });

  it('emits the ids of the names ticked, shows them as chips, and removes a chip', async () => {
    const { wrapper } = await picker({ kind: 'Queues', keys: ['62001'] });
    await byLabel(wrapper, 'Billing ext. 103').setValue(true);
    expect(emitted(wrapper).at(-1)).toEqual(['62001', '62003']);
    await wrapper.setProps({ keys: ['62001', '62003'] });
    const chips = wrapper.findAll('.chip');
    expect(chips.map((chip) => chip.get('span').text())).toEqual(['Sales (ext. 101)', 'Billing (ext. 103)']);
    await wrapper.get('button[aria-label="Remove Sales"]').trigger('click');
    expect(emitted(wrapper).at(-1)).toEqual(['62003']);
  });

  it('picks the first match with Enter in the search box', async () => {
    const { wrapper } = await picker({ kind: 'Users', keys: ['1001'] });
    const search = byLabel(wrapper, 'Find a user by name or extension');
    await search.setValue('ben');
    await search.trigger('keydown', { key: 'Enter' });
    expect(emitted(wrapper).at(-1)).toEqual(['1001', '1002']);
  });

  it('offers “All” for a groupBy kind; choosing it emits no keys', async () => {
    const { wrapper } = await picker({ kind: 'Queues', keys: [] });
    const all = byLabel(wrapper, 'All queues (also ones added later)');
    expect(all.element.checked).toBe(true);
    expect(wrapper.find('.entries').exists()).toBe(false);
    await byLabel(wrapper, 'Only the queues chosen').setValue(true);
    expect(listed(wrapper)).toHaveLength(4);
    expect(wrapper.text()).toContain('None chosen yet: until one is, the tile shows all queues.');
    await all.setValue(true);
    expect(emitted(wrapper).at(-1)).toEqual([]);
  });

  it('has no “All” for groupByMembers and says at least one group is needed', async () => {
    const { wrapper } = await picker({ kind: 'Queue', keys: [] });
    expect(wrapper.findAll('input[type="radio"]')).toHaveLength(0);
    expect(wrapper.text()).toContain(
      'Choose at least one queue: the tile shows the members of the queues chosen.',
    );
    expect(listed(wrapper)).toEqual([]); // the fake directory has no "Queue" names: nothing invented
  });

  it('takes typed ids for a kind the directory cannot name, and says why', async () => {
    const { wrapper } = await picker({ kind: 'Departments', keys: ['d-1'] });
    const field = byLabel(wrapper, 'Add department ids');
    expect(wrapper.text()).toContain('RingCentral’s directory has no names for departments');
    await field.setValue('d-2, d-3,d-1');
    await field.trigger('keydown', { key: 'Enter' });
    expect(emitted(wrapper).at(-1)).toEqual(['d-1', 'd-2', 'd-3']);
    expect(field.element.value).toBe('');
  });

  it('shows a failed load in words and still takes typed ids', async () => {
    const bridge = fakeBridge();
    bridge.failDirectory = 'The directory is still loading';
    const { wrapper } = await picker({ kind: 'Queues', keys: ['62001'] }, bridge);
    expect(wrapper.get('[role="alert"]').text()).toContain('The directory is still loading');
    const field = byLabel(wrapper, 'Add queue ids');
    await field.setValue('62009');
    await wrapper
      .findAll('button')
      .find((button) => button.text() === 'Add')!
      .trigger('click');
    expect(emitted(wrapper).at(-1)).toEqual(['62001', '62009']);
  });

  it('names a chosen key the directory no longer has', async () => {
    const { wrapper } = await picker({ kind: 'Queues', keys: ['69999'] });
    expect(wrapper.get('.chip span').text()).toBe('69999 (not in the directory)');
  });
});
