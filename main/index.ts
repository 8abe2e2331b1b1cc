import { app } from 'electron';
import { registerAppScheme } from './electron/app-protocol';
import { DesktopApp } from './electron/desktop-app';
import { claimSingleInstance } from './electron/single-instance';

/**
 * The Electron host: a thin shell over the Node core (main/core). One instance per user session;
 * the app scheme is registered before Electron is ready (it must be); every renderer is sandboxed;
 * then DesktopApp starts its modules in order (main/electron/desktop-app.ts).
 */

const desktop = new DesktopApp();

registerAppScheme();
app.enableSandbox();

if (!claimSingleInstance(() => desktop.focus())) {
  app.quit();
} else {
  void app
    .whenReady()
    .then(() => desktop.start())
    .catch((error: unknown) => {
      console.error('[callboard] the desktop app could not start:', error);
      app.exit(1);
    });
}
