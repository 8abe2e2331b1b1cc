/**
 * Burn-in protection: the whole board moves a few pixels every few minutes, around a small square,
 * so static edges (headers, tile borders) never sit on the same pixels for hours. A step is too small
 * and too rare to notice, and it is a jump, not an animation.
 */

export const SHIFT_STEP_MS = 3 * 60_000;
const OFFSETS: readonly (readonly [number, number])[] = [
  [0, 0],
  [2, 0],
  [4, 0],
  [4, 2],
  [4, 4],
  [2, 4],
  [0, 4],
  [0, 2],
];
/** Largest offset in px; the board leaves this much room so nothing is cut off. */
export const SHIFT_MAX_PX = 4;

export function pixelShift(now: number, enabled: boolean): { x: number; y: number } {
  if (!enabled) return { x: 0, y: 0 };
  const step = Math.floor(now / SHIFT_STEP_MS) % OFFSETS.length;
  const [x, y] = OFFSETS[step] ?? [0, 0];
  return { x, y };
}
