import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBridge } from '../../../../renderer/src/bridge/create-bridge';
import { createPreloadBridge } from '../../../../renderer/src/bridge/preload-bridge';
import { snapshot } from '../fixtures';

function fakePreload(answer: unknown) {
  let push: ((data: unknown) => void) | null = null;
  const api: CallboardPreloadApi = {
    invoke: vi.fn(async () => answer),
    onSnapshot: (listener) => {
      push = listener;
      return () => (push = null);
    },
  };
  return { api, push: (data: unknown) => push?.(data) };
}

describe('preload bridge', () => {
  afterEach(() => vi.restoreAllMocks());

  it('validates pushed snapshots and drops bad ones with a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { api, push } = fakePreload(null);
    const received: number[] = [];
    const off = createPreloadBridge(api).onSnapshot((s) => received.push(s.sequence));
    push(snapshot({ sequence: 3 }));
    push({ sequence: 4 });
    expect(received).toEqual([3]);
    expect(warn).toHaveBeenCalledTimes(1);
    off();
    push(snapshot({ sequence: 5 }));
    expect(received).toEqual([3]);
  });

  it('forwards invokes and checks the answer against the channel’s schema', async () => {
    const { api } = fakePreload({ ok: true, value: snapshot({ sequence: 8 }) });
    const result = await createPreloadBridge(api).invoke('snapshot:get', undefined);
    expect(api.invoke).toHaveBeenCalledWith('snapshot:get', undefined);
    expect(result.ok && result.value?.sequence).toBe(8);
    const failing = fakePreload({ ok: false, error: 'Sign in first' }).api;
    expect(await createPreloadBridge(failing).invoke('snapshot:get', undefined)).toEqual({
      ok: false,
      error: 'Sign in first',
    });
    const rejecting: CallboardPreloadApi = {
      ...failing,
      invoke: () => Promise.reject(new Error('ipc gone')),
    };
    const broken = await createPreloadBridge(rejecting).invoke('snapshot:get', undefined);
    expect(broken.ok).toBe(false);
  });

  it('passes the tray’s rotation pause on, only as a boolean, and copes with a preload without it', () => {
    let push: ((paused: unknown) => void) | null = null;
    const api: CallboardPreloadApi = {
      ...fakePreload(null).api,
      onRotationPaused: (listener) => {
        push = listener;
        return () => (push = null);
      },
    };
    const seen: boolean[] = [];
    const off = createPreloadBridge(api).onRotationPaused!((paused) => seen.push(paused));
    push!(true);
    push!('yes');
    push!(false);
    expect(seen).toEqual([true, false]);
    off();
    expect(push).toBeNull();
    const older = createPreloadBridge(fakePreload(null).api).onRotationPaused!(() => seen.push(true));
    older();
    expect(seen).toEqual([true, false]);
  });

  it('is chosen when the preload exposed window.callboard, the hub otherwise', () => {
    expect(createBridge({ callboard: fakePreload(null).api }).kind).toBe('preload');
    const hub = createBridge({ callboard: undefined });
    expect(hub.kind).toBe('hub');
    expect(hub.link).not.toBeNull();
  });
});
