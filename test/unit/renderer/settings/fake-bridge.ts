import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { Component } from 'vue';
import type { Bridge, InvokeChannel, InvokeRequest, InvokeResult } from '../../../../contract/bridge';
import type { ConnectionStatus } from '../../../../contract/connection';
import type { Settings } from '../../../../contract/settings';
import { BRIDGE_KEY } from '../../../../renderer/src/settings/bridge-key';
import { copyOf, useDraftStore } from '../../../../renderer/src/settings/stores/draft';
import { demoSettings } from './editor-fixtures';

/**
 * A Bridge for the connection and screens pages' tests: every invoke is recorded, and each channel
 * answers what the test scripted (a result, or a function of the request, possibly async so a test
 * can hold an answer back); an unscripted channel answers an error, so nothing passes by accident.
 * `mountPage` mounts a page the way the settings window does: Pinia's draft store holding saved
 * settings at revision "r1", and the Bridge provided under BRIDGE_KEY.
 */

type Answer<C extends InvokeChannel> =
  InvokeResult<C> | ((request: InvokeRequest<C>) => InvokeResult<C> | Promise<InvokeResult<C>>);
export type Answers = { [C in InvokeChannel]?: Answer<C> };

export interface ScriptedBridge extends Bridge {
  answers: Answers;
  calls: Array<{ channel: InvokeChannel; request: unknown }>;
  /** The requests sent on one channel, in order. */
  sent(channel: InvokeChannel): unknown[];
}

export function scriptedBridge(answers: Answers = {}): ScriptedBridge {
  const bridge: ScriptedBridge = {
    answers,
    calls: [],
    sent: (channel) => bridge.calls.filter((call) => call.channel === channel).map((call) => call.request),
    async invoke<C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): Promise<InvokeResult<C>> {
      bridge.calls.push({ channel, request: structuredClone(request) });
      const answer = bridge.answers[channel] as Answer<C> | undefined;
      if (answer === undefined) return { ok: false, error: `${channel} is not part of this test` };
      return typeof answer === 'function' ? answer(request) : structuredClone(answer);
    },
    onSnapshot: () => () => undefined,
  };
  return bridge;
}

export const ok = <T>(value: T) => ({ ok: true as const, value });
export const failed = (error: string) => ({ ok: false as const, error });

/** An answer the test releases when it wants, to see the page while it waits. */
export function heldBack<T>(): { promise: Promise<T>; release: (value: T) => void } {
  let release!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (release = resolve));
  return { promise, release };
}

export const DEMO_STATUS: ConnectionStatus = {
  state: 'signedIn',
  mode: 'demo',
  account: { id: 'demo', server: 'http://127.0.0.1:40111' },
  expiresAt: null,
  message: null,
  reconnect: null,
};
export const ACCOUNT_STATUS: ConnectionStatus = {
  state: 'signedIn',
  mode: 'account',
  account: { id: '400100001', name: 'Sofia Reyes', server: 'https://platform.ringcentral.com' },
  expiresAt: '2026-12-09T10:00:00.000Z',
  message: null,
  reconnect: null,
};

/** Settings the core holds after the sign-in: the account's boards (a board name tells them apart). */
export function accountSettings(): Settings {
  const settings = demoSettings();
  settings.boards[0]!.name = 'Account board';
  settings.connection = {
    server: { kind: 'production' },
    clientId: 'app-123',
    authMethod: 'jwt',
    profile: 'settings',
  };
  return settings;
}

export function mountPage(
  component: Component,
  bridge: ScriptedBridge,
  settings: Settings = demoSettings(),
  kind: 'hub' | 'preload' = 'hub',
) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const draft = useDraftStore(pinia);
  draft.saved = settings;
  draft.revision = 'r1';
  draft.draft = copyOf(settings);
  const wrapper = mount(component, {
    attachTo: document.body,
    global: { plugins: [pinia], provide: { [BRIDGE_KEY as symbol]: { bridge, kind } } },
  });
  return { wrapper, draft };
}
