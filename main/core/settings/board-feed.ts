import {
  shownUrl,
  type BoardSource,
  type BoardSourceStatus,
  type BoardSourceTest,
} from '../../../contract/board-source';
import { errorText } from '../../../contract/error-text';
import type { Settings } from '../../../contract/settings';
import { stableStringify } from '../planner/call-filters';
import type { Clock } from '../poller/clock';
import { readBoardsFile } from './board-files';
import type { SettingsService } from './settings-store';

/**
 * Follows a boards file at a URL (settings.boardSource), so a fleet of screens is configured from one
 * place: the file is read at start and every few minutes, and its boards (and pinned strip, if it
 * names one) replace the screen's own only when the file is valid. Otherwise, or when the server
 * cannot be reached, the last good boards stay (they are in settings.json, so a restart without the
 * network keeps them too) and the status says what went wrong. Unchanged files cost one small
 * conditional request (ETag / Last-Modified).
 */

export interface FetchedText {
  status: number;
  text: string;
  etag: string | null;
  lastModified: string | null;
}

export type FetchText = (url: string, headers: Record<string, string>) => Promise<FetchedText>;

export interface BoardFeedOptions {
  settings: SettingsService;
  clock: Clock;
  log: (line: string) => void;
  fetchText?: FetchText;
  /** The status changed (a read, a refusal): the core publishes a new snapshot. */
  onStatus?: () => void;
}

const MAX_BYTES = 1_000_000;
const TIMEOUT_MS = 15_000;

/** GET with a timeout and a size limit, through Node's fetch. */
export const fetchText: FetchText = async (url, headers) => {
  const response = await fetch(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(TIMEOUT_MS) });
  const ok = response.status >= 200 && response.status <= 299;
  // Only a file is read; an error page or a 304 is not, and nothing past the limit is ever buffered.
  const text = ok ? await readLimited(response) : '';
  if (!ok) await response.body?.cancel();
  return {
    status: response.status,
    text,
    etag: response.headers.get('etag'),
    lastModified: response.headers.get('last-modified'),
  };
};

const TOO_LARGE = `the file is larger than ${MAX_BYTES / 1_000_000} MB`;

async function readLimited(response: Response): Promise<string> {
  if (Number(response.headers.get('content-length') ?? '0') > MAX_BYTES) {
    await response.body?.cancel();
    throw new Error(TOO_LARGE);
  }
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = (await reader.read()) as { done: boolean; value?: Uint8Array };
    if (done || !value) break;
    bytes += value.byteLength;
    if (bytes > MAX_BYTES) {
      await reader.cancel();
      throw new Error(TOO_LARGE);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The source changed (or the settings did) while a read was on its way: its answer is dropped. */
class Superseded extends Error {}

export class BoardFeed {
  private source: BoardSource | null = null;
  private timer: unknown = null;
  private reading: Promise<void> | null = null;
  private validators: Record<string, string> = {};
  private state: BoardSourceStatus | null = null;
  private stopped = false;
  /** The source changed while a read was on its way: read the new one as soon as that one ends. */
  private rereadWanted = false;

  constructor(private readonly options: BoardFeedOptions) {}

  /** Where the boards come from now, or null when they are this screen's own. */
  status(): BoardSourceStatus | null {
    return this.state;
  }

  /** Follow `source` (from the settings); a new URL or interval is read at once. */
  follow(source: BoardSource | null): void {
    if (stableStringify(source) === stableStringify(this.source)) return;
    this.source = source;
    this.validators = {};
    this.cancel();
    this.state = source
      ? { shownUrl: shownUrl(source.url), readAt: null, appliedAt: null, problem: null }
      : null;
    this.options.onStatus?.();
    if (!source) return;
    // A read of the old address may still be on its way: the new one is read right after it.
    if (this.reading) this.rereadWanted = true;
    else void this.readNow();
  }

  /** Read the file now (and then again after the interval). */
  readNow(): Promise<void> {
    if (this.reading) return this.reading;
    this.reading = this.read().finally(() => {
      this.reading = null;
      if (this.rereadWanted) {
        this.rereadWanted = false;
        void this.readNow();
      } else this.schedule();
    });
    return this.reading;
  }

  /** What following `url` would show, without applying anything (the settings window's check). */
  async test(url: string): Promise<BoardSourceTest> {
    try {
      const fetched = await (this.options.fetchText ?? fetchText)(url, {});
      if (fetched.status < 200 || fetched.status > 299)
        return { ok: false, problem: httpProblem(fetched.status) };
      const { boards, pinned } = readBoardsFile(fetched.text);
      return { ok: true, boards: boards.map((board) => board.name), pinned: pinned ? pinned.name : null };
    } catch (error) {
      return { ok: false, problem: errorText(error) };
    }
  }

  stop(): void {
    this.stopped = true;
    this.cancel();
  }

  private async read(): Promise<void> {
    const source = this.source;
    if (!source || this.stopped) return;
    const shown = shownUrl(source.url);
    const note = (problem: string | null, applied: boolean) => {
      if (this.source !== source || !this.state) return;
      const now = new Date(this.options.clock.now()).toISOString();
      this.state = { ...this.state, readAt: now, problem, appliedAt: applied ? now : this.state.appliedAt };
      if (problem) this.options.log(`boards from ${shown}: ${problem}; the last good boards stay`);
      this.options.onStatus?.();
    };
    let fetched: FetchedText;
    try {
      fetched = await (this.options.fetchText ?? fetchText)(source.url, this.validators);
    } catch (error) {
      note(`could not read the file (${errorText(error)})`, false);
      return;
    }
    // Unfollowed, another address, or stopping while the file was on its way: its answer is not ours.
    if (this.supersedes(source)) return;
    if (fetched.status === 304) {
      note(null, false);
      return;
    }
    if (fetched.status < 200 || fetched.status > 299) {
      note(httpProblem(fetched.status), false);
      return;
    }
    try {
      const applied = await this.apply(fetched.text, source);
      if (this.source === source) this.validators = conditionalHeaders(fetched);
      if (applied) this.options.log(`boards from ${shown}: applied`);
      note(null, applied || this.state?.appliedAt === null);
    } catch (error) {
      if (error instanceof Superseded) return;
      // A write that failed is this machine's problem, not the file's: no path goes out to screens.
      const failedWrite = /could not write/.test(errorText(error));
      note(
        failedWrite ? 'the boards could not be saved on this machine (see the log)' : errorText(error),
        false,
      );
      if (failedWrite) this.options.log(`boards from ${shown}: ${errorText(error)}`);
    }
  }

  /**
   * Take the file's boards on; false when they are what the screen shows already. The rest of the
   * settings are those of the moment of writing: when an admin's save gets in first, the boards are
   * laid over theirs (tried again), never over the settings as they were before it.
   */
  private async apply(text: string, source: BoardSource): Promise<boolean> {
    const { boards, pinned } = readBoardsFile(text);
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = this.options.settings.current();
      if (this.source !== source) throw new Superseded();
      const next: Settings = { ...current, boards, pinned: pinned === undefined ? current.pinned : pinned };
      if (stableStringify([next.boards, next.pinned]) === stableStringify([current.boards, current.pinned]))
        return false;
      try {
        await this.options.settings.save(next, (now) => {
          if (now !== current) throw new Superseded();
        });
        return true;
      } catch (error) {
        if (!(error instanceof Superseded)) throw error;
      }
    }
    throw new Superseded();
  }

  /** Whether `source` is no longer the one followed (another address, none, or the feed stopped). */
  private supersedes(source: BoardSource): boolean {
    return this.source !== source || this.stopped;
  }

  private schedule(): void {
    if (!this.source || this.stopped || this.timer !== null) return;
    this.timer = this.options.clock.setTimer(() => {
      this.timer = null;
      void this.readNow();
    }, this.source.everyMinutes * 60_000);
  }

  private cancel(): void {
    if (this.timer !== null) this.options.clock.clearTimer(this.timer);
    this.timer = null;
  }
}

function conditionalHeaders(fetched: FetchedText): Record<string, string> {
  const headers: Record<string, string> = {};
  if (fetched.etag) headers['if-none-match'] = fetched.etag;
  if (fetched.lastModified) headers['if-modified-since'] = fetched.lastModified;
  return headers;
}

function httpProblem(status: number): string {
  if (status === 404) return 'the server has no file at this address (404)';
  if (status === 401 || status === 403) return `the server refused to hand out the file (${status})`;
  return `the server answered ${status} instead of the file`;
}
