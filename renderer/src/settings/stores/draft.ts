import { defineStore } from 'pinia';
import { computed, ref, shallowRef, toRaw } from 'vue';
import type { Bridge } from '../../../../contract/bridge';
import type { CostReport } from '../../../../contract/editor';
import { overlapsOf, type Overlap } from '../../../../contract/layout';
import { SettingsSchema, type Settings } from '../../../../contract/settings';
import { problemsOf, type FieldPath, type FieldProblem } from '../field-errors';

/**
 * The settings being edited: the saved document and its revision, a draft the pages change, every
 * problem the contract finds in the draft as the user types, what the draft would cost in API
 * requests (asked of the core a moment after each change), and one step of undo for what is removed.
 * Nothing is saved until the whole draft is valid; a save based on an older revision is refused by
 * the core and the draft stays as it is.
 */

const COST_DELAY_MS = 400;

export function copyOf<T>(value: T): T {
  return structuredClone(toRaw(value));
}

export const useDraftStore = defineStore('draft', () => {
  const bridge = shallowRef<Bridge | null>(null);
  const saved = ref<Settings | null>(null);
  const revision = ref<string | null>(null);
  const draft = ref<Settings | null>(null);
  const loadError = ref<string | null>(null);
  const saveError = ref<string | null>(null);
  const saving = ref(false);
  const savedAt = ref<number | null>(null);
  const cost = ref<CostReport | null>(null);
  const undoable = ref<{ label: string; before: Settings } | null>(null);
  let costTimer: ReturnType<typeof setTimeout> | null = null;
  /** Only the answer to the latest cost question is shown (an older one may arrive later). */
  let costAsked = 0;

  const problems = computed<FieldProblem[]>(() => {
    if (!draft.value) return [];
    // The reactive draft itself, not toRaw: reading through it is what makes Vue recompute on edits.
    const parsed = SettingsSchema.safeParse(draft.value);
    if (!parsed.success) return problemsOf(parsed.error);
    // The schema lets old files with overlapping tiles load; the core refuses to save new ones.
    const pinned = draft.value.pinned;
    const at = (path: FieldPath) => (overlap: Overlap) => ({
      path: [...path, 'tiles', overlap.second, 'layout'],
      message: overlap.message,
    });
    return [
      ...draft.value.boards.flatMap((board, index) => overlapsOf(board).map(at(['boards', index]))),
      ...(pinned ? overlapsOf(pinned).map(at(['pinned'])) : []),
    ];
  });
  const dirty = computed(
    () =>
      draft.value !== null &&
      saved.value !== null &&
      JSON.stringify(draft.value) !== JSON.stringify(saved.value),
  );

  async function load(to: Bridge): Promise<void> {
    bridge.value = to;
    const result = await to.invoke('settings:current', undefined);
    if (!result.ok) {
      loadError.value = result.error;
      return;
    }
    loadError.value = null;
    saved.value = result.value.settings;
    revision.value = result.value.revision;
    draft.value = copyOf(result.value.settings);
    undoable.value = null;
    askCost();
  }

  /** Change the draft; `undoLabel` keeps what it was, for one step of undo (removing things). */
  function edit(change: (settings: Settings) => void, undoLabel?: string): void {
    if (!draft.value) return;
    // One step of undo: for this removal only; any other edit after it makes it stale.
    undoable.value = undoLabel ? { label: undoLabel, before: copyOf(draft.value) } : null;
    change(draft.value);
    saveError.value = null;
    askCost();
  }

  function undo(): void {
    if (!undoable.value) return;
    draft.value = copyOf(undoable.value.before);
    undoable.value = null;
    askCost();
  }

  function discard(): void {
    if (!saved.value) return;
    draft.value = copyOf(saved.value);
    undoable.value = null;
    saveError.value = null;
    askCost();
  }

  async function save(): Promise<boolean> {
    if (!bridge.value || !draft.value || !revision.value || problems.value.length > 0) return false;
    saving.value = true;
    try {
      const sent = copyOf(draft.value);
      const result = await bridge.value.invoke('settings:update', {
        basedOn: revision.value,
        settings: sent,
      });
      if (!result.ok) {
        saveError.value = result.error;
        return false;
      }
      saved.value = result.value.settings;
      revision.value = result.value.revision;
      // Edits typed while the save was on its way stay in the draft (and keep it unsaved).
      if (JSON.stringify(draft.value) === JSON.stringify(sent)) draft.value = copyOf(result.value.settings);
      savedAt.value = Date.now();
      askCost();
      saveError.value = null;
      return true;
    } finally {
      saving.value = false;
    }
  }

  /** Take settings changed elsewhere (an import, a sign-in that switched boards) as the new saved state. */
  function adopt(settings: Settings, newRevision: string): void {
    saved.value = settings;
    revision.value = newRevision;
    draft.value = copyOf(settings);
    undoable.value = null;
    askCost();
  }

  function askCost(): void {
    if (costTimer !== null) clearTimeout(costTimer);
    costTimer = setTimeout(() => {
      costTimer = null;
      const to = bridge.value;
      if (!to || !draft.value) return;
      const asked = ++costAsked;
      void to.invoke('settings:cost', { settings: copyOf(draft.value) }).then((result) => {
        if (result.ok && asked === costAsked) cost.value = result.value;
      });
    }, COST_DELAY_MS);
  }

  return {
    saved,
    revision,
    draft,
    loadError,
    saveError,
    saving,
    savedAt,
    cost,
    undoable,
    problems,
    dirty,
    load,
    edit,
    undo,
    discard,
    save,
    adopt,
  };
});
