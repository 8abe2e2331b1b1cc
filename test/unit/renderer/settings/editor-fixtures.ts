import { mount, type DOMWrapper, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { Component } from 'vue';
import type { Tile } from '../../../../contract/board';
import type { Bridge, InvokeChannel, InvokeRequest, InvokeResult } from '../../../../contract/bridge';
import type { DirectoryKind, DirectoryList } from '../../../../contract/editor';
import type { Settings } from '../../../../contract/settings';
import { SettingsSchema } from '../../../../contract/settings';
import { defaultSettings } from '../../../../main/core/settings/default-boards';
import { BRIDGE_KEY } from '../../../../renderer/src/settings/bridge-key';
import { useDraftStore } from '../../../../renderer/src/settings/stores/draft';

/**
 * What the tile editor's component tests share: the default demo settings (the boards a new install
 * starts with), a board of chosen tiles, a fake Bridge that answers directory:list from a small
 * directory (names and extension numbers of queues and users; departments it cannot name), and a
 * mount with Pinia's draft store holding those settings, the way the settings window runs.
 */

export const QUEUE_KEYS = ['62001', '62002', '62003', '62004'];

export const DIRECTORY: Partial<Record<DirectoryKind, DirectoryList>> = {
  Queues: {
    named: true,
    loadedAt: '2026-11-23T08:00:00.000Z',
    entries: [
      { key: '62001', name: 'Sales', extensionNumber: '101' },
      { key: '62002', name: 'Support', extensionNumber: '102' },
      { key: '62003', name: 'Billing', extensionNumber: '103' },
      { key: '62004', name: 'Sales Europe', extensionNumber: '104' },
    ],
  },
  Users: {
    named: true,
    loadedAt: '2026-11-23T08:00:00.000Z',
    entries: [
      { key: '1001', name: 'Ana Ortiz', extensionNumber: '201' },
      { key: '1002', name: 'Ben Cole', extensionNumber: '202' },
      { key: '1003', name: 'Chi Park', extensionNumber: null },
    ],
  },
  Departments: { named: false, loadedAt: null, entries: [] },
};

export interface FakeBridge extends Bridge {
  calls: Array<{ channel: string; request: unknown }>;
  /** directory:list answers this error instead, when set. */
  failDirectory: string | null;
}

export function fakeBridge(directory = DIRECTORY): FakeBridge {
  const fake: FakeBridge = {
    calls: [],
    failDirectory: null,
    async invoke<C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): Promise<InvokeResult<C>> {
      fake.calls.push({ channel, request });
      if (channel === 'directory:list') {
        if (fake.failDirectory !== null) return { ok: false, error: fake.failDirectory };
        const { kind } = request as InvokeRequest<'directory:list'>;
        const list = directory[kind] ?? { named: true, loadedAt: null, entries: [] };
        return { ok: true, value: structuredClone(list) } as InvokeResult<C>;
      }
      return { ok: false, error: `${channel} is not part of this test` };
    },
    onSnapshot: () => () => undefined,
  };
  return fake;
}

/** A new install's settings on the demo (queues by key), in London. */
export function demoSettings(): Settings {
  return defaultSettings({
    kind: 'demo',
    demo: { timeZone: 'Europe/London', accountName: 'Northwind', queueKeys: QUEUE_KEYS, note: null },
  });
}

/** The demo settings with the first board holding just `tiles` (validated: fixtures never drift). */
export function settingsWith(tiles: Tile[]): Settings {
  const settings = demoSettings();
  settings.boards[0]!.tiles = tiles;
  return SettingsSchema.parse(settings);
}

export function tileIndexOf(settings: Settings, tileId: string, boardIndex = 0): number {
  const index = settings.boards[boardIndex]!.tiles.findIndex((tile) => tile.id === tileId);
  if (index < 0) throw new Error(`no tile ${tileId}`);
  return index;
}

export function mountWithDraft(
  component: Component,
  props: Record<string, unknown>,
  settings: Settings = demoSettings(),
  bridge: FakeBridge = fakeBridge(),
) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const draft = useDraftStore(pinia);
  draft.draft = settings;
  const wrapper = mount(component, {
    props,
    attachTo: document.body,
    global: { plugins: [pinia], provide: { [BRIDGE_KEY as symbol]: { bridge, kind: 'hub' } } },
  });
  return { wrapper, draft, bridge };
}

/** A mounted component or any element of it (`get` hands back an element without `exists`). */
type Scope = VueWrapper | Omit<DOMWrapper<Element>, 'exists'>;

/** The control a visible label names (exact text), inside `scope`. */
export function byLabel(scope: Scope, text: string): DOMWrapper<HTMLInputElement> {
  const labels = scope.findAll('label').filter((label) => label.text().trim() === text);
  if (labels.length !== 1) throw new Error(`${labels.length} labels read “${text}”`);
  const id = labels[0]!.attributes('for');
  if (!id) throw new Error(`label “${text}” names no control`);
  const control = scope.find<HTMLInputElement>(`[id="${id}"]`);
  if (!control.exists()) throw new Error(`label “${text}” names a missing control`);
  return control;
}

/** What a control's aria-describedby points at, as a screen reader reads it with the control. */
export function describedText(control: Pick<DOMWrapper<Element>, 'attributes'>): string {
  const ids = (control.attributes('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? '').join(' ');
}
