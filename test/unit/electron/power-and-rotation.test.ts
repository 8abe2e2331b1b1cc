import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DisplaySleepGuard } from '../../../main/electron/power';
import { RotationControl } from '../../../main/electron/rotation';
import { IPC_ROTATION_PAUSED } from '../../../contract/channels';
import { BrowserWindowMock, powerSaveBlocker, resetElectronMock } from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));

/** The display stays awake exactly while a board shows; "Pause rotation" reaches every board. */

beforeEach(() => resetElectronMock());

describe('DisplaySleepGuard', () => {
  it('blocks display sleep while a board is visible, and releases it when none is', async () => {
    const boards: BrowserWindowMock[] = [];
    const guard = new DisplaySleepGuard(() => boards as never);
    const board = new BrowserWindowMock();
    boards.push(board);
    guard.watch(board as never);
    expect(guard.active).toBe(false);
    board.show();
    expect(powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep');
    expect(guard.active).toBe(true);
    board.minimize();
    expect(powerSaveBlocker.stop).toHaveBeenCalledWith(7);
    board.restore();
    expect(guard.active).toBe(true);
    board.close();
    boards.pop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(guard.active).toBe(false);
    expect(powerSaveBlocker.start).toHaveBeenCalledTimes(2);
  });
});

describe('RotationControl', () => {
  it('tells every board when rotation is paused, and each board again after it reloads', () => {
    const boards = [new BrowserWindowMock(), new BrowserWindowMock()];
    const rotation = new RotationControl(() => boards as never);
    for (const board of boards) rotation.attach(board as never);
    rotation.setRotationPaused(true);
    for (const board of boards)
      expect(board.webContents.send).toHaveBeenCalledWith(IPC_ROTATION_PAUSED, true);
    expect(rotation.isPaused).toBe(true);
    boards[0]!.webContents.send.mockClear();
    boards[0]!.webContents.emit('did-finish-load');
    expect(boards[0]!.webContents.send).toHaveBeenCalledWith(IPC_ROTATION_PAUSED, true);
    rotation.setRotationPaused(false);
    expect(boards[1]!.webContents.send).toHaveBeenLastCalledWith(IPC_ROTATION_PAUSED, false);
  });
});
