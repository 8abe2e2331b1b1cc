import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * A stand-in for the `electron` module, in the style of electron/fiddle's tests/mocks: plain classes
 * over EventEmitter with vi.fn() methods, enough of each API for the shell's modules. Tests use
 * `vi.mock('electron', () => import('./electron-mock'))` and call resetElectronMock() before each.
 */

type Listener = (...args: never[]) => unknown;

let nextContentsId = 1;

export class WebFrameMainMock {
  parent: WebFrameMainMock | null = null;
  constructor(public url = '') {}
}

export class WebContentsMock extends EventEmitter {
  readonly id = nextContentsId++;
  mainFrame = new WebFrameMainMock();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  send = vi.fn();
  reload = vi.fn();
  forcefullyCrashRenderer = vi.fn();
  getURL = vi.fn(() => this.mainFrame.url);
  setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler;
  });
  /** Emits an event the way Electron does, with an event object that records preventDefault. */
  fire(name: string, ...args: unknown[]): { defaultPrevented: boolean } {
    const event = {
      defaultPrevented: false,
      isMainFrame: true,
      preventDefault: () => (event.defaultPrevented = true),
    };
    this.emit(name, event, ...args);
    return event;
  }
}

export class BrowserWindowMock extends EventEmitter {
  static instances: BrowserWindowMock[] = [];
  readonly webContents = new WebContentsMock();
  destroyed = false;
  visible = false;
  minimized = false;
  kiosk: boolean;
  fullScreen: boolean;
  bounds: { x: number; y: number; width: number; height: number };

  constructor(public readonly options: Record<string, unknown> = {}) {
    super();
    this.kiosk = options['kiosk'] === true;
    this.fullScreen = options['fullscreen'] === true;
    this.bounds = {
      x: Number(options['x'] ?? 0),
      y: Number(options['y'] ?? 0),
      width: Number(options['width'] ?? 800),
      height: Number(options['height'] ?? 600),
    };
    BrowserWindowMock.instances.push(this);
  }

  loadURL = vi.fn((url: string) => {
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  });
  show = vi.fn(() => {
    this.visible = true;
    this.minimized = false;
    this.emit('show');
  });
  hide = vi.fn(() => {
    this.visible = false;
    this.emit('hide');
  });
  minimize = vi.fn(() => {
    this.minimized = true;
    this.emit('minimize');
  });
  restore = vi.fn(() => {
    this.minimized = false;
    this.emit('restore');
  });
  focus = vi.fn();
  close = vi.fn(() => {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('closed');
  });
  setKiosk = vi.fn((on: boolean) => (this.kiosk = on));
  setFullScreen = vi.fn((on: boolean) => (this.fullScreen = on));
  isKiosk = () => this.kiosk;
  isFullScreen = () => this.fullScreen;
  isVisible = () => this.visible;
  isMinimized = () => this.minimized;
  isDestroyed = () => this.destroyed;
  getBounds = () => ({ ...this.bounds });
  removeMenu = vi.fn();
  setMenu = vi.fn();
}

class AppMock extends EventEmitter {
  isPackaged = false;
  getPath = vi.fn(() => '/tmp/callboard-user-data');
  getAppPath = vi.fn(() => '/opt/callboard-app');
  requestSingleInstanceLock = vi.fn(() => true);
  getLoginItemSettings = vi.fn(() => ({ openAtLogin: false }));
  setLoginItemSettings = vi.fn();
  enableSandbox = vi.fn();
  whenReady = vi.fn(() => new Promise<void>(() => {}));
  quit = vi.fn();
  exit = vi.fn();
}

class SessionMock extends EventEmitter {
  permissionRequest: Listener | null = null;
  permissionCheck: Listener | null = null;
  devicePermission: Listener | null = null;
  beforeRequest: Listener | null = null;
  headersReceived: Listener | null = null;
  setPermissionRequestHandler = vi.fn((handler: Listener) => (this.permissionRequest = handler));
  setPermissionCheckHandler = vi.fn((handler: Listener) => (this.permissionCheck = handler));
  setDevicePermissionHandler = vi.fn((handler: Listener) => (this.devicePermission = handler));
  webRequest = {
    onBeforeRequest: vi.fn((_filter: unknown, handler: Listener) => (this.beforeRequest = handler)),
    onHeadersReceived: vi.fn((handler: Listener) => (this.headersReceived = handler)),
  };
}

class TrayMock extends EventEmitter {
  static instances: TrayMock[] = [];
  static failNext = false;
  menu: unknown = null;
  constructor(public readonly image: unknown) {
    super();
    if (TrayMock.failNext) {
      TrayMock.failNext = false;
      throw new Error('no status notifier on this desktop');
    }
    TrayMock.instances.push(this);
  }
  setToolTip = vi.fn();
  setContextMenu = vi.fn((menu: unknown) => (this.menu = menu));
  destroy = vi.fn();
}

class ScreenMock extends EventEmitter {
  displays: unknown[] = [];
  getAllDisplays = vi.fn(() => this.displays);
  getPrimaryDisplay = vi.fn(() => this.displays[0]);
}

export const app = new AppMock();
export const BrowserWindow = BrowserWindowMock;
export const Tray = TrayMock;
export const screen = new ScreenMock();
export const ipcMain = {
  handlers: new Map<string, Listener>(),
  handle: vi.fn((channel: string, handler: Listener) => ipcMain.handlers.set(channel, handler)),
  removeHandler: vi.fn((channel: string) => ipcMain.handlers.delete(channel)),
};
export const ipcRenderer = Object.assign(new EventEmitter(), {
  invoke: vi.fn(() => Promise.resolve('answer')),
});
export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, api: unknown) => contextBridge.exposed.set(key, api)),
};
export const shell = { openExternal: vi.fn(() => Promise.resolve()) };
export const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
export const session = { defaultSession: new SessionMock() };
export const powerSaveBlocker = { start: vi.fn(() => 7), stop: vi.fn() };
export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn(),
};
export const nativeImage = {
  createFromPath: vi.fn(() => ({ isEmpty: () => false })),
  createEmpty: vi.fn(() => ({ isEmpty: () => true })),
};

export function resetElectronMock(): void {
  vi.clearAllMocks();
  BrowserWindowMock.instances = [];
  TrayMock.instances = [];
  TrayMock.failNext = false;
  app.removeAllListeners();
  screen.removeAllListeners();
  screen.displays = [];
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  contextBridge.exposed.clear();
  session.defaultSession = new SessionMock();
  app.isPackaged = false;
}

export default {
  app,
  BrowserWindow,
  Tray,
  screen,
  ipcMain,
  ipcRenderer,
  contextBridge,
  shell,
  protocol,
  session,
};
