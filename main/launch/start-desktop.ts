import { spawn } from 'node:child_process';
import { checkDesktopBinary } from './desktop-binary';

/**
 * `npm start`: the desktop app (electron-vite builds it and starts Electron), or, where the Electron
 * binary is missing, a plain explanation instead of a stack trace (desktop-binary.ts).
 */
const check = checkDesktopBinary();
if (!check.ok) {
  console.error(check.message);
  process.exit(1);
}
const child = spawn('npx', ['electron-vite', 'preview', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
