// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InvokeChannel, InvokeRequest, InvokeResult } from '../../../../contract/bridge';
import type { ConnectionStatus } from '../../../../contract/connection';
import type { ScreenInfo } from '../../../../contract/screens';
import ConnectionPage from '../../../../renderer/src/settings/pages/ConnectionPage.vue';
import ScreensPage from '../../../../renderer/src/settings/pages/ScreensPage.vue';
import { signInAdvice } from '../../../../renderer/src/settings/sign-in';
import { demoSettings, fakeBridge, mountWithDraft, type FakeBridge } from './editor-fixtures';

/** The connection and screens pages and the draft's save rules, against a scripted Bridge. */

type Answer = (request: unknown) => unknown;
function scripted(answers: Partial<Record<InvokeChannel, Answer>>): FakeBridge {
  const bridge = fakeBridge();
  const fallback = bridge.invoke.bind(bridge);
  bridge.invoke = async <C extends InvokeChannel>(channel: C, request: InvokeRequest<C>) => {
    const answer = answers[channel];
    if (!answer) return fallback(channel, request);
    bridge.calls.push({ channel, request });
    return answer(request) as InvokeResult<C>;
  };
  return bridge;
}

const demoStatus: ConnectionStatus = {
  state: 'signedIn',
  mode: 'demo',
  account: null,
  expiresAt: null,
  message: null,
  reconnect: null,
};
const accountStatus: ConnectionStatus = {
  ...demoStatus,
  mode: 'account',
  account: { id: '400100001', name: 'Sofia Reyes', server: 'http://127.0.0.1:4174' },
  expiresAt: '2026-12-09T10:00:00.000Z',
};
const ok = (value: unknown) => ({ ok: true, value });

afterEach(() => vi.restoreAllMocks());

describe('the connection page', () => {
  it('signs in with the JWT, sends exactly the fields, empties the secrets and says they are stored', async () => {
    let now = demoStatus;
    const bridge = scripted({
      'connection:status': () => ok(now),
      'connection:signInJwt': () => ok((now = accountStatus)),
      'settings:current': () => ok({ settings: demoSettings(), revision: 'r2' }),
    });
    const { wrapper } = mountWithDraft(ConnectionPage, {}, demoSettings(), bridge);
    await flushPromises();
    await wrapper.get('#server-custom').setValue(true);
    await wrapper.get('[data-testid="server-url"]').setValue('http://127.0.0.1:4174');
    await wrapper.get('[data-testid="client-id"]').setValue('callboard-demo');
    await wrapper.get('[data-testid="client-secret"]').setValue('the-secret');
    await wrapper.get('[data-testid="jwt"]').setValue('the-jwt');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(bridge.calls.find((call) => call.channel === 'connection:signInJwt')?.request).toEqual({
      server: { kind: 'custom', url: 'http://127.0.0.1:4174' },
      clientId: 'callboard-demo',
      clientSecret: 'the-secret',
      jwt: 'the-jwt',
    });
    expect((wrapper.get('[data-testid="client-secret"]').element as HTMLInputElement).value).toBe('');
    expect((wrapper.get('[data-testid="jwt"]').element as HTMLInputElement).value).toBe('');
    expect(wrapper.get('[data-testid="secrets-stored"]').text()).toMatch(/stored in the keychain/);
    expect(wrapper.get('[data-testid="connection-account"]').text()).toContain('400100001');
    expect(wrapper.html()).not.toMatch(/the-secret|the-jwt/);
    wrapper.unmount();
  });

  it('shows RingCentral’s words and what to do when the sign-in is refused', async () => {
    const bridge = scripted({
      'connection:status': () => ok(demoStatus),
      'connection:signInJwt': () => ({
        ok: false,
        error: 'RingCentral refused the JWT (invalid_grant: Token is expired)',
      }),
    });
    const { wrapper } = mountWithDraft(ConnectionPage, {}, demoSettings(), bridge);
    await flushPromises();
    await wrapper.get('[data-testid="client-id"]').setValue('app');
    await wrapper.get('[data-testid="client-secret"]').setValue('s');
    await wrapper.get('[data-testid="jwt"]').setValue('j');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    const error = wrapper.get('[data-testid="sign-in-error"]').text();
    expect(error).toContain('Token is expired');
    expect(error).toMatch(/Check the JWT/);
    wrapper.unmount();
  });

  it('signs out of an account', async () => {
    const bridge = scripted({
      'connection:status': () => ok(accountStatus),
      'connection:signOut': () => ok({ ...accountStatus, state: 'signedOut', account: null }),
      'settings:current': () => ok({ settings: demoSettings(), revision: 'r2' }),
    });
    const { wrapper } = mountWithDraft(ConnectionPage, {}, demoSettings(), bridge);
    await flushPromises();
    await wrapper.get('[data-testid="sign-out"]').trigger('click');
    await flushPromises();
    expect(bridge.calls.map((call) => call.channel)).toContain('connection:signOut');
    wrapper.unmount();
  });

  it('advises by cause', () => {
    expect(signInAdvice('unauthorized_client: client not allowed')).toMatch(/client ID and client secret/);
    expect(signInAdvice('[InsufficientPermissions] Analytics')).toMatch(/Analytics and ReadAccounts/);
    expect(signInAdvice('Cannot reach RingCentral')).toMatch(/server address/);
    expect(signInAdvice('something else entirely')).toBeNull();
  });
});

describe('the screens page', () => {
  const screens: ScreenInfo[] = [
    {
      id: 'tv-lobby-1',
      name: 'Lobby TV',
      joinedWith: 'code',
      joinedAt: '2026-12-01T08:00:00.000Z',
      lastSeenAt: '2026-12-02T08:00:00.000Z',
      lastAddress: '10.0.0.7',
      connected: 1,
    },
  ];

  it('lists screens, revokes only after confirming, and shows a pairing code grouped', async () => {
    const bridge = scripted({
      'screens:list': () => ok(screens),
      'screens:revoke': () => ok([]),
      'screens:pair': (request) =>
        ok({
          code: '418207',
          name: (request as { name: string }).name,
          expiresAt: '2026-12-02T09:10:00.000Z',
        }),
    });
    const { wrapper } = mountWithDraft(ScreensPage, {}, demoSettings(), bridge);
    await flushPromises();
    expect(wrapper.findAll('[data-testid="screen-row"]')).toHaveLength(1);
    expect(wrapper.text()).toContain('Showing the board now');
    await wrapper.get('[data-testid="revoke"]').trigger('click');
    expect(bridge.calls.map((call) => call.channel)).not.toContain('screens:revoke');
    await wrapper.get('[data-testid="revoke-confirm"]').trigger('click');
    await flushPromises();
    expect(bridge.calls.find((call) => call.channel === 'screens:revoke')?.request).toEqual({
      id: 'tv-lobby-1',
    });
    expect(wrapper.text()).toContain('No screen has joined yet');
    await wrapper.get('[data-testid="pair-name"]').setValue('Corridor TV');
    await wrapper.get('[data-testid="pair-start"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="pairing-code"]').text()).toBe('418 207');
    expect(wrapper.text()).toContain('/pair');
    wrapper.unmount();
  });
});

describe('saving the draft', () => {
  it('saves nothing invalid, keeps the draft when the core says it is stale, and undoes a removal', async () => {
    const bridge = scripted({
      'settings:current': () => ok({ settings: demoSettings(), revision: 'r1' }),
      'settings:update': () => ({
        ok: false,
        error: 'Not saved: someone else saved the settings after you opened them.',
      }),
    });
    const { draft } = mountWithDraft(
      ScreensPage,
      {},
      demoSettings(),
      scripted({ 'screens:list': () => ok([]) }),
    );
    await draft.load(bridge);
    draft.edit((settings) => (settings.boards[0]!.name = ''));
    expect(draft.dirty).toBe(true);
    expect(draft.problems.map((problem) => problem.path.join('.'))).toContain('boards.0.name');
    expect(await draft.save()).toBe(false);
    expect(bridge.calls.map((call) => call.channel)).not.toContain('settings:update');
    draft.edit((settings) => (settings.boards[0]!.name = 'Mine'));
    expect(await draft.save()).toBe(false);
    expect(bridge.calls.find((call) => call.channel === 'settings:update')?.request).toMatchObject({
      basedOn: 'r1',
    });
    expect(draft.saveError).toMatch(/someone else saved/);
    expect(draft.draft!.boards[0]!.name).toBe('Mine');
    const boards = draft.draft!.boards.length;
    draft.edit((settings) => settings.boards.splice(1, 1), 'deleting a board');
    expect(draft.draft!.boards).toHaveLength(boards - 1);
    draft.undo();
    expect(draft.draft!.boards).toHaveLength(boards);
  });
});
