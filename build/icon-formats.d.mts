/** Types for icon-formats.mjs (a plain script, so `npm run icons` needs no TypeScript). */
export interface SizedPng {
  size: number;
  png: Buffer;
}
export function icoFromPngs(images: readonly SizedPng[]): Buffer;
export const ICNS_TYPES: Readonly<Record<number, string>>;
export function icnsFromPngs(images: readonly SizedPng[]): Buffer;
