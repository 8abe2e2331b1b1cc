// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { InvokeChannel, InvokeRequest, InvokeResult } from '../../../../contract/bridge';
import ScreensPage from '../../../../renderer/src/settings/pages/ScreensPage.vue';
import { demoSettings, fakeBridge, mountWithDraft, type FakeBridge } from './editor-fixtures';

/** The draft's save rules (validation, stale revisions, undo), against a scripted Bridge. */

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

const ok = (value: unknown) => ({ ok: true, value });

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

describe('the draft around a save', () => {
  it('keeps what was typed while the save was on its way, and an undo only right after its removal', async () => {
    let finish: (value: unknown) => void = () => {};
    const bridge = scripted({
      'settings:current': () => ok({ settings: demoSettings(), revision: 'r1' }),
      'settings:update': (request) =>
        new Promise((resolve) => {
          const sent = (request as { settings: unknown }).settings;
          finish = () => resolve(ok({ settings: sent, revision: 'r2' }));
        }),
    });
    const { draft } = mountWithDraft(
      ScreensPage,
      {},
      demoSettings(),
      scripted({ 'screens:list': () => ok([]) }),
    );
    await draft.load(bridge);
    draft.edit((settings) => (settings.boards[0]!.name = 'Sent'));
    const saving = draft.save();
    draft.edit((settings) => (settings.boards[0]!.name = 'Typed meanwhile'));
    finish(undefined);
    expect(await saving).toBe(true);
    expect(draft.revision).toBe('r2');
    expect(draft.saved!.boards[0]!.name).toBe('Sent');
    expect(draft.draft!.boards[0]!.name).toBe('Typed meanwhile');
    expect(draft.dirty).toBe(true);

    draft.edit((settings) => settings.boards.splice(1, 1), 'deleting a board');
    expect(draft.undoable?.label).toBe('deleting a board');
    draft.edit((settings) => (settings.boards[0]!.name = 'Later edit'));
    expect(draft.undoable).toBeNull();
  });
});
