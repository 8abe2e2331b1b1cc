import { onBeforeUnmount, onMounted, ref, shallowRef, watch, type Ref } from 'vue';
import type { PreviewReport } from '../../../../contract/preview';
import type { BoardView } from '../../../../contract/snapshot';
import { useBridge } from '../bridge-key';
import { copyOf, useDraftStore } from '../stores/draft';

/**
 * Keeps the live preview of one draft board: asks the core a moment after each edit and every few
 * seconds while the page is visible (the core keeps the draft's own queries only while asked), and
 * keeps the last board it could draw when the draft has a problem, saying which.
 */

const EDIT_DELAY_MS = 500;
export const PREVIEW_EVERY_MS = 4_000;

export interface BoardPreviewState {
  /** The latest good preview, or null before the first. */
  report: Ref<Extract<PreviewReport, { valid: true }> | null>;
  board: Ref<BoardView | null>;
  /** Why the current draft cannot be previewed (the last good board stays), or null. */
  problem: Ref<string | null>;
}

export function useBoardPreview(boardId: Ref<string>): BoardPreviewState {
  const { bridge } = useBridge();
  const draft = useDraftStore();
  const report = shallowRef<Extract<PreviewReport, { valid: true }> | null>(null);
  const board = shallowRef<BoardView | null>(null);
  const problem = ref<string | null>(null);
  let asked = 0;
  let editTimer: ReturnType<typeof setTimeout> | null = null;
  let ticker: ReturnType<typeof setInterval> | null = null;

  async function ask(): Promise<void> {
    if (!draft.draft || document.visibilityState === 'hidden') return;
    const question = ++asked;
    const result = await bridge.invoke('settings:preview', {
      settings: copyOf(draft.draft),
      boardId: boardId.value,
    });
    if (question !== asked) return;
    if (!result.ok) {
      problem.value = result.error;
    } else if (!result.value.valid) {
      problem.value = result.value.problem;
    } else {
      problem.value = null;
      report.value = result.value;
      board.value = result.value.board;
    }
  }

  function askSoon(): void {
    if (editTimer !== null) clearTimeout(editTimer);
    editTimer = setTimeout(() => {
      editTimer = null;
      void ask();
    }, EDIT_DELAY_MS);
  }

  watch(() => draft.draft, askSoon, { deep: true });
  watch(boardId, () => {
    board.value = null;
    report.value = null;
    void ask();
  });
  const onVisibility = () => {
    if (document.visibilityState === 'visible') void ask();
  };
  onMounted(() => {
    void ask();
    ticker = setInterval(() => void ask(), PREVIEW_EVERY_MS);
    document.addEventListener('visibilitychange', onVisibility);
  });
  onBeforeUnmount(() => {
    if (editTimer !== null) clearTimeout(editTimer);
    if (ticker !== null) clearInterval(ticker);
    document.removeEventListener('visibilitychange', onVisibility);
    asked++;
  });
  return { report, board, problem };
}
