import { describe, expect, it } from 'vitest';
import type { TimeWindow } from '../../../../contract/board';
import { RETENTION_MS, resolveTimeWindow } from '../../../../emulator/analytics/query';
import type { QueryTime, TimeShift } from '../../../../main/core/planner/plan';
import { describeWindow, resolveTimeRange } from '../../../../main/core/analytics/time-range';

/**
 * Expected instants are worked out by hand. Europe/London is UTC+0 in winter and UTC+1 (BST) from
 * 29 Mar 2026 01:00 UTC to 25 Oct 2026 01:00 UTC; America/New_York is UTC−5 in November.
 */

const LONDON = 'Europe/London';
const NEW_YORK = 'America/New_York';

function time(window: TimeWindow, extra: Partial<QueryTime> = {}): QueryTime {
  return { window, timeZone: LONDON, dayReset: '00:00', shift: 'none', ...extra };
}

const range = (t: QueryTime, now: string) => resolveTimeRange(t, new Date(now));
const shifted = (window: TimeWindow, shift: TimeShift, extra: Partial<QueryTime> = {}) =>
  time(window, { shift, ...extra });

describe('resolveTimeRange', () => {
  const WEDNESDAY = '2026-11-18T14:05:30.250Z';

  it('today runs from the day reset to now, to the second, with the zone offset', () => {
    expect(range(time({ kind: 'today' }), WEDNESDAY)).toEqual({
      timeFrom: '2026-11-18T00:00:00+00:00',
      timeTo: '2026-11-18T14:05:30+00:00',
    });
  });

  it('before the day reset, today began at yesterday’s reset', () => {
    expect(range(time({ kind: 'today' }, { dayReset: '06:00' }), '2026-11-18T03:00:00Z').timeFrom).toBe(
      '2026-11-17T06:00:00+00:00',
    );
    expect(range(time({ kind: 'today' }, { dayReset: '06:00' }), '2026-11-18T06:00:00Z').timeFrom).toBe(
      '2026-11-18T06:00:00+00:00',
    );
  });

  it('rolling windows end now and start N minutes earlier', () => {
    expect(range(time({ kind: 'rolling', minutes: 30 }), WEDNESDAY)).toEqual({
      timeFrom: '2026-11-18T13:35:30+00:00',
      timeTo: '2026-11-18T14:05:30+00:00',
    });
  });

  it('yesterdayToNow starts at yesterday’s day reset in the query zone', () => {
    const t = time({ kind: 'yesterdayToNow' }, { timeZone: NEW_YORK, dayReset: '06:00' });
    expect(range(t, '2026-11-18T15:00:00Z')).toEqual({
      timeFrom: '2026-11-17T06:00:00-05:00',
      timeTo: '2026-11-18T10:00:00-05:00',
    });
  });

  it('thisWeek starts on Monday (ISO weeks) at the day reset of the current business day', () => {
    const week = (now: string, dayReset = '00:00') =>
      range(time({ kind: 'thisWeek' }, { dayReset }), now).timeFrom;
    expect(week(WEDNESDAY)).toBe('2026-11-16T00:00:00+00:00');
    expect(week('2026-11-22T23:59:00Z')).toBe('2026-11-16T00:00:00+00:00'); // Sunday: still that week
    expect(week('2026-11-23T00:00:00Z')).toBe('2026-11-23T00:00:00+00:00'); // Monday midnight: new week
    // Monday 03:00 with a 06:00 reset still belongs to Sunday's business day, so last week.
    expect(week('2026-11-23T03:00:00Z', '06:00')).toBe('2026-11-16T06:00:00+00:00');
    expect(week('2026-11-23T07:00:00Z', '06:00')).toBe('2026-11-23T06:00:00+00:00');
  });

  it('custom windows are written in the query zone, open ends run to now', () => {
    const window = { kind: 'custom', from: '2026-11-12T09:00:00Z', to: '2026-11-14T12:00:00-05:00' } as const;
    expect(range(time(window), WEDNESDAY)).toEqual({
      timeFrom: '2026-11-12T09:00:00+00:00',
      timeTo: '2026-11-14T17:00:00+00:00',
    });
    expect(range(time({ ...window, to: null }), WEDNESDAY).timeTo).toBe('2026-11-18T14:05:30+00:00');
  });

  describe('DST change days in Europe/London', () => {
    it('29 Mar 2026 (23 hours): today starts at midnight GMT, the same time yesterday is 23 hours ago', () => {
      const now = '2026-03-29T10:00:00Z'; // 11:00 BST
      expect(range(time({ kind: 'today' }), now)).toEqual({
        timeFrom: '2026-03-29T00:00:00+00:00',
        timeTo: '2026-03-29T11:00:00+01:00',
      });
      expect(range(shifted({ kind: 'today' }, 'sameTimeYesterday'), now)).toEqual({
        timeFrom: '2026-03-28T00:00:00+00:00',
        timeTo: '2026-03-28T11:00:00+00:00',
      });
      expect(range(shifted({ kind: 'rolling', minutes: 60 }, 'sameTimeYesterday'), now)).toEqual({
        timeFrom: '2026-03-28T10:00:00+00:00',
        timeTo: '2026-03-28T11:00:00+00:00',
      });
    });

    it('25 Oct 2026 (25 hours): today starts at midnight BST, yesterday ends a second before midnight GMT', () => {
      expect(range(time({ kind: 'today' }), '2026-10-25T12:00:00Z')).toEqual({
        timeFrom: '2026-10-25T00:00:00+01:00',
        timeTo: '2026-10-25T12:00:00+00:00',
      });
      expect(range(shifted({ kind: 'today' }, 'sameTimeYesterday'), '2026-10-25T12:00:00Z')).toEqual({
        timeFrom: '2026-10-24T00:00:00+01:00',
        timeTo: '2026-10-24T12:00:00+01:00',
      });
      const whole = range(shifted({ kind: 'today' }, 'wholeYesterday'), '2026-10-26T09:00:00Z');
      expect(whole).toEqual({ timeFrom: '2026-10-25T00:00:00+01:00', timeTo: '2026-10-25T23:59:59+00:00' });
      expect(Date.parse(whole.timeTo) - Date.parse(whole.timeFrom)).toBe(25 * 3_600_000 - 1000);
    });
  });

  it('a day reset inside a DST change: its first occurrence in the overlap, an hour on in the gap', () => {
    const at = (now: string) => range(time({ kind: 'today' }, { dayReset: '01:30' }), now).timeFrom;
    expect(at('2026-10-25T10:00:00Z')).toBe('2026-10-25T01:30:00+01:00'); // 01:30 happens twice
    expect(at('2026-03-29T10:00:00Z')).toBe('2026-03-29T02:30:00+01:00'); // 01:30 never happens: an hour later
  });

  it('wholeYesterday covers yesterday’s business day whatever the window, timeTo inclusive', () => {
    const t = shifted({ kind: 'rolling', minutes: 30 }, 'wholeYesterday', {
      timeZone: NEW_YORK,
      dayReset: '06:00',
    });
    expect(range(t, '2026-11-18T15:00:00Z')).toEqual({
      timeFrom: '2026-11-17T06:00:00-05:00',
      timeTo: '2026-11-18T05:59:59-05:00',
    });
  });

  describe('the 184-day limit', () => {
    const now = Date.parse('2026-11-18T12:00:00Z');
    const old = time({ kind: 'custom', from: '2026-01-01T00:00:00Z', to: null });

    it('moves an older start inside the limit, with room for the request to travel', () => {
      const { timeFrom } = resolveTimeRange(old, new Date(now));
      const from = Date.parse(timeFrom);
      expect(from).toBeGreaterThan(now - RETENTION_MS);
      expect(from - (now - RETENTION_MS)).toBeLessThanOrEqual(15 * 60_000);
      // The emulator, applying the API's rule a few minutes later, still accepts it.
      const settings = { timeZone: LONDON, timeRange: resolveTimeRange(old, new Date(now)) };
      expect(() => resolveTimeWindow(settings, now + 5 * 60_000)).not.toThrow();
    });

    it('keeps a range that ended before the limit from running backwards', () => {
      const ancient = time({ kind: 'custom', from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' });
      const { timeFrom, timeTo } = resolveTimeRange(ancient, new Date(now));
      expect(timeTo).toBe(timeFrom);
    });

    it('leaves recent windows alone', () => {
      const recent = time({ kind: 'custom', from: '2026-11-01T00:00:00Z', to: null });
      expect(resolveTimeRange(recent, new Date(now)).timeFrom).toBe('2026-11-01T00:00:00+00:00');
    });
  });
});

describe('describeWindow', () => {
  it('labels every window kind', () => {
    expect(describeWindow(time({ kind: 'today' }))).toBe('Today since 00:00, Europe/London');
    expect(describeWindow(time({ kind: 'rolling', minutes: 30 }))).toBe('Last 30 minutes');
    expect(describeWindow(time({ kind: 'rolling', minutes: 60 }))).toBe('Last hour');
    expect(describeWindow(time({ kind: 'rolling', minutes: 120 }))).toBe('Last 2 hours');
    expect(describeWindow(time({ kind: 'yesterdayToNow' }, { timeZone: NEW_YORK, dayReset: '06:00' }))).toBe(
      'Since yesterday 06:00, America/New_York',
    );
    expect(describeWindow(time({ kind: 'thisWeek' }))).toBe('This week since Monday 00:00, Europe/London');
    expect(
      describeWindow(time({ kind: 'custom', from: '2026-11-12T09:00:00Z', to: '2026-11-14T17:00:00Z' })),
    ).toBe('12 Nov 09:00 – 14 Nov 17:00, Europe/London');
    expect(describeWindow(time({ kind: 'custom', from: '2026-11-12T09:00:00Z', to: null }))).toBe(
      '12 Nov 09:00 – now, Europe/London',
    );
  });

  it('adds business hours and day/hour restrictions briefly', () => {
    const restricted = time(
      { kind: 'today' },
      {
        includeDays: ['Friday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday'],
        includeHours: [{ from: '09:00', to: '17:00' }],
      },
    );
    expect(describeWindow(restricted, { businessHoursOnly: true })).toBe(
      'Today since 00:00, Europe/London, Mon–Fri 09:00–17:00, business hours',
    );
    expect(
      describeWindow(time({ kind: 'rolling', minutes: 30 }, { includeDays: ['Sunday', 'Saturday'] })),
    ).toBe('Last 30 minutes, Sat, Sun (Europe/London)');
  });

  it('says which copy of the window a shifted query covers', () => {
    expect(describeWindow(shifted({ kind: 'today' }, 'sameTimeYesterday'))).toBe(
      'Today since 00:00 (same time yesterday), Europe/London',
    );
    expect(describeWindow(shifted({ kind: 'today' }, 'wholeYesterday', { dayReset: '06:00' }))).toBe(
      'Yesterday, whole day from 06:00, Europe/London',
    );
  });
});
