import { describe, expect, it } from 'vitest';
import {
  boardWindowOptions,
  settingsWindowOptions,
  windowedBounds,
} from '../../../main/electron/window-options';

/** Every window is created locked down; boards never throttle; modes and bounds per display. */

const display = {
  bounds: { x: 1920, y: 0, width: 1920, height: 1080 },
  workArea: { x: 1920, y: 0, width: 1920, height: 1040 },
};
const web = { preload: '/app/out/preload/index.cjs', developer: false };

const SECURITY_FLAGS = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  disableBlinkFeatures: 'Auxclick',
  devTools: false,
};

describe('window options', () => {
  it('gives board windows every security flag, the preload, and no background throttling', () => {
    const options = boardWindowOptions({ display, mode: 'windowed' }, web);
    expect(options.webPreferences).toMatchObject({
      ...SECURITY_FLAGS,
      preload: web.preload,
      backgroundThrottling: false,
    });
    expect(options.show).toBe(false);
  });

  it('gives the settings window the same flags, throttled like any desktop window', () => {
    const options = settingsWindowOptions({ workArea: display.workArea }, web);
    expect(options.webPreferences).toMatchObject(SECURITY_FLAGS);
    expect(options.webPreferences?.backgroundThrottling).toBeUndefined();
    expect(options.x).toBeGreaterThanOrEqual(display.workArea.x);
  });

  it('allows DevTools only in development builds', () => {
    const options = boardWindowOptions({ display, mode: 'windowed' }, { ...web, developer: true });
    expect(options.webPreferences?.devTools).toBe(true);
  });

  it('opens fullscreen and kiosk boards over the whole display they belong to', () => {
    const kiosk = boardWindowOptions({ display, mode: 'kiosk' }, web);
    expect(kiosk).toMatchObject({ kiosk: true, fullscreen: false, x: 1920, y: 0, width: 1920, height: 1080 });
    const fullscreen = boardWindowOptions({ display, mode: 'fullscreen' }, web);
    expect(fullscreen).toMatchObject({ kiosk: false, fullscreen: true, x: 1920 });
  });

  it('puts a windowed board where it was, if that still lies on the display, else centred', () => {
    const remembered = { x: 2000, y: 100, width: 1200, height: 700 };
    expect(windowedBounds({ display, mode: 'windowed', remembered })).toEqual(remembered);
    const offscreen = { x: 0, y: 100, width: 1200, height: 700 };
    expect(windowedBounds({ display, mode: 'windowed', remembered: offscreen })).toEqual({
      x: 1920 + 192,
      y: 104,
      width: 1536,
      height: 832,
    });
  });
});
