import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Agent, request } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BoardSnapshot } from '../../contract/snapshot';
import type { Settings } from '../../contract/settings';
import { DEMO_APP, startEmulator, type Emulator } from '../../emulator/emulator';
import { defaultSettings } from '../../main/core/settings/default-boards';
import { largestInGroup, residentBytes } from './process-memory';
import { waitFor } from './wait-for';

/**
 * A real hub (`npm run serve` on a LAN, an emulator account behind it) to put under load, and the
 * clients that load it: screens that claim to be visible, event streams that never read, a screen
 * that reads, and settings saved over and over so snapshots change. For test/integration/hub-load
 * and bench/hub-slow-readers; the hub's memory is read from outside, through /proc.
 */

export const LOAD_ACCESS_KEY = 'load-viewer-key-3f8Q-w2Zk';
export const LOAD_ADMIN_KEY = 'load-admin-key-9Lp4-Xc7v';
const CLI = 'main/hub/cli.ts';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const JSON_TYPE = { 'Content-Type': 'application/json' };

export interface LoadHub {
  readonly base: string;
  readonly port: number;
  /** The node process that runs the hub (behind npx and tsx). */
  readonly pid: number;
  readonly emulator: Emulator;
  /** Everything the hub has printed so far. */
  output(): string;
  /** The hub's resident size now, bytes. */
  rss(): Promise<number>;
  /** Analytics requests the emulator has answered for this hub so far. */
  analyticsSent(): number;
  stop(): Promise<void>;
}

/** Account settings as a new install has them, tiles refreshed every `refreshSeconds`, `copies` more of each board. */
export function loadSettings(options: { refreshSeconds: number; copies?: number }): Settings {
  const settings = defaultSettings({ kind: 'account', timeZone: 'UTC' });
  const copies = Array.from({ length: options.copies ?? 0 }, (_, i) =>
    settings.boards.map((board) => ({
      ...board,
      id: `${board.id}-${i + 2}`,
      name: `${board.name} ${i + 2}`,
    })),
  ).flat();
  return {
    ...settings,
    boards: [...settings.boards, ...copies],
    polling: { ...settings.polling, defaultRefreshSeconds: options.refreshSeconds },
  };
}

/**
 * Starts an emulator and a LAN hub on it with `settings` (`args`: more command-line options), the way
 * test/support/cli-process.ts starts a command-line program: `npx tsx main/hub/cli.ts` in `root`
 * (default this checkout) in its own process group, which is also where its node process is found.
 */
export async function startLoadHub(
  name: string,
  settings: Settings,
  options: { args?: string[]; root?: string } = {},
): Promise<LoadHub> {
  const emulator = await startEmulator({ port: 0, seed: 11, log: () => {} });
  const dir = await mkdtemp(join(tmpdir(), `callboard-hub-load-${name}-`));
  const settingsPath = join(dir, 'settings.json');
  await writeFile(settingsPath, JSON.stringify({ version: 1, ...settings }, null, 2));
  const args = [
    '--host',
    '0.0.0.0',
    '--port',
    '0',
    '--settings',
    settingsPath,
    '--renderer',
    join(dir, 'none'),
  ];
  const child = spawn('npx', ['tsx', CLI, ...args, ...(options.args ?? [])], {
    cwd: options.root ?? ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: {
      ...process.env,
      CALLBOARD_RC_SERVER: emulator.url,
      CALLBOARD_RC_CLIENT_ID: DEMO_APP.clientId,
      CALLBOARD_RC_CLIENT_SECRET: DEMO_APP.clientSecret,
      CALLBOARD_RC_JWT: DEMO_APP.jwt,
      CALLBOARD_ACCESS_KEY: LOAD_ACCESS_KEY,
      CALLBOARD_ADMIN_KEY: LOAD_ADMIN_KEY,
      CALLBOARD_SECRETS: 'memory',
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      const exited = once(child, 'exit');
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
    await emulator.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(
      () => {
        if (child.exitCode !== null) throw new Error(`the hub exited early:\n${output}`);
        return output.includes('Stop with Ctrl+C');
      },
      { timeoutMs: 60_000, intervalMs: 100, explain: () => output },
    );
    const port = Number(new URL(/Board:\s+(\S+)/.exec(output)?.[1] ?? '').port);
    // npx → tsx → node, all in the group the detached npx leads: the hub is the largest of them.
    const { pid } = await largestInGroup(child.pid!, CLI);
    return {
      base: `http://127.0.0.1:${port}`,
      port,
      pid,
      emulator,
      output: () => output,
      rss: () => residentBytes(pid),
      analyticsSent: () =>
        Object.entries(emulator.stats.snapshot().requests.byPath)
          .filter(([path]) => path.includes('/analytics/'))
          .reduce((sum, [, count]) => sum + count, 0),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A Bridge invoke with the admin key. */
export async function adminInvoke<T>(
  hub: LoadHub,
  channel: string,
  body?: unknown,
): Promise<{ ok: boolean; value: T; error?: string }> {
  const response = await fetch(`${hub.base}/api/invoke/${channel}?key=${LOAD_ACCESS_KEY}`, {
    method: 'POST',
    headers: { ...JSON_TYPE, 'X-Callboard-Admin-Key': LOAD_ADMIN_KEY },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await response.json()) as { ok: boolean; value: T; error?: string };
}

/**
 * POSTs JSON over at most `sockets` kept-alive connections (node:http: more than twice as many a
 * second as fetch, which matters for tens of thousands of requests). `close()` ends the connections.
 */
export function jsonPoster(hub: LoadHub, sockets: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  const post = (path: string, body: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const outgoing = request(
        {
          host: '127.0.0.1',
          port: hub.port,
          path,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
          response.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  return { post, close: () => agent.destroy() };
}

/** Runs `task()` `count` times with at most `inFlight` at once. */
export async function pooled(count: number, inFlight: number, task: () => Promise<void>): Promise<void> {
  let started = 0;
  const worker = async () => {
    while (started < count) {
      started++;
      await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, count) }, worker));
}

/**
 * Saves the settings again and again, the first board renamed `Queues #n` each time, so the core
 * publishes a new snapshot after every save. `stop()` ends it and resolves with the last name saved.
 */
export function churnSettings(hub: LoadHub, settings: Settings) {
  let saves = 0;
  let lastName = '';
  let running = true;
  // Kept, not thrown: a refused save ends the churn and is reported by stop().
  const loop = (async () => {
    while (running) {
      const name = `Queues #${saves + 1}`;
      const boards = settings.boards.map((board, i) => (i === 0 ? { ...board, name } : board));
      const answer = await adminInvoke(hub, 'settings:save', { ...settings, boards });
      if (!answer.ok) throw new Error(`a save was refused: ${answer.error}`);
      saves++;
      lastName = name;
    }
  })().then(
    () => null,
    (error: unknown) => error,
  );
  return {
    get saves() {
      return saves;
    },
    /** Ends the churn; the last name saved, or throws why saving stopped early. */
    stop: async () => {
      running = false;
      const error = await loop;
      if (error) throw error instanceof Error ? error : new Error(String(error));
      return lastName;
    },
  };
}

/**
 * An event stream held the way a screen that stopped reading holds one: a raw socket that sends
 * the request, reads the first chunk (the status line, to know whether it was let in) and pauses.
 * Node then stops reading once its small buffer is full: the rest waits in the kernel, then the hub.
 */
export async function silentStream(hub: LoadHub): Promise<{ socket: Socket; status: string }> {
  const socket = connect(hub.port, '127.0.0.1');
  await once(socket, 'connect');
  socket.write(
    `GET /api/events?key=${LOAD_ACCESS_KEY} HTTP/1.1\r\nHost: 127.0.0.1:${hub.port}\r\nAccept: text/event-stream\r\n\r\n`,
  );
  const [first] = (await once(socket, 'data')) as [Buffer];
  socket.pause();
  return { socket, status: first.toString('latin1').split('\r\n')[0] ?? '' };
}

/** A screen that reads its stream: every snapshot event parsed, the newest kept. */
export function readingStream(hub: LoadHub) {
  const controller = new AbortController();
  const state: { latest: BoardSnapshot | null; snapshots: number; error: unknown } = {
    latest: null,
    snapshots: 0,
    error: null,
  };
  const done = (async () => {
    const response = await fetch(`${hub.base}/api/events?key=${LOAD_ACCESS_KEY}`, {
      signal: controller.signal,
    });
    if (response.status !== 200) throw new Error(`the reading stream got ${response.status}`);
    const decoder = new TextDecoder();
    let buffered = '';
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      buffered += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffered.indexOf('\n\n')) !== -1) {
        const event = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const data = /^data: (.*)$/m.exec(event)?.[1];
        if (/^event: snapshot$/m.test(event) && data) {
          state.latest = JSON.parse(data) as BoardSnapshot;
          state.snapshots++;
        }
      }
    }
  })().catch((error: unknown) => {
    if (!controller.signal.aborted) state.error = error;
  });
  return {
    state,
    /** Resolves with the newest snapshot once it shows a board named `name`. */
    showing: (name: string, timeoutMs = 10_000) =>
      waitFor(() => (state.latest?.boards.some((board) => board.name === name) ? state.latest : null), {
        timeoutMs,
        intervalMs: 100,
        explain: () =>
          `wanted a board named "${name}"; newest: ${state.latest?.boards.map((b) => b.name).join(', ') ?? 'none'}; ${String(state.error ?? '')}`,
      }),
    close: async () => {
      controller.abort();
      await done;
    },
  };
}

/** How long GET /api/health takes, every `everyMs` until `stop()`; the worst so far in `worstMs`. */
export function watchHealth(hub: LoadHub, everyMs = 200) {
  let worstMs = 0;
  let failure: string | null = null;
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = Date.now();
      try {
        // With the key, though health needs none: so a hub from before that measures the same.
        const answer = await fetch(`${hub.base}/api/health?key=${LOAD_ACCESS_KEY}`, {
          signal: AbortSignal.timeout(10_000),
        });
        await answer.arrayBuffer();
        if (answer.status !== 200) failure ??= `health answered ${answer.status}`;
      } catch (error) {
        failure ??= `health failed: ${String(error)}`;
      }
      worstMs = Math.max(worstMs, Date.now() - started);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { worstMs, failure };
    },
  };
}

/** The hub's resident size every `everyMs` until `stop()`: every reading, and the highest. */
export function watchMemory(hub: LoadHub, everyMs = 500) {
  const readings: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const rss = await hub.rss().catch(() => null);
      if (rss !== null) readings.push(rss);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    /** Readings so far. */
    readings,
    stop: async () => {
      running = false;
      await loop;
      return { readings, peak: Math.max(0, ...readings) };
    },
  };
}
