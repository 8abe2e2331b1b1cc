import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_INVOKE, IPC_SNAPSHOT } from '../../../contract/channels';
import { IPC_ROTATION_PAUSED } from '../../../contract/channels';
import type * as ElectronMockModule from './electron-mock';

type ElectronMock = typeof ElectronMockModule;

vi.mock('electron', () => import('./electron-mock'));

/** The preload hands the page one frozen object of plain functions and nothing of Electron itself. */

type Bridge = {
  invoke(channel: unknown, request: unknown): Promise<unknown>;
  onSnapshot(listener: (snapshot: unknown) => void): () => void;
  onRotationPaused(listener: (paused: boolean) => void): () => void;
};

let bridge: Bridge;
let contextBridge: ElectronMock['contextBridge'];
let ipcRenderer: ElectronMock['ipcRenderer'];

// The preload runs once per page: each test loads it afresh, with the mock the fresh module sees.
beforeEach(async () => {
  vi.resetModules();
  // `electron` resolves to the mock module the fresh load imports (mocks outlive resetModules).
  const electron = (await import('electron')) as unknown as ElectronMock;
  electron.resetElectronMock();
  ({ contextBridge, ipcRenderer } = electron);
  await import('../../../preload/index');
  bridge = contextBridge.exposed.get('callboard') as Bridge;
});

describe('the preload', () => {
  it('exposes only `callboard`, frozen, with three functions', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['callboard']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onRotationPaused', 'onSnapshot']);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.values(bridge).every((value) => typeof value === 'function')).toBe(true);
  });

  it('forwards contract channels over the one Bridge IPC name, and refuses others without IPC', async () => {
    await bridge.invoke('snapshot:get', undefined);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(IPC_INVOKE, 'snapshot:get', undefined);
    expect(await bridge.invoke('shell:openExternal', 'https://x')).toEqual({
      ok: false,
      error: 'Unknown channel "shell:openExternal"',
    });
    expect(ipcRenderer.invoke).toHaveBeenCalledOnce();
  });

  it('delivers pushed data without the IPC event, and stops on unsubscribe', () => {
    const snapshots = vi.fn();
    const stop = bridge.onSnapshot(snapshots);
    ipcRenderer.emit(IPC_SNAPSHOT, { sender: 'secret ipc event' }, { sequence: 1 });
    expect(snapshots).toHaveBeenCalledWith({ sequence: 1 });
    expect(snapshots.mock.calls[0]).toHaveLength(1);
    stop();
    ipcRenderer.emit(IPC_SNAPSHOT, {}, { sequence: 2 });
    expect(snapshots).toHaveBeenCalledOnce();
  });

  it('passes on only a boolean for paused rotation', () => {
    const paused = vi.fn();
    bridge.onRotationPaused(paused);
    ipcRenderer.emit(IPC_ROTATION_PAUSED, {}, 'yes');
    ipcRenderer.emit(IPC_ROTATION_PAUSED, {}, true);
    expect(paused.mock.calls).toEqual([[true]]);
  });
});
