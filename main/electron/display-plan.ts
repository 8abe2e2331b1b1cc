import type { Display, Rectangle } from 'electron';
import type { DisplayChoice, DisplayEntry, DisplayMemory } from './display-memory';
import type { BoardMode } from './window-options';

/**
 * Which displays show a board, and how, from what is connected and what is remembered. Displays are
 * known by a key that survives unplugging and replugging (their name and resolution; Electron's
 * numeric id can change when a display comes back), with a position suffix for identical twins.
 * A display never seen before shows nothing, except when no remembered board is connected: then one
 * windowed board opens there, so the app never runs without a board unless every display was turned off.
 */

export interface DisplayInfo {
  key: string;
  label: string;
  primary: boolean;
  bounds: Rectangle;
  workArea: Rectangle;
}

export interface BoardPlacement {
  display: DisplayInfo;
  mode: BoardMode;
  /** Shown on the primary display only because no remembered display is connected; not remembered. */
  fallback: boolean;
}

export function describeDisplays(displays: readonly Display[], primaryId: number): DisplayInfo[] {
  const ordered = [...displays].sort((a, b) => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y);
  const seen = new Map<string, number>();
  return ordered.map((display) => {
    const label = display.label.trim() || (display.internal ? 'Built-in display' : `Display ${display.id}`);
    const base = `${label} ${display.size.width}x${display.size.height}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return {
      key: count === 1 ? base : `${base} #${count}`,
      label,
      primary: display.id === primaryId,
      bounds: display.bounds,
      workArea: display.workArea,
    };
  });
}

/**
 * What is remembered for a display: under its key; else, when its resolution changed (a TV switched
 * from 4K to 1080p), the one entry remembered under the same name, so the TV keeps its board.
 */
export function entryFor(display: DisplayInfo, memory: DisplayMemory): DisplayEntry | null {
  const exact = memory.displays[display.key];
  if (exact) return exact;
  const sameName = Object.values(memory.displays).filter((entry) => entry.label === display.label);
  return sameName.length === 1 ? sameName[0]! : null;
}

export function choiceFor(display: DisplayInfo, memory: DisplayMemory): DisplayChoice | null {
  return entryFor(display, memory)?.mode ?? null;
}

export function planBoards(displays: readonly DisplayInfo[], memory: DisplayMemory): BoardPlacement[] {
  const placements: BoardPlacement[] = [];
  for (const display of displays) {
    const choice = choiceFor(display, memory);
    if (choice !== null && choice !== 'off') placements.push({ display, mode: choice, fallback: false });
  }
  if (placements.length > 0) return placements;
  // No remembered board is connected: one windowed board on a display nobody has decided about yet
  // (the primary first). Displays switched off on purpose stay off; the tray still offers the board.
  const undecided = primaryFirst(displays).find((display) => choiceFor(display, memory) === null);
  return undecided ? [{ display: undecided, mode: 'windowed', fallback: true }] : [];
}

function primaryFirst(displays: readonly DisplayInfo[]): DisplayInfo[] {
  return [...displays].sort((a, b) => Number(b.primary) - Number(a.primary));
}

/**
 * Where the settings window opens: the display someone chose for it; else the first display (primary
 * first) that does not show a fullscreen or kiosk board, so it never covers a TV's board unasked;
 * else the primary display (every display is a TV: opening settings is asking for it there).
 */
export function chooseSettingsDisplay(
  displays: readonly DisplayInfo[],
  memory: DisplayMemory,
  placements: readonly BoardPlacement[],
): DisplayInfo | null {
  const chosen = displays.find((display) => display.key === memory.settingsDisplay);
  if (chosen) return chosen;
  const covered = new Set(
    placements.filter((placement) => placement.mode !== 'windowed').map((placement) => placement.display.key),
  );
  const candidates = primaryFirst(displays);
  return candidates.find((display) => !covered.has(display.key)) ?? candidates[0] ?? null;
}
