import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, shell } from 'electron';
import { CallboardCore } from './core/core';
import { accountFromEnv } from './core/env-account';
import { chooseSecretStore } from './core/secrets/startup';
import { embeddedDemo } from './demo/embedded-demo';
import { attachWindow, setupIpc } from './electron/ipc';

/**
 * The Electron host: a thin shell over the Node core. Windows run with context isolation, the
 * sandbox and no Node integration; navigation away from the app and new windows are refused
 * (links open in the system browser). The board talks to the core only through the preload Bridge.
 */

const rendererIndex = join(__dirname, '../renderer/index.html');
const devServer = process.env['ELECTRON_RENDERER_URL'];

function isTrustedUrl(url: string): boolean {
  if (devServer && url.startsWith(devServer)) return true;
  return url.split(/[?#]/)[0] === pathToFileURL(rendererIndex).href;
}

function createBoardWindow(core: CallboardCore): BrowserWindow {
  const window = new BrowserWindow({
    width: 1600,
    height: 900,
    backgroundColor: '#0b0f14',
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  // A crashed or hung renderer is reloaded; it restores its last snapshot from storage (DESIGN §7).
  window.webContents.on('render-process-gone', () => window.webContents.reload());
  window.on('unresponsive', () => window.webContents.forcefullyCrashRenderer());
  attachWindow(core, window);
  if (devServer) void window.loadURL(devServer);
  else void window.loadFile(rendererIndex);
  return window;
}

async function start(): Promise<void> {
  const log = (line: string) => console.error(`[callboard] ${line}`);
  const secrets = await chooseSecretStore(process.env, log);
  if (secrets.note) log(secrets.note);
  const core = await CallboardCore.start({
    settingsPath: join(app.getPath('userData'), 'settings.json'),
    secrets: secrets.store,
    openBrowser: (url) => shell.openExternal(url),
    log,
    envAccount: accountFromEnv(process.env),
    demo: embeddedDemo(),
  });
  setupIpc(core, isTrustedUrl);
  createBoardWindow(core);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createBoardWindow(core);
  });
  app.on('before-quit', () => void core.stop());
}

app.enableSandbox();
void app.whenReady().then(start);

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
