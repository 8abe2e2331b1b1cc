import { writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { BoardSchema } from '../../contract/board';
import type { Settings } from '../../contract/settings';
import { hub, resetSettings } from './support';

/**
 * Nothing on the boards is cut off at any supported screen size: every piece of text inside
 * a tile or the header fits its box, and no clipping ancestor (a tile, a table cell, an ellipsis)
 * hides any of it. ECharts draws on a canvas the DOM cannot see into; its labels rely on ECharts' own
 * containment (outerBoundsContain), while the legends and values next to the charts are HTML and are
 * checked here like everything else. Screenshots of each size and board go to test-results/e2e/.
 * Besides the two default boards, a third board (added for this spec, removed after it) carries the
 * tile types and options the defaults do not use: gauges, a notice, a clock with seconds, a number
 * with further measures, a donut with a slice per queue and a timeline with a line per queue.
 */

const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
  { width: 1080, height: 1920 },
] as const;
const EXTRA_ID = 'layout-every-other-tile';
/** The default boards, and one more with the tile types and options they do not use. */
const BOARDS = ['queues', 'team', EXTRA_ID] as const;

interface Problem {
  where: string;
  text: string;
  what: string;
}

interface LayoutReport {
  /** Visible text nodes checked. */
  texts: number;
  /** Smallest font size of any visible text, in px. */
  minFontPx: number;
  problems: Problem[];
}

test.beforeAll(async () => {
  // Idempotent: a worker restarted after a failure finds the extra board there already.
  const settings = withoutExtraBoard(await resetSettings(await hub.settings()));
  settings.boards.push(extraBoard(settings));
  await hub.save(settings);
});

test.afterAll(async () => {
  await hub.save(withoutExtraBoard(await hub.settings()));
});

for (const viewport of VIEWPORTS) {
  const size = `${viewport.width}x${viewport.height}`;
  test(`no text is cut off on any board at ${size}`, async ({ page }, testInfo) => {
    await page.setViewportSize(viewport);
    await page.goto('/');
    await expect(page.locator('[data-status]').first()).toHaveAttribute('data-status', 'live', {
      timeout: 30_000,
    });
    // Rotation paused (its badge in the header is measured too); the arrow keys step between boards.
    await page.keyboard.press('Space');
    await expect(page.locator('[data-testid="paused"]')).toBeVisible();
    const reports: Record<string, LayoutReport> = {};
    for (const boardId of BOARDS) {
      await showBoard(page, boardId);
      const path = testInfo.outputPath(`layout-${size}-${boardId}.png`);
      await page.screenshot({ path });
      await testInfo.attach(`${boardId} ${size}`, { path, contentType: 'image/png' });
      const report = await page.evaluate(auditLayout);
      reports[boardId] = report;
      console.log(
        `${size} ${boardId}: ${report.texts} texts, smallest ${report.minFontPx}px, ${report.problems.length} cut off`,
      );
      expect(report.texts, `${boardId} has text to check`).toBeGreaterThan(20);
      // Soft: one run lists every board's problems at this size, not only the first board's.
      expect.soft(report.minFontPx, `${boardId}: nothing under 14px`).toBeGreaterThanOrEqual(14);
      expect.soft(report.problems, `${boardId} at ${size}`).toEqual([]);
    }
    const json = testInfo.outputPath(`layout-${size}.json`);
    await writeFile(json, JSON.stringify(reports, null, 2));
    await testInfo.attach(`layout ${size}`, { path: json, contentType: 'application/json' });
  });
}

function withoutExtraBoard(settings: Settings): Settings {
  return { ...settings, boards: settings.boards.filter((board) => board.id !== EXTRA_ID) };
}

/** Tile types and options the default boards leave out, on the queue board's queues and day. */
function extraBoard(settings: Settings): Settings['boards'][number] {
  const queues = settings.boards.find((board) => board.id === 'queues');
  const offered = queues?.tiles.find((tile) => tile.id === 'offered');
  if (!queues || !offered || !('query' in offered)) throw new Error('the default queue board has changed');
  const query = offered.query;
  const at = (x: number, y: number, w = 1, h = 1) => ({ x, y, w, h });
  const board = {
    id: EXTRA_ID,
    // A long name, so the header wraps as it does with a long demo zone ("Santo Domingo time").
    name: 'Every other tile type, with a board name as long as a supervisor might give one',
    timeZone: queues.timeZone,
    dayReset: queues.dayReset,
    rotationSeconds: 30,
    grid: { columns: 6, rows: 4 },
    tiles: [
      {
        id: 'sl-gauge',
        type: 'gauge',
        title: 'Service level',
        layout: at(0, 0),
        query,
        min: 0,
        max: 100,
        measures: [
          { id: 'sl', kpi: 'serviceLevel', thresholds: { direction: 'below', warn: 80, critical: 70 } },
        ],
      },
      {
        id: 'abandon-gauge',
        type: 'gauge',
        title: 'Abandon rate',
        layout: at(1, 0, 2, 2),
        query,
        min: 0,
        max: 20,
        measures: [
          { id: 'abandon', kpi: 'abandonRate', thresholds: { direction: 'above', warn: 5, critical: 10 } },
        ],
      },
      {
        id: 'calls',
        type: 'bigNumber',
        title: 'Calls today',
        layout: at(3, 0),
        query,
        compareYesterday: true,
        measures: [
          { id: 'offered', kpi: 'offered' },
          { id: 'answered', kpi: 'answered' },
          { id: 'abandoned', kpi: 'abandoned' },
        ],
      },
      {
        id: 'by-queue',
        type: 'donut',
        title: 'Offered by queue',
        layout: at(4, 0, 2, 2),
        query,
        measures: [{ id: 'offered', kpi: 'offered' }],
      },
      { id: 'clock-seconds', type: 'clock', title: 'Time', layout: at(0, 1), showSeconds: true },
      {
        id: 'notice',
        type: 'text',
        title: 'Notice',
        layout: at(3, 1),
        text: 'Team meeting at 15:00 in room 2',
      },
      {
        id: 'sl-by-queue',
        type: 'timeline',
        title: 'Service level by queue',
        layout: at(3, 2, 3, 2),
        query,
        interval: 'Hour',
        measures: [{ id: 'sl', kpi: 'serviceLevel' }],
      },
      {
        id: 'asa',
        type: 'bigNumber',
        title: 'Avg time to answer',
        layout: at(0, 2, 1, 2),
        query,
        measures: [
          {
            id: 'asa',
            kpi: 'avgTimeToAnswer',
            thresholds: { direction: 'above', warn: 30, critical: 60 },
            target: 20,
          },
        ],
      },
    ],
  };
  return BoardSchema.parse(board);
}

/** Step to the board (rotation is paused) and wait until every data tile has had its first answer. */
async function showBoard(page: Page, boardId: string): Promise<void> {
  const board = page.locator(`main [data-board-id]`);
  await expect(board).toHaveAttribute('data-board-id', /.+/, { timeout: 30_000 });
  for (let step = 0; step < BOARDS.length && (await board.getAttribute('data-board-id')) !== boardId; step++)
    await page.keyboard.press('ArrowRight');
  await expect(board).toHaveAttribute('data-board-id', boardId);
  await expect(board.locator('[data-testid="tile-asof"]').first()).toBeVisible();
  await expect
    .poll(() => board.locator('[data-testid="tile-asof"]').allTextContents(), { timeout: 60_000 })
    .not.toContainEqual(expect.stringContaining('no data yet'));
  // Charts lay out on the next frame after their data; fonts and container queries settle with them.
  await page.waitForTimeout(1_000);
}

/**
 * Runs in the page. Every visible text node inside a tile or the header: its font is at least 14px;
 * it is no wider than its own box (the nearest ancestor that is not inline); no ancestor that clips (overflow other than visible, which is also what an ellipsis needs) holds
 * more than it shows (scrollWidth/scrollHeight over clientWidth/clientHeight); and the text's own
 * boxes lie inside every clipping ancestor's padding box, up to the page. Screen-reader-only text is
 * skipped (it is clipped on purpose), and so is the ticker's crawl across its tile, sideways only.
 */
function auditLayout(): LayoutReport {
  const SLACK = 1;
  const problems: Problem[] = [];
  const reported = new Set<string>();
  let texts = 0;
  let minFontPx = Number.POSITIVE_INFINITY;

  const describe = (element: Element): string => {
    const owner = element.closest<HTMLElement>('[data-tile-id]');
    const header = element.closest('[data-testid="board-header"]');
    const scope = owner ? `tile ${owner.dataset['tileId'] ?? '?'}` : header ? 'header' : 'page';
    const classes = [...element.classList].join('.');
    return `${scope} ${element.tagName.toLowerCase()}${classes ? `.${classes}` : ''}`;
  };
  const report = (element: Element, text: string, what: string): void => {
    const key = `${describe(element)} ${what}`;
    if (reported.has(key)) return;
    reported.add(key);
    problems.push({ where: describe(element), text: text.slice(0, 60), what });
  };
  const screenReaderOnly = (element: Element): boolean => {
    for (let at: Element | null = element; at; at = at.parentElement) {
      if (at.classList.contains('sr-only')) return true;
      const style = getComputedStyle(at);
      if (style.display === 'none' || style.visibility === 'hidden') return true;
    }
    return false;
  };

  const checkText = (node: Text): void => {
    const text = node.data.trim();
    const parent = node.parentElement;
    if (text === '' || parent === null || screenReaderOnly(parent)) return;
    texts += 1;
    minFontPx = Math.min(minFontPx, parseFloat(getComputedStyle(parent).fontSize));
    const range = document.createRange();
    range.selectNodeContents(node);
    const boxes = [...range.getClientRects()].filter((box) => box.width > 0 && box.height > 0);
    // The ticker's text crawls sideways through its own box by design: only its height must fit.
    const ticker = parent.closest('[data-testid="ticker"]');
    // Text wider than its own box spills over its neighbours (a table cell's, say) even where nothing
    // clips it. Sideways only: a glyph box may rise a little above a tight line height, harmlessly.
    let block: HTMLElement | null = parent;
    while (block && getComputedStyle(block).display === 'inline') block = block.parentElement;
    if (block && ticker === null) {
      const own = block.getBoundingClientRect();
      if (boxes.some((box) => box.left < own.left - SLACK || box.right > own.right + SLACK))
        report(parent, text, `spills out of ${describe(block)}`);
    }
    for (let at: HTMLElement | null = parent; at; at = at.parentElement) {
      const style = getComputedStyle(at);
      const clipsX = style.overflowX !== 'visible';
      const clipsY = style.overflowY !== 'visible';
      if (!clipsX && !clipsY) continue;
      const outer = at.getBoundingClientRect();
      const left = outer.left + at.clientLeft;
      const top = outer.top + at.clientTop;
      const crawls = ticker !== null && ticker.contains(at);
      if (clipsX && !crawls && at.scrollWidth > at.clientWidth + SLACK)
        report(at, text, `holds ${at.scrollWidth}px of content in ${at.clientWidth}px wide`);
      if (clipsY && at.scrollHeight > at.clientHeight + SLACK)
        report(at, text, `holds ${at.scrollHeight}px of content in ${at.clientHeight}px high`);
      for (const box of boxes) {
        const cutX = box.left < left - SLACK || box.right > left + at.clientWidth + SLACK;
        const cutY = box.top < top - SLACK || box.bottom > top + at.clientHeight + SLACK;
        if ((clipsX && ticker === null && cutX) || (clipsY && cutY))
          report(parent, text, `is clipped by ${describe(at)}`);
      }
    }
  };

  const scopes = document.querySelectorAll('[data-testid="board-header"], main [data-tile-id]');
  for (const scope of scopes) {
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) checkText(node as Text);
  }
  return { texts, minFontPx: Math.round(minFontPx * 10) / 10, problems };
}
