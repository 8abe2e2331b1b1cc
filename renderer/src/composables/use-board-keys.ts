import { onBeforeUnmount, onMounted } from 'vue';

/**
 * Keyboard control of a wallboard (a remote's arrow and OK keys often map to these): Space pauses or
 * resumes rotation, ← and → step between boards, F toggles fullscreen.
 */

export interface BoardKeyActions {
  togglePause(): void;
  next(): void;
  previous(): void;
  toggleFullscreen(): void;
}

/** The action for a key press, or null when the board should leave the key alone. */
export function boardKeyAction(event: KeyboardEvent): keyof BoardKeyActions | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  const target = event.target as HTMLElement | null;
  if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return null;
  switch (event.key) {
    case ' ':
    case 'Spacebar':
      return 'togglePause';
    case 'ArrowRight':
      return 'next';
    case 'ArrowLeft':
      return 'previous';
    case 'f':
    case 'F':
      return 'toggleFullscreen';
    default:
      return null;
  }
}

export function useBoardKeys(actions: BoardKeyActions): void {
  const onKey = (event: KeyboardEvent) => {
    const action = boardKeyAction(event);
    if (action === null) return;
    event.preventDefault();
    actions[action]();
  };
  onMounted(() => window.addEventListener('keydown', onKey));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
}
