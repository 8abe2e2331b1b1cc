import { resolve } from 'node:path';
import { checkDesktopBinary, realProbe } from './desktop-binary';
import { runSteps, type Step } from './run-steps';

/**
 * `npm run dist`: the desktop app's installers (electron-builder.yml: AppImage and deb, nsis, dmg)
 * in dist/. It builds out/ with electron-vite, generates the icons from build/icon.svg, then runs
 * electron-builder, passing on any arguments (e.g. `npm run dist -- --linux`). Without the Electron
 * binary it stops at once and says what packaging needs instead of failing half-way through.
 */

export function distSteps(extraArgs: readonly string[]): Step[] {
  return [
    {
      title: 'building main, preload and renderer (electron-vite build)',
      command: 'npx',
      args: ['electron-vite', 'build'],
    },
    {
      title: 'generating the icons from build/icon.svg',
      command: process.execPath,
      args: ['build/icons.mjs'],
    },
    {
      title: 'packaging with electron-builder',
      command: 'npx',
      args: ['electron-builder', '--config', 'electron-builder.yml', ...extraArgs],
    },
  ];
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const check = checkDesktopBinary(realProbe, 'dist');
  if (!check.ok) {
    console.error(check.message);
    process.exit(1);
  }
  process.exit(runSteps(distSteps(process.argv.slice(2))));
}
