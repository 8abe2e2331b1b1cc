import { beforeEach, describe, expect, it, vi } from 'vitest';
import { claimSingleInstance } from '../../../main/electron/single-instance';
import type * as ElectronMock from './electron-mock';
import { app, resetElectronMock } from './electron-mock';

vi.mock('electron', () => import('./electron-mock'));

/** A second launch quits and brings the first forward; main/index.ts starts nothing in it. */

beforeEach(() => resetElectronMock());

describe('the single-instance lock', () => {
  it('lets the first instance run, and focuses it when a second one is launched', () => {
    const focus = vi.fn();
    expect(claimSingleInstance(focus)).toBe(true);
    expect(focus).not.toHaveBeenCalled();
    app.emit('second-instance', {}, ['callboard'], '/home/tv');
    expect(focus).toHaveBeenCalledOnce();
  });

  it('tells a second instance to step aside', () => {
    app.requestSingleInstanceLock.mockReturnValueOnce(false);
    const focus = vi.fn();
    expect(claimSingleInstance(focus)).toBe(false);
    app.emit('second-instance', {}, [], '/');
    expect(focus).not.toHaveBeenCalled();
  });

  /** main/index.ts as Electron runs it: loaded afresh, with the mock that fresh load sees. */
  async function launch(locked: boolean) {
    vi.resetModules();
    // `electron` resolves to the mock module the fresh load imports (mocks outlive resetModules).
    const electron = (await import('electron')) as unknown as typeof ElectronMock;
    electron.resetElectronMock();
    electron.app.requestSingleInstanceLock.mockReturnValueOnce(locked);
    await import('../../../main/index');
    return electron;
  }

  it('main/index.ts quits a second instance before it starts anything', async () => {
    const electron = await launch(false);
    expect(electron.app.quit).toHaveBeenCalledOnce();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
  });

  it('main/index.ts starts the first instance once Electron is ready, sandboxed, with the app scheme', async () => {
    const electron = await launch(true);
    expect(electron.app.enableSandbox).toHaveBeenCalledOnce();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce();
    expect(electron.app.whenReady).toHaveBeenCalledOnce();
    expect(electron.app.quit).not.toHaveBeenCalled();
  });
});
