import { join } from 'node:path';
import { app, BrowserWindow, shell } from 'electron';

/**
 * The Electron host: a thin shell over the Node core. Windows run with context isolation, the
 * sandbox and no Node integration; navigation away from the app and new windows are refused
 * (links open in the system browser).
 */

function createBoardWindow(): BrowserWindow {
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
  const devServer = process.env['ELECTRON_RENDERER_URL'];
  if (devServer) void window.loadURL(devServer);
  else void window.loadFile(join(__dirname, '../renderer/index.html'));
  return window;
}

app.enableSandbox();
void app.whenReady().then(() => {
  createBoardWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createBoardWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
