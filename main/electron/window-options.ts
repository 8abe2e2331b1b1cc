import type { BrowserWindowConstructorOptions, Rectangle, WebPreferences } from 'electron';

/**
 * The options every Callboard window is created with. The security flags are spelled out even where
 * they are Electron's defaults, so a future default change or a copy-paste cannot weaken them, and
 * tests can assert them: context isolation, the sandbox, no Node anywhere, web security on, no
 * <webview>, no insecure content, middle-click (auxclick) off, DevTools only in development builds.
 */

export type BoardMode = 'windowed' | 'fullscreen' | 'kiosk';

export const BACKGROUND = '#0b0f14';

export function secureWebPreferences(preload: string, developer: boolean): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    disableBlinkFeatures: 'Auxclick',
    devTools: developer,
    spellcheck: false,
  };
}

export interface BoardWindowPlace {
  /** The whole display and the part of it not taken by task bars. */
  display: { bounds: Rectangle; workArea: Rectangle };
  mode: BoardMode;
  /** Where the window was last, windowed, on this display (ignored unless it still fits). */
  remembered?: Rectangle | null;
}

export function boardWindowOptions(
  place: BoardWindowPlace,
  web: { preload: string; developer: boolean; icon?: string },
): BrowserWindowConstructorOptions {
  return {
    ...windowedBounds(place),
    title: 'Callboard',
    backgroundColor: BACKGROUND,
    show: false,
    autoHideMenuBar: true,
    fullscreen: place.mode === 'fullscreen',
    kiosk: place.mode === 'kiosk',
    ...(web.icon ? { icon: web.icon } : {}),
    webPreferences: {
      ...secureWebPreferences(web.preload, web.developer),
      // A TV's board is never "in the background": timers and charts must keep running unfocused.
      backgroundThrottling: false,
    },
  };
}

export function settingsWindowOptions(
  display: { workArea: Rectangle },
  web: { preload: string; developer: boolean; icon?: string },
): BrowserWindowConstructorOptions {
  const width = Math.min(1440, display.workArea.width);
  const height = Math.min(1000, display.workArea.height);
  return {
    ...centred(display.workArea, width, height),
    title: 'Callboard settings',
    backgroundColor: BACKGROUND,
    show: false,
    minWidth: Math.min(900, width),
    minHeight: Math.min(600, height),
    ...(web.icon ? { icon: web.icon } : {}),
    webPreferences: secureWebPreferences(web.preload, web.developer),
  };
}

/** The remembered bounds when they still lie on the display, else 80 % of its work area, centred. */
export function windowedBounds(place: BoardWindowPlace): Rectangle {
  const area = place.display.workArea;
  const last = place.remembered;
  if (place.mode !== 'windowed') return { ...place.display.bounds };
  if (last && inside(last, area)) return { ...last };
  return centred(area, Math.round(area.width * 0.8), Math.round(area.height * 0.8));
}

function centred(area: Rectangle, width: number, height: number): Rectangle {
  return {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
  };
}

function inside(rect: Rectangle, area: Rectangle): boolean {
  return (
    rect.width >= 200 &&
    rect.height >= 150 &&
    rect.x >= area.x &&
    rect.y >= area.y &&
    rect.x + rect.width <= area.x + area.width &&
    rect.y + rect.height <= area.y + area.height
  );
}
