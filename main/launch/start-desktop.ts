import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { checkDesktopBinary } from './desktop-binary';

/**
 * `npm start`: the desktop app (electron-vite builds it and starts Electron), or, where the Electron
 * binary is missing, a plain explanation instead of a stack trace (desktop-binary.ts). The tray and
 * window icons are generated from build/icon.svg first if they are not there yet.
 */
const check = checkDesktopBinary();
if (!check.ok) {
  console.error(check.message);
  process.exit(1);
}
if (!existsSync('build/icons/32x32.png')) {
  const icons = spawnSync(process.execPath, ['build/icons.mjs'], { stdio: 'inherit' });
  if (icons.status !== 0) console.error('[callboard] no icons (npm run icons failed): the tray shows none');
}
const child = spawn('npx', ['electron-vite', 'preview', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
