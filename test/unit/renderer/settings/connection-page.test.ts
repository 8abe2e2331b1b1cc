// @vitest-environment happy-dom
import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InvokeResult } from '../../../../contract/bridge';
import type { Settings } from '../../../../contract/settings';
import ConnectionPage from '../../../../renderer/src/settings/pages/ConnectionPage.vue';
import { byLabel, demoSettings, describedText } from './editor-fixtures';
import {
  ACCOUNT_STATUS,
  accountSettings,
  DEMO_STATUS,
  failed,
  heldBack,
  mountPage,
  ok,
  scriptedBridge,
  type Answers,
} from './fake-bridge';

/** The connection page against a scripted core: what it sends, shows, forgets and reloads. */

enableAutoUnmount(afterEach);
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const SECRET = 'cs-8f2e1a-secret';
const JWT = 'eyJhbGciOiJSUzI1NiJ9.e30.signature';
const testid = (wrapper: VueWrapper, id: string) => wrapper.find(`[data-testid="${id}"]`);
const valueOf = (wrapper: VueWrapper, id: string) => (testid(wrapper, id).element as HTMLInputElement).value;

async function open(answers: Answers, settings?: Settings) {
  const bridge = scriptedBridge({ 'connection:status': ok(DEMO_STATUS), ...answers });
  const mounted = mountPage(ConnectionPage, bridge, settings);
  await flushPromises();
  return { ...mounted, bridge };
}

async function fillJwt(wrapper: VueWrapper, clientId = 'app-123'): Promise<void> {
  await testid(wrapper, 'client-id').setValue(clientId);
  await testid(wrapper, 'client-secret').setValue(SECRET);
  await testid(wrapper, 'jwt').setValue(JWT);
}

async function submitRefusal(error: string) {
  const opened = await open({ 'connection:signInJwt': failed(error) });
  await fillJwt(opened.wrapper);
  await testid(opened.wrapper, 'sign-in-jwt').trigger('click');
  await flushPromises();
  return opened;
}

describe('signing in with a JWT', () => {
  it('sends exactly the fields, empties the secrets, says they are stored and takes the new settings', async () => {
    let now = DEMO_STATUS;
    const { wrapper, bridge, draft } = await open({
      'connection:status': () => ok(now),
      'connection:signInJwt': () => ok((now = ACCOUNT_STATUS)),
      'settings:current': ok({ settings: accountSettings(), revision: 'r2' }),
    });
    expect(testid(wrapper, 'secrets-stored').exists()).toBe(false);
    await wrapper.get('#server-custom').setValue(true);
    await testid(wrapper, 'server-url').setValue(' https://platform.eu.example.com ');
    await fillJwt(wrapper, ' app-123 ');
    await testid(wrapper, 'sign-in-jwt').trigger('click');
    await flushPromises();

    expect(bridge.sent('connection:signInJwt')).toEqual([
      {
        server: { kind: 'custom', url: 'https://platform.eu.example.com' },
        clientId: 'app-123',
        clientSecret: SECRET,
        jwt: JWT,
      },
    ]);
    expect(valueOf(wrapper, 'client-secret')).toBe('');
    expect(valueOf(wrapper, 'jwt')).toBe('');
    expect(testid(wrapper, 'secrets-stored').text()).toMatch(
      /^Client secret and JWT: stored in the keychain\./,
    );
    expect(document.body.innerHTML).not.toContain(SECRET);
    expect(document.body.innerHTML).not.toContain(JWT);
    const account = testid(wrapper, 'connection-account').text();
    expect(account).toContain('400100001');
    expect(account).toContain('Sofia Reyes');
    expect(account).toContain('https://platform.ringcentral.com');
    expect(bridge.sent('settings:current')).toHaveLength(1);
    expect(draft.revision).toBe('r2');
    expect(draft.draft!.boards[0]!.name).toBe('Account board');
    expect(draft.dirty).toBe(false);
  });

  it('checks the fields before sending anything and moves to the first one to fix', async () => {
    const { wrapper, bridge } = await open({});
    await testid(wrapper, 'sign-in-jwt').trigger('click');
    await flushPromises();
    expect(bridge.sent('connection:signInJwt')).toEqual([]);
    const clientId = testid(wrapper, 'client-id');
    expect(document.activeElement).toBe(clientId.element);
    expect(clientId.attributes('aria-invalid')).toBe('true');
    expect(describedText(clientId)).toMatch(/^Client ID is needed/);
    expect(describedText(testid(wrapper, 'jwt'))).toMatch(/^JWT is needed/);

    await fillJwt(wrapper);
    await wrapper.get('#server-custom').setValue(true);
    await testid(wrapper, 'server-url').setValue('https://admin:hunter2@platform.example.com');
    await testid(wrapper, 'sign-in-jwt').trigger('click');
    await flushPromises();
    expect(bridge.sent('connection:signInJwt')).toEqual([]);
    expect(describedText(testid(wrapper, 'server-url'))).toContain(
      'must not contain a user name or password',
    );
    expect(wrapper.text()).not.toContain('hunter2');
  });
});

describe('a refused sign-in', () => {
  it('shows RingCentral’s words with what to do, read with the fields, and keeps the settings', async () => {
    const message =
      'RingCentral refused the sign-in: Invalid JWT assertion (OAU-144). The credential is no longer valid for this app';
    const { wrapper, bridge, draft } = await submitRefusal(message);
    const error = testid(wrapper, 'sign-in-error');
    expect(error.attributes('role')).toBe('alert');
    expect(error.text()).toContain(message);
    expect(testid(wrapper, 'sign-in-advice').text()).toMatch(/Check the JWT: it may be expired/);
    expect(describedText(testid(wrapper, 'jwt'))).toContain('Invalid JWT assertion (OAU-144)');
    expect(describedText(testid(wrapper, 'sign-in-jwt'))).toContain('Invalid JWT assertion (OAU-144)');
    expect(testid(wrapper, 'secrets-stored').exists()).toBe(false);
    expect(bridge.sent('settings:current')).toEqual([]);
    expect(draft.revision).toBe('r1');
  });

  it.each([
    [
      'RingCentral refused the sign-in: Unauthorized for this grant type (OAU-251). The app is not allowed this kind of sign-in: enable it (JWT or authorization code)',
      'Check the client ID and secret, and that the app allows JWT',
    ],
    [
      'RingCentral refused the sign-in: Invalid client credentials (OAU-123)',
      'Check the client ID and secret',
    ],
    [
      '[InsufficientPermissions] In order to call this API endpoint, application needs to have [Analytics] permission',
      'needs the Analytics and ReadAccounts permissions',
    ],
    [
      'Cannot reach platform.example.com: server name not found (ENOTFOUND)',
      'Check the server address and the network',
    ],
    ['The OS keychain is not available (no D-Bus session)', 'CALLBOARD_SECRETS=memory'],
  ])('advises on “%s”', async (message, advice) => {
    const { wrapper } = await submitRefusal(message);
    expect(testid(wrapper, 'sign-in-error').text()).toContain(message);
    expect(testid(wrapper, 'sign-in-advice').text()).toContain(advice);
  });

  it('offers no advice it does not have', async () => {
    const { wrapper } = await submitRefusal('Something nobody foresaw');
    expect(testid(wrapper, 'sign-in-error').text()).toContain('Something nobody foresaw');
    expect(testid(wrapper, 'sign-in-advice').exists()).toBe(false);
  });
});

describe('browser sign-in', () => {
  it('starts from the saved connection, sends no secret left empty, and offers the sign-in page', async () => {
    const saved = demoSettings();
    saved.connection = {
      server: { kind: 'custom', url: 'http://127.0.0.1:4174' },
      clientId: 'browser-app',
      authMethod: 'browser',
      profile: 'settings',
    };
    const answer = heldBack<InvokeResult<'connection:signInBrowser'>>();
    const page = 'http://127.0.0.1:4174/restapi/oauth/authorize?client_id=browser-app&code_challenge=abc';
    const { wrapper, bridge } = await open(
      {
        'connection:signInBrowser': () => answer.promise,
        'connection:browserPage': ok({ url: page }),
      },
      saved,
    );
    expect(valueOf(wrapper, 'server-url')).toBe('http://127.0.0.1:4174');
    expect(valueOf(wrapper, 'client-id')).toBe('browser-app');
    expect(byLabel(wrapper, 'The browser (a supervisor signs in as themselves)').element.checked).toBe(true);
    expect(testid(wrapper, 'jwt').exists()).toBe(false);

    await testid(wrapper, 'sign-in-browser').trigger('click');
    await flushPromises();
    expect(bridge.sent('connection:signInBrowser')).toEqual([
      { server: { kind: 'custom', url: 'http://127.0.0.1:4174' }, clientId: 'browser-app' },
    ]);
    // A hub has no browser of its own: RingCentral's sign-in page is offered as a link.
    expect(testid(wrapper, 'browser-page').attributes('href')).toBe(page);
    expect(testid(wrapper, 'browser-waiting').text()).toContain('Open RingCentral’s sign-in page');
    expect(testid(wrapper, 'sign-in-browser').attributes('disabled')).toBeDefined();
    expect(wrapper.get('form').attributes('aria-busy')).toBe('true');

    answer.release(failed('No answer from the browser within 5 minutes'));
    await flushPromises();
    expect(testid(wrapper, 'browser-waiting').exists()).toBe(false);
    expect(testid(wrapper, 'sign-in-advice').text()).toContain('within 5 minutes');
  });
});

describe('the account', () => {
  it('says the state in words, with the next try and when the sign-in lapses', async () => {
    const reconnecting = {
      ...ACCOUNT_STATUS,
      state: 'reconnecting' as const,
      message: 'Reconnecting to RingCentral… (Token is expired)',
      reconnect: { unreachable: true, nextAttemptAt: '2026-12-02T10:15:30.000Z' },
    };
    const { wrapper } = await open({ 'connection:status': ok(reconnecting) });
    const state = testid(wrapper, 'connection-state');
    expect(state.attributes('role')).toBe('status');
    const at = new Date('2026-12-02T10:15:30.000Z').toLocaleTimeString(undefined, { timeStyle: 'medium' });
    expect(state.text()).toBe(
      `Reconnecting by itself: RingCentral did not answer the last try; next try at ${at}`,
    );
    const lapses = new Date(ACCOUNT_STATUS.expiresAt!).toLocaleString(undefined, {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    expect(testid(wrapper, 'connection-expires').text()).toContain(`it lapses on ${lapses}`);
    expect(testid(wrapper, 'connection-message').text()).toBe(reconnecting.message);
  });

  it('signs out without touching the settings; the demo brings its boards back', async () => {
    const { wrapper, bridge, draft } = await open({
      'connection:status': ok(ACCOUNT_STATUS),
      'connection:signOut': ok({ ...ACCOUNT_STATUS, state: 'signedOut', account: null, expiresAt: null }),
      'connection:useDemo': ok(DEMO_STATUS),
      'settings:current': ok({ settings: demoSettings(), revision: 'r3' }),
    });
    bridge.answers['connection:status'] = ok({ ...ACCOUNT_STATUS, state: 'signedOut', account: null });
    await testid(wrapper, 'sign-out').trigger('click');
    await flushPromises();
    expect(bridge.sent('connection:signOut')).toEqual([undefined]);
    expect(testid(wrapper, 'connection-state').text()).toBe('Signed out');
    expect(testid(wrapper, 'sign-out').exists()).toBe(false);
    expect(bridge.sent('settings:current')).toEqual([]);

    bridge.answers['connection:status'] = ok(DEMO_STATUS);
    await testid(wrapper, 'use-demo').trigger('click');
    await flushPromises();
    expect(bridge.sent('connection:useDemo')).toEqual([undefined]);
    expect(testid(wrapper, 'connection-account').text()).toContain('The demo');
    expect(testid(wrapper, 'use-demo').exists()).toBe(false);
    expect(draft.revision).toBe('r3');
  });

  it('never lets an older poll overwrite what a sign-in answered', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const slowPoll = heldBack<InvokeResult<'connection:status'>>();
    const { wrapper, bridge } = await open({ 'connection:signInJwt': ok(ACCOUNT_STATUS) });
    let polls = 0;
    bridge.answers['connection:status'] = () => (++polls === 1 ? slowPoll.promise : ok(ACCOUNT_STATUS));
    vi.advanceTimersByTime(3_000); // a poll goes out, and hangs
    await fillJwt(wrapper);
    await testid(wrapper, 'sign-in-jwt').trigger('click');
    await flushPromises();
    expect(testid(wrapper, 'connection-account').text()).toContain('400100001');
    expect(polls).toBe(2); // the one that hangs, and the one right after the sign-in
    slowPoll.release(ok(DEMO_STATUS)); // asked before the sign-in was answered
    await flushPromises();
    expect(testid(wrapper, 'connection-account').text()).toContain('400100001');
  });

  it('asks of the core every 3 s while open and stops when closed', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { wrapper, bridge } = await open({});
    expect(bridge.sent('connection:status')).toHaveLength(1);
    bridge.answers['connection:status'] = ok({ ...DEMO_STATUS, state: 'reconnecting' });
    vi.advanceTimersByTime(3_000);
    await flushPromises();
    expect(bridge.sent('connection:status')).toHaveLength(2);
    expect(testid(wrapper, 'connection-state').text()).toBe('Reconnecting by itself');
    wrapper.unmount();
    vi.advanceTimersByTime(30_000);
    expect(bridge.sent('connection:status')).toHaveLength(2);
  });
});

describe('unsaved changes and a sign-in', () => {
  async function signInWithDraft(agree: boolean) {
    // happy-dom has no confirm(): the browser's is stubbed, answering as the user would.
    const confirm = vi.fn((_message?: string) => agree);
    vi.stubGlobal('confirm', confirm);
    const opened = await open({
      'connection:signInJwt': ok(ACCOUNT_STATUS),
      'settings:current': ok({ settings: accountSettings(), revision: 'r2' }),
    });
    opened.draft.edit((settings) => (settings.boards[0]!.name = 'My unsaved name'));
    await fillJwt(opened.wrapper);
    await testid(opened.wrapper, 'sign-in-jwt').trigger('click');
    await flushPromises();
    return { ...opened, confirm };
  }

  it('asks before the new settings replace the draft, and keeps the draft if told to', async () => {
    const { wrapper, bridge, draft, confirm } = await signInWithDraft(false);
    expect(confirm).toHaveBeenCalledOnce();
    expect(confirm.mock.calls[0]![0]).toMatch(/unsaved changes would be lost/);
    expect(bridge.sent('settings:current')).toEqual([]);
    expect(draft.draft!.boards[0]!.name).toBe('My unsaved name');
    expect(testid(wrapper, 'reload-pending').text()).toContain('saving them will be refused');
    expect(valueOf(wrapper, 'jwt')).toBe('');

    await wrapper.get('[data-testid="reload-pending"] button').trigger('click');
    await flushPromises();
    expect(confirm).toHaveBeenCalledOnce();
    expect(draft.draft!.boards[0]!.name).toBe('Account board');
    expect(testid(wrapper, 'reload-pending').exists()).toBe(false);
  });

  it('takes the new settings when the user agrees', async () => {
    const { bridge, draft, confirm } = await signInWithDraft(true);
    expect(confirm).toHaveBeenCalledOnce();
    expect(bridge.sent('settings:current')).toHaveLength(1);
    expect(draft.draft!.boards[0]!.name).toBe('Account board');
    expect(draft.revision).toBe('r2');
  });
});
