import { describe, expect, it } from 'vitest';
import type { PreviewReport } from '../../../../contract/preview';
import { previewStatus } from '../../../../renderer/src/settings/preview/preview-words';

/** What the live preview says about its numbers: their source, what it waits for, and a draft's problem. */

type Good = Extract<PreviewReport, { valid: true }>;
const report = (over: Partial<Good>): Good => ({
  valid: true,
  board: {
    id: 'b',
    name: 'B',
    timeZone: 'UTC',
    dayReset: '00:00',
    grid: { columns: 4, rows: 3 },
    rotationSeconds: 30,
    businessHoursNow: null,
    tiles: [],
  },
  connected: true,
  extraQueries: 0,
  pendingQueries: 0,
  budgetWaitUntil: null,
  ...over,
});

describe('the preview status line', () => {
  it('says the numbers are the screens’ own when the draft needs no query of its own', () => {
    expect(previewStatus(report({}), null)).toMatch(/same answers the screens show/);
  });

  it('counts the queries fetched for the draft alone, and those still on their way', () => {
    expect(previewStatus(report({ extraQueries: 2 }), null)).toMatch(
      /2 new queries are fetched for this draft/,
    );
    expect(previewStatus(report({ extraQueries: 1, pendingQueries: 1 }), null)).toMatch(
      /Fetching 1 new query/,
    );
  });

  it('says when the rate budget lets the draft’s queries go', () => {
    const at = new Date(2026, 11, 2, 14, 5, 30).toISOString();
    const line = previewStatus(report({ extraQueries: 3, pendingQueries: 3, budgetWaitUntil: at }), null);
    expect(line).toMatch(/Waiting for the rate budget: 3 new queries/);
    expect(line).toContain(
      new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' }),
    );
  });

  it('says when nobody is signed in, and keeps the last board drawn when the draft has a problem', () => {
    expect(previewStatus(report({ connected: false }), null)).toMatch(/Not signed in/);
    expect(previewStatus(report({}), 'boards[0].name: must not be empty')).toMatch(
      /last draft that could be drawn: boards\[0\]\.name: must not be empty/,
    );
    expect(previewStatus(null, 'polling.budgetShare: too big')).toBe(
      'No preview yet: polling.budgetShare: too big',
    );
  });
});
