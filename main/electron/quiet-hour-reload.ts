/**
 * The scheduled soft reload, at a quiet hour: a page that runs for weeks sheds whatever a browser
 * accumulates by reloading, and 04:00 local time is when nobody reads a contact-centre board. It
 * happens once a day while the settings ask for soft reloads at all (display.softReloadHours > 0);
 * the board comes back at once with its last snapshot from storage. Checked every minute against the
 * wall clock rather than one long timer, so sleep, daylight saving and clock changes cannot skip it.
 */

export const QUIET_HOUR = 4;
const CHECK_EVERY_MS = 60_000;

/** The local calendar day a reload at the quiet hour is due for, or null when none is due now. */
export function quietReloadDue(now: Date, lastDay: string | null, hour = QUIET_HOUR): string | null {
  if (now.getHours() !== hour) return null;
  const day = `${now.getFullYear()}-${now.getMonth() + 1}-${now.getDate()}`;
  return day === lastDay ? null : day;
}

export interface QuietHourOptions {
  enabled: () => boolean;
  reload: () => void;
  log: (line: string) => void;
  now?: () => Date;
  hour?: number;
}

export function scheduleQuietHourReload(options: QuietHourOptions): () => void {
  const now = options.now ?? (() => new Date());
  // Started during the quiet hour: the board is fresh already, today's reload counts as done.
  let lastDay: string | null = quietReloadDue(now(), null, options.hour);
  const timer = setInterval(() => {
    const due = quietReloadDue(now(), lastDay, options.hour);
    if (due === null) return;
    lastDay = due;
    if (!options.enabled()) return;
    options.log('soft reload: reloading the boards at the quiet hour');
    options.reload();
  }, CHECK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
