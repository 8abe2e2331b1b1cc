import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';
import { DateTime } from 'luxon';
import type { Settings } from '../../contract/settings';
import type { BoardSnapshot, TileSnapshot } from '../../contract/snapshot';
import { DEMO_APP } from '../../emulator/emulator';
import { E2E } from './e2e-env';

/**
 * What the end-to-end tests do besides driving the page: the hub's Bridge over HTTP (with the admin
 * key, as the settings window would), and the demo emulator's own API and control plane for the truth
 * and for faults. Nothing here shortcuts the product: the board still learns everything via the hub.
 */

async function invoke<T>(channel: string, request?: unknown): Promise<T> {
  const response = await fetch(`${E2E.hubUrl}/api/invoke/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-callboard-admin-key': E2E.adminKey },
    body: request === undefined ? '' : JSON.stringify(request),
  });
  const result = (await response.json()) as { ok: true; value: T } | { ok: false; error: string };
  if (!result.ok) throw new Error(`${channel} refused: ${result.error}`);
  return result.value;
}

export const hub = {
  settings: () => invoke<Settings>('settings:get'),
  save: (settings: Settings) => invoke<Settings>('settings:save', settings),
  async snapshot(): Promise<BoardSnapshot> {
    const response = await fetch(`${E2E.hubUrl}/api/snapshot`);
    if (response.status !== 200) throw new Error(`no snapshot yet (HTTP ${response.status})`);
    return (await response.json()) as BoardSnapshot;
  },
  /** Change the settings through the admin Bridge and return the result. */
  async edit(change: (settings: Settings) => void): Promise<Settings> {
    const settings = await hub.settings();
    change(settings);
    return hub.save(settings);
  },
};

/**
 * The settings every test starts from: the demo defaults, refreshed every 15 s, late after one miss,
 * and each board's day reset set to the next full hour. Contact centres with night shifts reset their
 * day like this; here it means "today" always holds 23–24 hours of calls, whatever hour CI runs at
 * (just after midnight a 00:00 day has no calls yet, and every rate is rightly unknown).
 */
export async function resetSettings(original: Settings): Promise<Settings> {
  const settings: Settings = structuredClone(original);
  settings.polling = { ...settings.polling, defaultRefreshSeconds: 15, staleAfterMisses: 1 };
  for (const board of settings.boards) board.dayReset = nextFullHour(board.timeZone);
  return hub.save(settings);
}

function nextFullHour(zone: string): string {
  return DateTime.now().setZone(zone).plus({ hours: 1 }).toFormat('HH:00');
}

/** When "today" began for a board with this day reset: the last time the clock passed it. */
export function startOfBoardDay(zone: string, dayReset: string): DateTime {
  const [hour, minute] = dayReset.split(':').map(Number);
  const now = DateTime.now().setZone(zone);
  const start = now.set({ hour, minute, second: 0, millisecond: 0 });
  return start > now ? start.minus({ days: 1 }) : start;
}

export function tileOf(snapshot: BoardSnapshot, boardId: string, tileId: string): TileSnapshot {
  const tile = snapshot.boards.find((b) => b.id === boardId)?.tiles.find((t) => t.id === tileId);
  if (!tile) throw new Error(`no tile ${boardId}/${tileId} in the snapshot`);
  return tile;
}

async function control(path: string, method: string, body?: unknown): Promise<void> {
  const response = await fetch(`${E2E.emulatorUrl}/__emulator${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`emulator ${method} ${path}: HTTP ${response.status} ${await response.text()}`);
}

export const emulator = {
  /** Analytics requests the emulator has received so far (from the hub: nobody else asks it). */
  async analyticsRequests(): Promise<number> {
    const response = await fetch(`${E2E.emulatorUrl}/__emulator/stats`);
    const stats = (await response.json()) as { requests: { byPath: Record<string, number> } };
    return Object.entries(stats.requests.byPath)
      .filter(([path]) => path.includes('/analytics/'))
      .reduce((sum, [, count]) => sum + count, 0);
  },
  /** Every API request is dropped, as if the platform had gone away (the control plane stays up). */
  goAway: () => control('/faults', 'POST', { rules: [{ match: {}, fault: { type: 'drop' } }] }),
  comeBack: () => control('/faults', 'DELETE'),
  /** Hold the data clock still (no new calls) or let it run again. */
  clockSpeed: (speed: number) => control('/clock', 'POST', { speed }),

  /** Ask the emulator directly, as any RingCentral client would: a token, then one aggregate query. */
  async aggregate(body: unknown): Promise<Array<{ key: string; counters: Record<string, unknown> }>> {
    const basic = Buffer.from(`${DEMO_APP.clientId}:${DEMO_APP.clientSecret}`).toString('base64');
    const token = await fetch(`${E2E.emulatorUrl}/restapi/oauth/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        assertion: DEMO_APP.jwt,
      }),
    });
    const { access_token: accessToken } = (await token.json()) as { access_token: string };
    const response = await fetch(
      `${E2E.emulatorUrl}/analytics/calls/v1/accounts/~/aggregation/fetch?page=1&perPage=200`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      },
    );
    if (!response.ok) throw new Error(`aggregate: HTTP ${response.status} ${await response.text()}`);
    const json = (await response.json()) as {
      data: { records: Array<{ key: string; counters: Record<string, unknown> }> };
    };
    return json.data.records;
  },
};

/** Console errors and page errors seen by a page, for the "no console errors" assertions. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

/** The data tiles' numbers as the board shows them (data-value), by tile id. */
export async function shownValues(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const values: Record<string, string> = {};
    for (const element of document.querySelectorAll<HTMLElement>(
      '[data-tile-id] [data-testid="tile-value"]',
    )) {
      const tile = element.closest<HTMLElement>('[data-tile-id]');
      if (tile?.dataset['tileId']) values[tile.dataset['tileId']] = element.dataset['value'] ?? '';
    }
    return values;
  });
}

const requireModule = createRequire(import.meta.url);

/**
 * axe-core's WCAG 2.1 A/AA findings on the page as it is now, one line each ("rule: help at
 * targets"). axe is injected through the DevTools protocol, which the pages' Content-Security-Policy
 * (script-src 'self') rightly does not allow as a script tag.
 */
export async function axeViolations(page: Page): Promise<Array<{ id: string; line: string }>> {
  await page.evaluate(await readFile(requireModule.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<unknown> } }
    ).axe;
    const result = (await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] },
    })) as { violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }> };
    return result.violations.map((violation) => ({
      id: violation.id,
      line: `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`,
    }));
  });
}

/** The hub's settings pages, signed in with the admin key, the saved settings loaded. */
export async function openSettings(page: Page, query = ''): Promise<void> {
  await page.goto(`/settings${query}`);
  await page.fill('#value', E2E.adminKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('[data-testid="save-state"]')).toHaveText(/All changes saved/);
}

export async function saveSettings(page: Page): Promise<void> {
  await page.locator('[data-testid="save"]').click();
  await expect(page.locator('[data-testid="save-state"]')).toHaveText(/Saved/);
}
