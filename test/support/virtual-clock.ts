import type { Clock } from '../../main/core/poller/clock';

/**
 * A clock that moves only when told to: timers fire in order as the test advances time, so a day
 * of polling runs in seconds and every rate-limit window is exact. Works with real I/O in between:
 * the test waits for the poller to go idle before moving time on.
 */
export class VirtualClock implements Clock {
  private time: number;
  private sequence = 0;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();

  constructor(start: number) {
    this.time = start;
  }

  now = (): number => this.time;

  setTimer(callback: () => void, delayMs: number): unknown {
    const id = ++this.sequence;
    this.timers.set(id, { at: this.time + Math.max(0, delayMs), callback });
    return id;
  }

  clearTimer(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** Move to the earliest timer (not past `limit`) and fire it; false when there is none before `limit`. */
  fireNext(limit = Infinity): boolean {
    let next: [number, { at: number; callback: () => void }] | undefined;
    for (const entry of this.timers) {
      if (!next || entry[1].at < next[1].at || (entry[1].at === next[1].at && entry[0] < next[0]))
        next = entry;
    }
    if (!next || next[1].at > limit) {
      this.time = Math.max(this.time, Math.min(limit, next?.[1].at ?? limit));
      return false;
    }
    this.timers.delete(next[0]);
    this.time = Math.max(this.time, next[1].at);
    next[1].callback();
    return true;
  }

  /** Run timers up to `end`, letting `settle` drain real I/O before each step. */
  async runUntil(end: number, settle: () => Promise<void>): Promise<void> {
    await settle();
    while (this.fireNext(end)) await settle();
    this.time = Math.max(this.time, end);
  }
}
