import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InvokeChannel } from '../../../contract/bridge';
import type { BoardSnapshot } from '../../../contract/snapshot';
import type { ScreenCore } from '../../../main/core/core-api';
import { HubServer, type HubServerOptions } from '../../../main/hub/hub-server';

/** A stand-in core, a built-renderer folder and a hub in front of them, for the hub's unit tests. */

export class FakeCore implements ScreenCore {
  listeners = new Set<(snapshot: BoardSnapshot) => void>();
  screens = new Map<string, boolean>();
  invoked: Array<{ channel: string; request: unknown }> = [];
  current: BoardSnapshot | null = null;
  snapshot() {
    return this.current;
  }
  onSnapshot(listener: (snapshot: BoardSnapshot) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  async invoke(channel: InvokeChannel, request: unknown) {
    this.invoked.push({ channel, request });
    return { ok: true as const, value: 'done' as never };
  }
  screenVisible(screenId: string, visible: boolean) {
    this.screens.set(screenId, visible);
  }
  push(snapshot: BoardSnapshot) {
    this.current = snapshot;
    for (const listener of this.listeners) listener(snapshot);
  }
}

export const fakeSnapshot = {
  sequence: 7,
  generatedAt: '2026-11-24T09:00:00.000Z',
} as unknown as BoardSnapshot;

/** A built board in a fresh folder, and a file beside it (outside) that must never be served. */
export async function rendererDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hub-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>board</title>');
  await writeFile(join(dir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(tmpdir(), 'outside.txt'), 'secret outside');
  return dir;
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export const ADMIN_KEY = 'admin-key-123';

export async function startHub(
  core: ScreenCore,
  dir: string,
  accessKey: string | null,
  more: Partial<HubServerOptions> = {},
): Promise<{ server: HubServer; base: string }> {
  const server = new HubServer({
    core,
    rendererDir: dir,
    access: { accessKey, adminKey: ADMIN_KEY },
    ...more,
  });
  const address = await server.listen(0, '127.0.0.1');
  return { server, base: `http://127.0.0.1:${address.port}` };
}

/** What every state-changing request must say it sends. */
export const JSON_TYPE = { 'Content-Type': 'application/json' } as const;

export { rawRequest, type RawResponse } from '../../support/raw-request';
