// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHubBridge, type PageVisibility } from '../../../../renderer/src/bridge/hub-bridge';
import type { LinkEvent } from '../../../../renderer/src/bridge/liveness';
import type { BoardSnapshot } from '../../../../contract/snapshot';
import { snapshot } from '../fixtures';
import { fakeFetch, FakeEventSource, json } from './fake-hub';

function setup(
  answer: Parameters<typeof fakeFetch>[0] = () => json(200, { ok: true, value: null }),
  visibility: PageVisibility | null = null,
) {
  const sources: FakeEventSource[] = [];
  const http = fakeFetch(answer);
  const bridge = createHubBridge({
    fetch: http.fetch,
    visibility,
    pageId: 'page-0123456789',
    createEventSource: (url) => {
      const source = new FakeEventSource(url);
      sources.push(source);
      return source;
    },
    reopenMs: 5_000,
  });
  return { bridge, sources, calls: http.calls };
}

describe('hub bridge', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('opens the event stream on the first listener and delivers valid snapshots', () => {
    const { bridge, sources } = setup();
    const received: BoardSnapshot[] = [];
    bridge.onSnapshot((s) => received.push(s));
    expect(sources).toHaveLength(1);
    expect(sources[0]!.url).toBe('/api/events?screen=page-0123456789');
    sources[0]!.emit('snapshot', JSON.stringify(snapshot({ sequence: 7 })));
    expect(received.map((s) => s.sequence)).toEqual([7]);
  });

  it('tells the hub when the page is hidden and shown again, naming its own stream', async () => {
    let hidden = true;
    let changed = () => {};
    const page: PageVisibility = {
      hidden: () => hidden,
      onChange: (listener) => {
        changed = listener;
        return () => (changed = () => {});
      },
    };
    const { bridge, sources, calls } = setup(undefined, page);
    bridge.onSnapshot(() => undefined);
    sources[0]!.emit('open', '');
    hidden = false;
    changed();
    await vi.runAllTimersAsync();
    const reports = calls.filter((call) => decodeURIComponent(call.url).endsWith('screen:visibility'));
    expect(reports.map((call) => JSON.parse(String(call.init?.body)))).toEqual([
      { screenId: 'page-0123456789', visible: false },
      { screenId: 'page-0123456789', visible: true },
    ]);
    bridge.close();
    changed();
    expect(calls.filter((call) => decodeURIComponent(call.url).endsWith('screen:visibility'))).toHaveLength(
      2,
    );
  });

  it('drops invalid or non-JSON events with a warning, never an error', () => {
    const error = vi.spyOn(console, 'error');
    const { bridge, sources } = setup();
    const received: BoardSnapshot[] = [];
    bridge.onSnapshot((s) => received.push(s));
    sources[0]!.emit('snapshot', JSON.stringify({ ...snapshot(), sequence: -1 }));
    sources[0]!.emit('snapshot', 'not json');
    expect(received).toHaveLength(0);
    expect(console.warn).toHaveBeenCalledTimes(2);
    expect(error).not.toHaveBeenCalled();
  });

  it('reports link events, and reopens a stream that closed for good', () => {
    const { bridge, sources } = setup();
    const events: LinkEvent[] = [];
    bridge.onLink((e) => events.push(e));
    bridge.onSnapshot(() => undefined);
    sources[0]!.emit('open');
    sources[0]!.emit('snapshot', JSON.stringify(snapshot()));
    sources[0]!.fail(false);
    expect(events).toEqual(['open', 'message', 'error']);
    expect(sources).toHaveLength(1); // EventSource retries by itself while CONNECTING
    sources[0]!.fail(true);
    vi.advanceTimersByTime(4_999);
    expect(sources).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sources).toHaveLength(2);
  });

  it('closes the stream when the last listener leaves', () => {
    const { bridge, sources } = setup();
    const off = bridge.onSnapshot(() => undefined);
    off();
    expect(sources[0]!.closed).toBe(true);
  });

  it('invokes a channel with a same-origin POST and validates the answer', async () => {
    const { bridge, calls } = setup(() => json(200, { ok: true, value: snapshot({ sequence: 9 }) }));
    const result = await bridge.invoke('snapshot:get', undefined);
    expect(result.ok && result.value?.sequence).toBe(9);
    expect(calls[0]!.url).toBe('/api/invoke/snapshot%3Aget');
    expect(calls[0]!.init?.method).toBe('POST');
    expect(calls[0]!.init?.credentials).toBe('same-origin');
  });

  it('turns hub refusals, malformed answers and network failures into errors in words', async () => {
    const denied = setup(() => json(403, { ok: false, error: 'needs the admin key' })).bridge;
    expect(await denied.invoke('connection:signOut', undefined)).toEqual({
      ok: false,
      error: 'needs the admin key',
    });
    const unauthorised = setup(() => json(401, { error: 'needs its access key' })).bridge;
    expect(await unauthorised.invoke('snapshot:get', undefined)).toEqual({
      ok: false,
      error: 'needs its access key',
    });
    const malformed = setup(() => json(200, { ok: true, value: { sequence: 'x' } })).bridge;
    expect((await malformed.invoke('snapshot:get', undefined)).ok).toBe(false);
    const down = setup(() => Promise.reject(new TypeError('Failed to fetch'))).bridge;
    expect(await down.invoke('snapshot:get', undefined)).toEqual({
      ok: false,
      error: 'Cannot reach the Callboard hub.',
    });
  });

  it('probes the hub with GET /api/snapshot and delivers what it gets', async () => {
    const { bridge, calls } = setup(() => json(200, snapshot({ sequence: 11 })));
    const received: number[] = [];
    bridge.onSnapshot((s) => received.push(s.sequence));
    expect(await bridge.probe()).toBe(true);
    expect(calls[0]!.url).toBe('/api/snapshot');
    expect(received).toEqual([11]);
    const none = setup(() => new Response(null, { status: 204 })).bridge;
    expect(await none.probe()).toBe(true);
    const down = setup(() => Promise.reject(new TypeError('Failed to fetch'))).bridge;
    expect(await down.probe()).toBe(false);
  });
});
