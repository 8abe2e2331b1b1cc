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

  request(method: string, path: string, group: RateGroup): void {
    this.total++;
    this.byGroup[group] = (this.byGroup[group] ?? 0) + 1;
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

  reset(): void {
    this.since = Date.now();
    this.total = 0;
    this.byGroup = {};
    this.byPath = {};
    this.byStatus = {};
    this.rateLimited = 0;
    this.duringPenalty = 0;
    this.faults = 0;
  }
}
