/**
 * Reading a 429's Retry-After (RFC 9110 §10.2.3: delay-seconds, or an HTTP-date), and how long
 * Callboard actually waits. The answer comes from whatever sits between us and RingCentral, and a
 * misconfigured proxy must not stop a wallboard for a year: any wait is capped at an hour, while
 * the screen still says what was asked.
 */

/** The longest Callboard waits for one Retry-After, whatever it asked (1 hour). */
export const MAX_RETRY_AFTER_SECONDS = 3_600;
/** What a 429 without a readable Retry-After costs: RingCentral's own penalty (DESIGN.md §3). */
export const DEFAULT_RETRY_AFTER_SECONDS = 60;

const DELAY_SECONDS = /^\d+(\.\d+)?$/;
/** An HTTP-date starts with a day name: IMF-fixdate, RFC 850 or asctime form. */
const HTTP_DATE = /^[A-Za-z]{3}/;

/**
 * The seconds a Retry-After asks for (uncapped; a date in the past asks for 0), or null when there
 * is none or it cannot be read (negative, a word, garbage): the caller then waits the default.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  const text = value?.trim() ?? '';
  if (DELAY_SECONDS.test(text)) return Number(text);
  if (!HTTP_DATE.test(text)) return null;
  const at = Date.parse(text);
  if (!Number.isFinite(at)) return null;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** How long to wait for what was asked (null: not said or unreadable), in ms: the default, capped. */
export function retryWaitMs(askedSeconds: number | null): number {
  const seconds = askedSeconds === null || !(askedSeconds >= 0) ? DEFAULT_RETRY_AFTER_SECONDS : askedSeconds;
  return Math.min(seconds, MAX_RETRY_AFTER_SECONDS) * 1000;
}
