// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../../contract/settings';
import { useDraftStore } from '../../../../renderer/src/settings/stores/draft';
import { demoSettings } from './editor-fixtures';
import { failed, heldBack, ok, scriptedBridge } from './fake-bridge';

/** The draft's save rules (validation, stale revisions, undo, saves in flight), against a scripted Bridge. */

function newDraft() {
  setActivePinia(createPinia());
  return useDraftStore();
}

describe('saving the draft', () => {
  it('counts overlapping tiles as a problem at the layout, so the draft cannot be saved', async () => {
    const bridge = scriptedBridge({ 'settings:current': ok({ settings: demoSettings(), revision: 'r1' }) });
    const draft = newDraft();
    await draft.load(bridge);
    draft.edit((settings) => {
      const [first, second] = settings.boards[0]!.tiles;
      second!.layout = { ...first!.layout };
    });
    expect(draft.problems).toEqual([
      { path: ['boards', 0, 'tiles', 1, 'layout'], message: expect.stringContaining('overlaps') },
    ]);
    expect(await draft.save()).toBe(false);
    expect(bridge.calls.map((call) => call.channel)).not.toContain('settings:update');
  });

  it('saves nothing invalid, keeps the draft when the core says it is stale, and undoes a removal', async () => {
    const bridge = scriptedBridge({
      'settings:current': ok({ settings: demoSettings(), revision: 'r1' }),
      'settings:update': failed('Not saved: someone else saved the settings after you opened them.'),
    });
    const draft = newDraft();
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
    const answer = heldBack<{ ok: true; value: { settings: Settings; revision: string } }>();
    const bridge = scriptedBridge({
      'settings:current': ok({ settings: demoSettings(), revision: 'r1' }),
      'settings:update': () => answer.promise,
    });
    const draft = newDraft();
    await draft.load(bridge);
    draft.edit((settings) => (settings.boards[0]!.name = 'Sent'));
    const saving = draft.save();
    draft.edit((settings) => (settings.boards[0]!.name = 'Typed meanwhile'));
    const sent = bridge.sent('settings:update')[0] as { settings: Settings };
    answer.release(ok({ settings: sent.settings, revision: 'r2' }));
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
