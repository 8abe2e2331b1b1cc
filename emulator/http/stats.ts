import type { RateGroup } from './rate-limit';

/** Traffic counters for tests and benchmarks: what the client sent, and how it was answered. */
export class TrafficStats {
  private since = Date.now();
  private total = 0;
  private byGroup: Record<string, number> = {};
  private byPath: Record<string, number> = {};
  private byStatus: Record<string, number> = {};
  private rateLimited = 0;
  private duringPenalty = 0;
  private faults = 0;
  /** When each request of each group arrived (the latest ones), for the busiest-window figure. */
  private arrivals: Record<string, number[]> = {};

  request(method: string, path: string, group: RateGroup): void {
    this.total++;
    this.byGroup[group] = (this.byGroup[group] ?? 0) + 1;
    const times = (this.arrivals[group] ??= []);
    times.push(Date.now());
    if (times.length > MAX_ARRIVALS) times.splice(0, times.length - MAX_ARRIVALS);
    const key = `${method} ${path}`;
    this.byPath[key] = (this.byPath[key] ?? 0) + 1;
  }

  response(status: number): void {
    this.byStatus[status] = (this.byStatus[status] ?? 0) + 1;
  }

  limited(duringPenalty: boolean): void {
    this.rateLimited++;
    if (duringPenalty) this.duringPenalty++;
  }

  fault(): void {
    this.faults++;
  }

  snapshot() {
    return {
      since: new Date(this.since).toISOString(),
      requests: { total: this.total, byGroup: { ...this.byGroup }, byPath: { ...this.byPath } },
      responses: { byStatus: { ...this.byStatus } },
      rateLimited: this.rateLimited,
      requestsDuringPenalty: this.duringPenalty,
      faultsApplied: this.faults,
    };
  }

  /**
   * The most requests of `group` that arrived within any `windowMs` (faulted ones included, which
   * the rate limiter never counts): how a test proves a client never exceeded a group's limit.
   */
  peakInWindow(group: RateGroup, windowMs = 60_000): number {
    const times = this.arrivals[group] ?? [];
    let peak = 0;
    let start = 0;
    for (let end = 0; end < times.length; end++) {
      while ((times[end] ?? 0) - (times[start] ?? 0) >= windowMs) start++;
      peak = Math.max(peak, end - start + 1);
    }
    return peak;
  }

  reset(): void {
    this.since = Date.now();
    this.total = 0;
    this.byGroup = {};
    this.byPath = {};
    this.byStatus = {};
    this.rateLimited = 0;
    this.duringPenalty = 0;
    this.faults = 0;
    this.arrivals = {};
  }
}

const MAX_ARRIVALS = 10_000;
