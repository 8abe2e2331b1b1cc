import type { BrowserWindow, RenderProcessGoneDetails } from 'electron';
import type { RecoveryNotice } from './recovery-page';

/**
 * Keeps a board window alive for weeks unattended. When its renderer crashes or hangs, the board is
 * loaded again at once (it shows its last snapshot from storage straight away, marked with its age).
 * When it keeps failing soon after each reload, the watchdog backs off, doubling the wait up to ten
 * minutes, and the window says so (recovery-page.ts) instead of spinning in a reload loop. A board
 * that stays up for two minutes is well again and the count starts over.
 */

export interface WatchdogPolicy {
  /** A failure later than this after the last load starts a new count. */
  stableMs: number;
  /** How long a hung renderer gets to answer again before it is ended. */
  hangGraceMs: number;
  /** Failures in a row that reload at once; later ones wait. */
  immediateRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_POLICY: WatchdogPolicy = {
  stableMs: 120_000,
  hangGraceMs: 10_000,
  immediateRetries: 2,
  baseDelayMs: 5_000,
  maxDelayMs: 10 * 60_000,
};

/** How long to wait before reloading after `failures` failures in a row (1 = the first). */
export function retryDelay(failures: number, policy: WatchdogPolicy = DEFAULT_POLICY): number {
  if (failures <= policy.immediateRetries) return 0;
  const doublings = failures - policy.immediateRetries - 1;
  return Math.min(policy.baseDelayMs * 2 ** doublings, policy.maxDelayMs);
}

export interface WatchdogHooks {
  /** Loads the board page into the window (after a crash, or when the wait is over). */
  loadBoard: () => void;
  /** Shows the notice page that says the board keeps failing and when the next try is. */
  showNotice: (notice: RecoveryNotice) => void;
  /** Whether a URL the window finished loading is the board (the notice page does not count). */
  isBoard: (url: string) => boolean;
  log: (line: string) => void;
  policy?: WatchdogPolicy;
  now?: () => number;
}

export class RendererWatchdog {
  private failures = 0;
  private lastLoadAt: number;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private hangTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly policy: WatchdogPolicy;
  private readonly now: () => number;

  constructor(
    private readonly window: BrowserWindow,
    private readonly hooks: WatchdogHooks,
  ) {
    this.policy = hooks.policy ?? DEFAULT_POLICY;
    this.now = hooks.now ?? Date.now;
    this.lastLoadAt = this.now();
    const contents = window.webContents;
    contents.on('render-process-gone', (_event, details: RenderProcessGoneDetails) => {
      if (details.reason !== 'clean-exit') this.failed(`the renderer is gone (${details.reason})`);
    });
    contents.on('did-finish-load', () => {
      if (hooks.isBoard(contents.getURL())) this.lastLoadAt = this.now();
    });
    window.on('unresponsive', () => this.hung());
    window.on('responsive', () => this.clearHang());
    window.once('closed', () => this.dispose());
  }

  /** Failures in a row so far (for the tray and tests). */
  get failuresInARow(): number {
    return this.failures;
  }

  /** "Reload board" from the tray: try now, whatever the wait. */
  retryNow(): void {
    this.clearRetry();
    this.hooks.loadBoard();
  }

  private hung(): void {
    if (this.hangTimer) return;
    this.hooks.log(
      `watchdog: a board stopped responding; ending it in ${this.policy.hangGraceMs / 1000} s unless it recovers`,
    );
    this.hangTimer = setTimeout(() => {
      this.hangTimer = null;
      // Ending the renderer emits render-process-gone, which reloads (and counts) like any crash.
      if (!this.window.isDestroyed()) this.window.webContents.forcefullyCrashRenderer();
    }, this.policy.hangGraceMs);
  }

  private failed(why: string): void {
    this.clearHang();
    if (this.window.isDestroyed()) return;
    const now = this.now();
    this.failures = now - this.lastLoadAt < this.policy.stableMs ? this.failures + 1 : 1;
    const delay = retryDelay(this.failures, this.policy);
    if (delay === 0) {
      this.hooks.log(`watchdog: ${why}; reloading the board (failure ${this.failures} in a row)`);
      this.retryNow();
      return;
    }
    const retryAt = now + delay;
    this.hooks.log(
      `watchdog: ${why}; the board failed ${this.failures} times in a row, next try in ${Math.round(delay / 1000)} s`,
    );
    this.hooks.showNotice({ failures: this.failures, retryAt });
    this.clearRetry();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.window.isDestroyed()) this.hooks.loadBoard();
    }, delay);
  }

  private clearHang(): void {
    if (this.hangTimer) clearTimeout(this.hangTimer);
    this.hangTimer = null;
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private dispose(): void {
    this.clearHang();
    this.clearRetry();
  }
}
