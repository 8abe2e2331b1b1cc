import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../../contract/settings';
import { defaultSettings, rezoneDefaultDemoBoards } from '../../../../main/core/settings/default-boards';
import { demoProfile, demoSettings } from '../../../support/demo';

/** The demo picks its zone at every start; untouched default boards follow it, edited ones stay. */

const tokyo = demoProfile('Asia/Tokyo');

describe('rezoneDefaultDemoBoards', () => {
  it('moves untouched default boards saved in another zone to the demo’s zone', () => {
    const yesterday = demoSettings('Europe/London');
    const today = rezoneDefaultDemoBoards(yesterday, tokyo);
    expect(today.boards).toEqual(demoSettings('Asia/Tokyo').boards);
    expect(today.boards.every((board) => board.timeZone === 'Asia/Tokyo')).toBe(true);
    // Everything but the boards is kept as it was.
    expect({ ...today, boards: [] }).toEqual({ ...yesterday, boards: [] });
    // And back home the next day.
    expect(rezoneDefaultDemoBoards(today, demoProfile()).boards).toEqual(yesterday.boards);
  });

  it('keeps polling and display changes: only the boards have to be the defaults', () => {
    const tuned: Settings = {
      ...demoSettings('America/Chicago'),
      polling: { ...demoSettings().polling, defaultRefreshSeconds: 15 },
    };
    const today = rezoneDefaultDemoBoards(tuned, tokyo);
    expect(today.boards).toEqual(demoSettings('Asia/Tokyo').boards);
    expect(today.polling.defaultRefreshSeconds).toBe(15);
  });

  it('leaves boards already in the demo’s zone alone (the same object)', () => {
    const settings = demoSettings('Asia/Tokyo');
    expect(rezoneDefaultDemoBoards(settings, tokyo)).toBe(settings);
  });

  it('leaves edited boards in the zone their owner chose', () => {
    const london = demoSettings('Europe/London');
    const renamed: Settings = {
      ...london,
      boards: [{ ...london.boards[0]!, name: 'Our queues' }, ...london.boards.slice(1)],
    };
    expect(rezoneDefaultDemoBoards(renamed, tokyo)).toBe(renamed);
    const newDayReset: Settings = {
      ...london,
      boards: london.boards.map((board) => ({ ...board, dayReset: '06:00' })),
    };
    expect(rezoneDefaultDemoBoards(newDayReset, tokyo)).toBe(newDayReset);
    const withPinned: Settings = { ...london, pinned: { ...london.boards[1]!, id: 'strip' } };
    expect(rezoneDefaultDemoBoards(withPinned, tokyo)).toBe(withPinned);
    const noBoards: Settings = { ...london, boards: [] };
    expect(rezoneDefaultDemoBoards(noBoards, tokyo)).toBe(noBoards);
  });

  it('leaves an account’s default boards alone', () => {
    const account = defaultSettings({ kind: 'account', timeZone: 'Europe/London' });
    expect(rezoneDefaultDemoBoards(account, tokyo)).toBe(account);
  });
});
