import type { Display } from 'electron';

/** Electron Display objects for tests: a laptop panel, a TV beside it, twins. */
export function display(id: number, label: string, x: number, width = 1920, height = 1080): Display {
  return {
    id,
    label,
    internal: false,
    bounds: { x, y: 0, width, height },
    workArea: { x, y: 0, width, height: height - 40 },
    size: { width, height },
  } as Display;
}
