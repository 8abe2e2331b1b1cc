import type { ComputedRef, InjectionKey } from 'vue';

/**
 * The data window the board's header already states ("Today since 00:00, Europe/London"). Tiles with
 * the same window keep their label for screen readers but do not repeat it on screen; tiles with a
 * different window ("Last hour") show theirs.
 */
export const BOARD_WINDOW_KEY: InjectionKey<ComputedRef<string | null>> = Symbol('board-window');
