import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { IPC_INVOKE } from '../../../contract/channels';
import type { ScreenCore } from '../../../main/core/core-api';
import { APP_ORIGIN, pageOrigin } from '../../../main/electron/app-pages';
import { handleInvoke, setupIpc, type IpcOptions } from '../../../main/electron/ipc';
import { WindowRoles } from '../../../main/electron/window-roles';
import {
  BrowserWindowMock,
  WebFrameMainMock,
  ipcMain,
  resetElectronMock,
  type WebContentsMock,
} from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));

/**
 * The IPC guard: only the top frame of one of our windows, still on its own page, reaches the core;
 * only the settings window may change settings; every payload is checked against the contract first.
 */

const origin = pageOrigin({});
let roles: WindowRoles;
let options: IpcOptions;
let invoke: Mock<ScreenCore['invoke']>;
const log = vi.fn();

function ourWindow(role: 'board' | 'settings'): BrowserWindowMock {
  const window = new BrowserWindowMock();
  window.webContents.mainFrame.url = `${APP_ORIGIN}/${role === 'board' ? 'index' : 'settings'}.html`;
  roles.add(window as never, role);
  return window;
}

function eventFrom(contents: WebContentsMock, frame: WebFrameMainMock | null = contents.mainFrame) {
  return { sender: contents, senderFrame: frame } as never;
}

beforeEach(() => {
  resetElectronMock();
  roles = new WindowRoles();
  invoke = vi.fn<ScreenCore['invoke']>(() => Promise.resolve({ ok: true, value: null }));
  options = { core: { invoke }, roles, origin, log };
});

describe('the IPC sender check', () => {
  it('passes a board window’s viewer call to the core under that window’s screen id', async () => {
    const board = ourWindow('board');
    const result = await handleInvoke(options, eventFrom(board.webContents), 'snapshot:get', undefined);
    expect(result).toEqual({ ok: true, value: null });
    expect(invoke).toHaveBeenCalledWith('snapshot:get', undefined, {
      screenId: `window-${board.webContents.id}`,
    });
  });

  it('refuses a webContents that is not one of our windows', async () => {
    const stranger = new BrowserWindowMock();
    stranger.webContents.mainFrame.url = `${APP_ORIGIN}/index.html`;
    const result = await handleInvoke(options, eventFrom(stranger.webContents), 'snapshot:get', undefined);
    expect(result.ok).toBe(false);
    expect(invoke).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('not a Callboard window'));
  });

  it('refuses a subframe, even one showing our own page', async () => {
    const board = ourWindow('board');
    const subframe = new WebFrameMainMock(`${APP_ORIGIN}/index.html`);
    subframe.parent = board.webContents.mainFrame;
    const result = await handleInvoke(
      options,
      eventFrom(board.webContents, subframe),
      'snapshot:get',
      undefined,
    );
    expect(result.ok).toBe(false);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('subframe'));
    expect(invoke).not.toHaveBeenCalled();
  });

  it('refuses a window that navigated away from its page (or to the other page)', async () => {
    const board = ourWindow('board');
    for (const url of [
      'https://evil.example/index.html',
      'file:///tmp/index.html',
      `${APP_ORIGIN}/settings.html`,
    ]) {
      board.webContents.mainFrame.url = url;
      const result = await handleInvoke(options, eventFrom(board.webContents), 'settings:get', undefined);
      expect(result.ok, url).toBe(false);
    }
    expect(invoke).not.toHaveBeenCalled();
  });

  it('refuses a call whose frame is already gone', async () => {
    const board = ourWindow('board');
    expect(
      (await handleInvoke(options, eventFrom(board.webContents, null), 'snapshot:get', undefined)).ok,
    ).toBe(false);
  });

  it('forgets a window once it closes', async () => {
    const board = ourWindow('board');
    board.close();
    expect((await handleInvoke(options, eventFrom(board.webContents), 'snapshot:get', undefined)).ok).toBe(
      false,
    );
  });
});

describe('the IPC channel and payload check', () => {
  it('keeps the channels that change settings or the account to the settings window', async () => {
    const board = ourWindow('board');
    const refused = await handleInvoke(
      options,
      eventFrom(board.webContents),
      'connection:signOut',
      undefined,
    );
    expect(refused).toEqual({
      ok: false,
      error: expect.stringContaining("only available in Callboard's settings window"),
    });
    const settings = ourWindow('settings');
    await handleInvoke(options, eventFrom(settings.webContents), 'connection:signOut', undefined);
    expect(invoke).toHaveBeenCalledTimes(1);
    expect(invoke).toHaveBeenCalledWith('connection:signOut', undefined, expect.anything());
  });

  it('refuses a payload the contract rejects, naming the field, before the core sees it', async () => {
    const board = ourWindow('board');
    const result = await handleInvoke(options, eventFrom(board.webContents), 'board:export', { boardId: 42 });
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/^Invalid board:export request: boardId/),
    });
    const extra = await handleInvoke(options, eventFrom(board.webContents), 'snapshot:get', { sneaky: true });
    expect(extra.ok).toBe(false);
    expect(invoke).not.toHaveBeenCalled();
  });

  it('refuses unknown and non-string channels', async () => {
    const settings = ourWindow('settings');
    for (const channel of ['shell:open', 42, '__proto__', 'constructor']) {
      const result = await handleInvoke(options, eventFrom(settings.webContents), channel, undefined);
      expect(result.ok, String(channel)).toBe(false);
    }
    expect(invoke).not.toHaveBeenCalled();
  });

  it('is installed as the one handler of the Bridge IPC name', async () => {
    const stop = setupIpc(options);
    const handler = ipcMain.handlers.get(IPC_INVOKE);
    expect(handler).toBeTypeOf('function');
    const board = ourWindow('board');
    await (handler as (...args: unknown[]) => Promise<unknown>)(
      eventFrom(board.webContents),
      'snapshot:get',
      undefined,
    );
    expect(invoke).toHaveBeenCalledTimes(1);
    stop();
    expect(ipcMain.handlers.has(IPC_INVOKE)).toBe(false);
  });
});
