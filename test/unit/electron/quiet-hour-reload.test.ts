import { afterEach, describe, expect, it, vi } from 'vitest';
import { quietReloadDue, scheduleQuietHourReload } from '../../../main/electron/quiet-hour-reload';

/** The boards reload once a day at 04:00 local time, while soft reloads are on. */

afterEach(() => vi.useRealTimers());

describe('quietReloadDue', () => {
  it('is due once during the quiet hour of each day', () => {
    const early = new Date(2026, 10, 23, 4, 5);
    expect(quietReloadDue(early, null)).toBe('2026-11-23');
    expect(quietReloadDue(early, '2026-11-23')).toBeNull();
    expect(quietReloadDue(new Date(2026, 10, 23, 5, 0), null)).toBeNull();
    expect(quietReloadDue(new Date(2026, 10, 24, 4, 0), '2026-11-23')).toBe('2026-11-24');
  });
});

describe('scheduleQuietHourReload', () => {
  it('reloads at the quiet hour, once, and not at all when soft reloads are off', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2026, 10, 23, 3, 58));
    const reload = vi.fn();
    let enabled = true;
    const stop = scheduleQuietHourReload({ enabled: () => enabled, reload, log: vi.fn() });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(reload).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(3 * 60_000);
    expect(reload).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(reload).toHaveBeenCalledOnce();
    enabled = false;
    await vi.advanceTimersByTimeAsync(24 * 60 * 60_000);
    expect(reload).toHaveBeenCalledOnce();
    stop();
  });

  it('does not reload right after a start during the quiet hour', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2026, 10, 23, 4, 10));
    const reload = vi.fn();
    const stop = scheduleQuietHourReload({ enabled: () => true, reload, log: vi.fn() });
    await vi.advanceTimersByTimeAsync(45 * 60_000);
    expect(reload).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(24 * 60 * 60_000);
    expect(reload).toHaveBeenCalledOnce();
    stop();
  });
});
