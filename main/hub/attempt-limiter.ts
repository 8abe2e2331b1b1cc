/**
 * Wrong guesses (admin keys, pairing codes) counted in a sliding minute, per caller and for the whole
 * hub. Per caller, so one machine on the LAN cannot lock everyone else out by failing on purpose;
 * hub-wide, so many machines together still cannot guess fast. Only failures count: a right answer
 * is never refused because someone else typed wrong ones, unless the whole hub is under attack.
 */

const WINDOW_MS = 60_000;
const MAX_CALLERS = 1000;

export class AttemptLimiter {
  private readonly byCaller = new Map<string, number[]>();
  private hubWide: number[] = [];

  constructor(
    private readonly limits: { perCaller: number; perHub: number },
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether `caller` must wait before trying again. */
  blocked(caller: string): boolean {
    const now = this.now();
    this.hubWide = recent(this.hubWide, now);
    const mine = recent(this.byCaller.get(caller) ?? [], now);
    return mine.length >= this.limits.perCaller || this.hubWide.length >= this.limits.perHub;
  }

  fail(caller: string): void {
    const now = this.now();
    this.hubWide.push(now);
    this.byCaller.set(caller, [...recent(this.byCaller.get(caller) ?? [], now), now]);
    if (this.byCaller.size > MAX_CALLERS) {
      for (const [key, times] of this.byCaller)
        if (recent(times, now).length === 0) this.byCaller.delete(key);
      // Still too many: forget the oldest callers (a flood from many addresses still meets perHub).
      while (this.byCaller.size > MAX_CALLERS) this.byCaller.delete(this.byCaller.keys().next().value!);
    }
  }
}

function recent(times: readonly number[], now: number): number[] {
  return times.filter((at) => now - at < WINDOW_MS);
}
