/** Types for icons.mjs (a plain script, so `npm run icons` needs no TypeScript). */
export function renderPng(svg: string, size: number): Buffer;
/** Writes every icon beside `folder`/icon.svg; returns the paths written, relative to `folder`. */
export function generateIcons(folder?: string): Promise<string[]>;
