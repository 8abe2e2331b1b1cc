/**
 * What a board window shows while the watchdog waits before its next try (watchdog.ts): a plain,
 * script-free page that says the board keeps failing, how often, and when Callboard tries again,
 * so a TV in a crash loop shows a message someone can act on instead of a spinner or a blank screen.
 */

export interface RecoveryNotice {
  /** Crashes or hangs in a row, each soon after the board came back. */
  failures: number;
  /** When the next reload happens (ms since the epoch). */
  retryAt: number;
}

export function recoveryQuery(notice: RecoveryNotice): Record<string, string> {
  return { failures: String(notice.failures), retry: String(notice.retryAt) };
}

export function noticeFromQuery(params: URLSearchParams): RecoveryNotice {
  const failures = Number.parseInt(params.get('failures') ?? '', 10);
  const retryAt = Number.parseInt(params.get('retry') ?? '', 10);
  return {
    failures: Number.isFinite(failures) && failures > 0 ? failures : 1,
    retryAt: Number.isFinite(retryAt) ? retryAt : Date.now(),
  };
}

export function recoveryPage(notice: RecoveryNotice, formatTime = localTime): string {
  const when = escapeHtml(formatTime(notice.retryAt));
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Callboard: the board keeps stopping</title>',
    '<style>body{margin:0;display:grid;place-items:center;height:100vh;background:#0b0f14;color:#f2f5f8;',
    'font:2.2vw/1.4 system-ui,sans-serif;text-align:center}main{max-width:60vw}h1{font-size:3.2vw;color:#ffd35c}</style>',
    '</head><body><main role="alert">',
    '<h1>The board keeps stopping</h1>',
    `<p>It stopped ${notice.failures} times in a row soon after starting, so Callboard waits before trying again.</p>`,
    `<p>Next try at <strong>${when}</strong>. Choose “Reload board” in Callboard’s tray menu to try now.</p>`,
    '<p>If this stays, the log (start Callboard from a terminal) says why.</p>',
    '</main></body></html>',
  ].join('');
}

function localTime(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString();
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
