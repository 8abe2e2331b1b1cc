import type { BrowserWindow, Rectangle } from 'electron';
import { applyBoardMode, type BoardWindow } from './board-window';
import type { DisplayChoice, DisplayMemoryStore } from './display-memory';
import { entryFor, planBoards, type BoardPlacement, type DisplayInfo } from './display-plan';
import type { BoardMode } from './window-options';

/**
 * One board window per display that should show one (display-plan.ts), kept in step with the
 * memory and with the displays themselves: a TV unplugged closes its board, plugged back in it opens
 * again in the mode it had. A board closed by hand stays closed until "Show board" or the next start,
 * and where a windowed board was moved to is remembered for its display.
 */

export interface BoardScreensOptions {
  memory: DisplayMemoryStore;
  /** The connected displays, described (display-plan.ts describeDisplays over electron's screen). */
  displays: () => DisplayInfo[];
  open: (placement: BoardPlacement, remembered: Rectangle | null) => BoardWindow;
  log: (line: string) => void;
  /** Called after the set of board windows changed (power blocker, menus). */
  onChange?: () => void;
}

interface OpenBoard extends BoardWindow {
  placement: BoardPlacement;
  /** Closed by us (display gone, turned off), not by a person. */
  closingOnPurpose: boolean;
}

const REMEMBER_BOUNDS_AFTER_MS = 1_000;

export class BoardScreens {
  private readonly open = new Map<string, OpenBoard>();
  private readonly dismissed = new Set<string>();

  constructor(private readonly options: BoardScreensOptions) {}

  /** Opens, closes and switches board windows until they match the plan. */
  sync(): void {
    const plan = planBoards(this.options.displays(), this.options.memory.current()).filter(
      (placement) => !this.dismissed.has(placement.display.key),
    );
    const wanted = new Set(plan.map((placement) => placement.display.key));
    for (const [key, board] of this.open) if (!wanted.has(key)) this.close(board);
    for (const placement of plan) {
      const board = this.open.get(placement.display.key);
      if (!board) this.openOn(placement);
      else if (board.placement.mode !== placement.mode) {
        applyBoardMode(board.window, placement.mode);
        board.placement = placement;
      } else board.placement = placement;
    }
    this.options.onChange?.();
  }

  /** A choice from the displays menu: remembered at once, applied at once. */
  async choose(key: string, choice: DisplayChoice): Promise<void> {
    const display = this.options.displays().find((candidate) => candidate.key === key);
    if (choice !== 'off') this.dismissed.delete(key);
    const written = this.options.memory.update((memory) => {
      const bounds = display
        ? (entryFor(display, memory)?.bounds ?? null)
        : (memory.displays[key]?.bounds ?? null);
      return {
        ...memory,
        displays: { ...memory.displays, [key]: { label: display?.label ?? key, mode: choice, bounds } },
      };
    });
    this.sync();
    await written;
  }

  /** "Show board": every closed board back, each brought to the front; a windowed one if none would show. */
  async showBoards(): Promise<void> {
    this.dismissed.clear();
    this.sync();
    if (this.open.size === 0) {
      const primary =
        this.options.displays().find((display) => display.primary) ?? this.options.displays()[0];
      if (primary) await this.choose(primary.key, 'windowed');
    }
    this.focusFirst();
    for (const board of this.open.values()) if (!board.window.isVisible()) board.window.show();
  }

  /** Brings the first board to the front (a second launch of the app lands here). */
  focusFirst(): boolean {
    const first = this.open.values().next().value;
    if (!first || first.window.isDestroyed()) return false;
    if (first.window.isMinimized()) first.window.restore();
    first.window.show();
    first.window.focus();
    return true;
  }

  /** "Reload board": every board now, even one waiting after a crash loop. */
  reloadAll(): void {
    for (const board of this.open.values()) board.watchdog.retryNow();
  }

  windows(): BrowserWindow[] {
    return [...this.open.values()].map((board) => board.window);
  }

  windowsWithModes(): { window: BrowserWindow; mode: BoardMode }[] {
    return [...this.open.values()].map((board) => ({ window: board.window, mode: board.placement.mode }));
  }

  placements(): BoardPlacement[] {
    return [...this.open.values()].map((board) => board.placement);
  }

  private openOn(placement: BoardPlacement): void {
    const key = placement.display.key;
    const remembered = entryFor(placement.display, this.options.memory.current())?.bounds ?? null;
    const board: OpenBoard = {
      ...this.options.open(placement, remembered),
      placement,
      closingOnPurpose: false,
    };
    this.open.set(key, board);
    this.rememberBounds(board);
    board.window.once('closed', () => {
      if (this.open.get(key) !== board) return;
      this.open.delete(key);
      if (!board.closingOnPurpose) {
        this.dismissed.add(key);
        this.options.log(
          `displays: the board on "${placement.display.label}" was closed; "Show board" brings it back`,
        );
      }
      this.options.onChange?.();
    });
  }

  private close(board: OpenBoard): void {
    board.closingOnPurpose = true;
    this.open.delete(board.placement.display.key);
    if (!board.window.isDestroyed()) board.window.close();
  }

  private rememberBounds(board: OpenBoard): void {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const later = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        const { placement, window } = board;
        if (placement.fallback || placement.mode !== 'windowed' || window.isDestroyed()) return;
        if (window.isFullScreen() || window.isKiosk() || window.isMinimized()) return;
        const bounds = window.getBounds();
        const key = placement.display.key;
        void this.options.memory.update((memory) => {
          const entry = memory.displays[key];
          return entry
            ? { ...memory, displays: { ...memory.displays, [key]: { ...entry, bounds } } }
            : memory;
        });
      }, REMEMBER_BOUNDS_AFTER_MS);
    };
    board.window.on('moved', later);
    board.window.on('resized', later);
    board.window.once('closed', () => {
      if (timer) clearTimeout(timer);
    });
  }
}
