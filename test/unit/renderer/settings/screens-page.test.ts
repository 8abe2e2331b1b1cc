// @vitest-environment happy-dom
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScreenInfo } from '../../../../contract/screens';
import ScreensPage from '../../../../renderer/src/settings/pages/ScreensPage.vue';
import { describedText } from './editor-fixtures';
import { failed, mountPage, ok, scriptedBridge, type Answers } from './fake-bridge';

/** The hub's screens page against a scripted hub: the list, rename, revoke with a confirm, pairing. */

enableAutoUnmount(afterEach);
afterEach(() => vi.useRealTimers());
beforeEach(() => {
  // The instruction names this hub's own address; happy-dom starts on about:blank.
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
    'https://wallboard-hub.example:4180/settings',
  );
});

const LOBBY: ScreenInfo = {
  id: 'scr-lobby',
  name: 'Lobby TV',
  joinedWith: 'code',
  joinedAt: '2026-12-01T08:00:00.000Z',
  lastSeenAt: '2026-12-02T08:00:00.000Z',
  lastAddress: '10.0.0.7',
  connected: 1,
};
const HALL: ScreenInfo = {
  id: 'scr-hall',
  name: 'Hall monitor',
  joinedWith: 'key',
  joinedAt: '2026-11-20T09:30:00.000Z',
  lastSeenAt: null,
  lastAddress: null,
  connected: 0,
};

async function open(answers: Answers = {}) {
  const bridge = scriptedBridge({ 'screens:list': ok([LOBBY, HALL]), ...answers });
  const { wrapper } = mountPage(ScreensPage, bridge);
  await flushPromises();
  return { wrapper, bridge };
}
const rows = (wrapper: VueWrapper) => wrapper.findAll('[data-testid="screen-row"]');
const row = (wrapper: VueWrapper, id: string) => wrapper.get(`[data-screen-id="${id}"]`);

describe('the screens list', () => {
  it('shows each screen: how and when it joined, last seen, address, and whether it shows the board', async () => {
    const { wrapper } = await open();
    expect(wrapper.find('[data-testid="screens-list"]').exists()).toBe(true);
    expect(rows(wrapper)).toHaveLength(2);
    const lobby = row(wrapper, 'scr-lobby');
    expect((lobby.get('[data-testid="screen-name"]').element as HTMLInputElement).value).toBe('Lobby TV');
    expect(lobby.get('[data-testid="screen-connected"]').text()).toBe('Showing the board now');
    const joined = new Date(LOBBY.joinedAt).toLocaleString(undefined, {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    expect(lobby.text()).toContain(`${joined}, with a pairing code`);
    expect(lobby.text()).toContain('10.0.0.7');
    const hall = row(wrapper, 'scr-hall');
    expect(hall.get('[data-testid="screen-connected"]').text()).toBe('Not connected');
    expect(hall.text()).toContain('with the access key');
    expect(hall.text()).toContain('not since it joined');
  });

  it('reads the list again every 10 s while open, and stops when closed', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { wrapper, bridge } = await open();
    bridge.answers['screens:list'] = ok([{ ...HALL, connected: 2 }]);
    vi.advanceTimersByTime(9_999);
    expect(bridge.sent('screens:list')).toHaveLength(1);
    vi.advanceTimersByTime(1);
    await flushPromises();
    expect(bridge.sent('screens:list')).toHaveLength(2);
    expect(rows(wrapper)).toHaveLength(1);
    expect(wrapper.get('[data-testid="screen-connected"]').text()).toBe('Showing the board now (2 windows)');
    wrapper.unmount();
    vi.advanceTimersByTime(60_000);
    expect(bridge.sent('screens:list')).toHaveLength(2);
  });

  it('says so when the hub cannot list them', async () => {
    const { wrapper } = await open({ 'screens:list': failed('Admin session expired: sign in again') });
    expect(wrapper.get('[data-testid="screens-error"]').text()).toBe(
      'The screens could not be listed: Admin session expired: sign in again',
    );
    expect(wrapper.find('[data-testid="screens-list"]').exists()).toBe(false);
  });
});

describe('renaming and revoking', () => {
  it('renames a screen with Save, and refuses an empty name', async () => {
    const { wrapper, bridge } = await open({
      'screens:rename': ({ name }) => ok([{ ...LOBBY, name }, HALL]),
    });
    const lobby = row(wrapper, 'scr-lobby');
    const save = lobby.get('[data-testid="rename"]');
    expect(save.attributes('disabled')).toBeDefined();
    const name = lobby.get('[data-testid="screen-name"]');
    await name.setValue('   ');
    expect(save.attributes('disabled')).toBeDefined();
    expect(describedText(name)).toBe('A name needs 1 to 80 characters.');
    await name.setValue(' Reception TV ');
    await save.trigger('click');
    await flushPromises();
    expect(bridge.sent('screens:rename')).toEqual([{ id: 'scr-lobby', name: 'Reception TV' }]);
    expect(row(wrapper, 'scr-lobby').get('[data-testid="rename"]').attributes('disabled')).toBeDefined();
  });

  it('revokes only after the confirming step, with the id, and explains what it does', async () => {
    const { wrapper, bridge } = await open({ 'screens:revoke': ok([HALL]) });
    const lobby = row(wrapper, 'scr-lobby');
    await lobby.get('[data-testid="revoke"]').trigger('click');
    expect(bridge.sent('screens:revoke')).toEqual([]);
    expect(lobby.text()).toContain('It is shut out at once; the others keep working.');
    const confirm = lobby.get('[data-testid="revoke-confirm"]');
    expect(document.activeElement).toBe(confirm.element);

    await lobby
      .findAll('button')
      .find((button) => button.text() === 'Keep it')!
      .trigger('click');
    expect(lobby.find('[data-testid="revoke-confirm"]').exists()).toBe(false);
    expect(document.activeElement).toBe(lobby.get('[data-testid="revoke"]').element);
    expect(bridge.sent('screens:revoke')).toEqual([]);

    await lobby.get('[data-testid="revoke"]').trigger('click');
    await lobby.get('[data-testid="revoke-confirm"]').trigger('click');
    await flushPromises();
    expect(bridge.sent('screens:revoke')).toEqual([{ id: 'scr-lobby' }]);
    expect(rows(wrapper).map((r) => r.attributes('data-screen-id'))).toEqual(['scr-hall']);
  });

  it('shows a refused revoke in the hub’s words and keeps the list', async () => {
    const { wrapper } = await open({ 'screens:revoke': failed('No screen "scr-lobby" (revoked already?)') });
    await row(wrapper, 'scr-lobby').get('[data-testid="revoke"]').trigger('click');
    await row(wrapper, 'scr-lobby').get('[data-testid="revoke-confirm"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="screens-error"]').text()).toBe(
      'Revoking “Lobby TV” did not work: No screen "scr-lobby" (revoked already?)',
    );
    expect(rows(wrapper)).toHaveLength(2);
  });
});

describe('pairing a screen', () => {
  const CODE = { code: '418207', name: 'Corridor TV', expiresAt: '2026-12-02T09:10:00.000Z' };

  it('shows the code big and grouped, until when it works, and where the TV types it', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { wrapper, bridge } = await open({ 'screens:pair': ({ name }) => ok({ ...CODE, name }) });
    await wrapper.get('[data-testid="pair-name"]').setValue(' Corridor TV ');
    await wrapper.get('[data-testid="pair-start"]').trigger('click');
    await flushPromises();
    expect(bridge.sent('screens:pair')).toEqual([{ name: 'Corridor TV' }]);
    expect(wrapper.get('[data-testid="pairing-code"]').text()).toBe('418 207');
    expect(wrapper.text()).toContain(
      'On the TV, open https://wallboard-hub.example:4180/pair and type this code',
    );
    const until = new Date(CODE.expiresAt).toLocaleTimeString(undefined, { timeStyle: 'short' });
    expect(wrapper.get('[data-testid="pairing-expires"]').text()).toContain(`until ${until}`);

    // The TV typed it: the next list has a new screen of that name.
    const corridor: ScreenInfo = { ...HALL, id: 'scr-corridor', name: 'Corridor TV', joinedWith: 'code' };
    bridge.answers['screens:list'] = ok([LOBBY, HALL, corridor]);
    vi.advanceTimersByTime(10_000);
    await flushPromises();
    expect(wrapper.get('[data-testid="pair-joined"]').text()).toContain('“Corridor TV” has joined');
    expect(wrapper.find('[data-testid="pairing-code"]').exists()).toBe(false);
  });

  it('does not take a screen that was there before for the one that paired', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { wrapper, bridge } = await open({ 'screens:pair': ({ name }) => ok({ ...CODE, name }) });
    await wrapper.get('[data-testid="pair-name"]').setValue('Lobby TV');
    await wrapper.get('[data-testid="pair-start"]').trigger('click');
    await flushPromises();
    vi.advanceTimersByTime(10_000);
    await flushPromises();
    expect(bridge.sent('screens:list')).toHaveLength(2);
    expect(wrapper.find('[data-testid="pair-joined"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="pairing-code"]').text()).toBe('418 207');
  });

  it('asks for a name before asking the hub', async () => {
    const { wrapper, bridge } = await open({ 'screens:pair': ok(CODE) });
    await wrapper.get('[data-testid="pair-start"]').trigger('click');
    await flushPromises();
    expect(bridge.sent('screens:pair')).toEqual([]);
    expect(describedText(wrapper.get('[data-testid="pair-name"]'))).toMatch(/^Give the screen a name/);
  });

  it('shows the hub’s refusal in its words, read with the name field', async () => {
    const loopback =
      'This hub serves this machine only, so no screen needs to join; start it with --host 0.0.0.0 to serve TVs.';
    const { wrapper } = await open({ 'screens:pair': failed(loopback) });
    await wrapper.get('[data-testid="pair-name"]').setValue('Lobby TV 2');
    await wrapper.get('[data-testid="pair-start"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="pair-error"]').text()).toBe(`No code: ${loopback}`);
    expect(describedText(wrapper.get('[data-testid="pair-name"]'))).toBe(`No code: ${loopback}`);
    expect(wrapper.find('[data-testid="pairing-code"]').exists()).toBe(false);
  });
});
