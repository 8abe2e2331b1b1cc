import { Buffer } from 'node:buffer';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { icnsFromPngs, icoFromPngs } from './icon-formats.mjs';

/**
 * `npm run icons`: every icon the desktop app and its installers use, generated from build/icon.svg
 * (never drawn by hand): build/icons/NxN.png (the Linux icon set, the tray and window icons),
 * build/icon.png (1024 px), build/icon.ico (Windows) and build/icon.icns (macOS). Rendered by resvg,
 * so the same SVG gives the same pixels on every machine. The outputs are not committed (build/.gitignore).
 */

const here = dirname(fileURLToPath(import.meta.url));
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const ICNS_SIZES = [16, 32, 64, 128, 256, 512, 1024];

export function renderPng(svg, size) {
  return Buffer.from(
    new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng(),
  );
}

export async function generateIcons(folder = here) {
  const svg = await readFile(join(folder, 'icon.svg'), 'utf8');
  const pngs = new Map(SIZES.map((size) => [size, renderPng(svg, size)]));
  const pick = (sizes) => sizes.map((size) => ({ size, png: pngs.get(size) }));
  await mkdir(join(folder, 'icons'), { recursive: true });
  for (const [size, png] of pngs) await writeFile(join(folder, 'icons', `${size}x${size}.png`), png);
  await writeFile(join(folder, 'icon.png'), pngs.get(1024));
  await writeFile(join(folder, 'icon.ico'), icoFromPngs(pick(ICO_SIZES)));
  await writeFile(join(folder, 'icon.icns'), icnsFromPngs(pick(ICNS_SIZES)));
  return [...SIZES.map((size) => `icons/${size}x${size}.png`), 'icon.png', 'icon.ico', 'icon.icns'];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const written = await generateIcons();
  console.log(`Icons generated from build/icon.svg: ${written.join(', ')}`);
}
