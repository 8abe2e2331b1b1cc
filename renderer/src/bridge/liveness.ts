/**
 * Notices a screen losing its hub. Any sign of life (an event, a heartbeat, the stream opening)
 * restarts the countdown; when it runs out the monitor asks the hub directly once (SSE comments
 * carry heartbeats that EventSource cannot see), and only a failed probe counts as lost.
 */

export type LinkEvent = 'open' | 'message' | 'error';

/** What a transport offers to watch its link. */
export interface LinkSource {
  onLink(listener: (event: LinkEvent) => void): () => void;
  /** Asks the hub directly; true when it answered. */
  probe(): Promise<boolean>;
}

export interface LivenessOptions {
  /** Silence after which the hub counts as lost, if a probe fails too (2× the heartbeat interval). */
  timeoutMs: number;
  onChange(lost: boolean): void;
}

/** The hub sends something at least every 15 s. */
export const HUB_HEARTBEAT_MS = 15_000;

export class LivenessMonitor {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private unsubscribe: (() => void) | null = null;
  private lost = false;
  private stopped = true;

  constructor(
    private readonly source: LinkSource,
    private readonly options: LivenessOptions,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unsubscribe = this.source.onLink((event) => {
      if (event !== 'error') this.alive();
    });
    this.arm();
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  get isLost(): boolean {
    return this.lost;
  }

  private alive(): void {
    this.set(false);
    this.arm();
  }

  /** Whether a probe is scheduled (read afresh: an await may have armed one meanwhile). */
  private armed(): boolean {
    return this.timer !== null;
  }

  private arm(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.check(), this.options.timeoutMs);
  }

  private async check(): Promise<void> {
    this.timer = null;
    const answered = await this.source.probe().catch(() => false);
    if (this.stopped) return;
    this.set(!answered);
    // Keep asking while silent: a lost hub that comes back is noticed even if the stream stays closed.
    if (!this.armed()) this.arm();
  }

  private set(lost: boolean): void {
    if (lost === this.lost) return;
    this.lost = lost;
    this.options.onChange(lost);
  }
}
