import type { CompiledCall } from './calls';

/**
 * Completed calls ordered by start time, so a time range is found by binary search.
 * Calls may arrive out of order (a long call started earlier can end later), so additions are
 * appended and the array is re-sorted only when order was actually broken.
 */
export class CallStore {
  private calls: CompiledCall[] = [];
  private ids = new Set<string>();

  get size(): number {
    return this.calls.length;
  }

  add(newCalls: Iterable<CompiledCall>): number {
    let added = 0;
    let ordered = true;
    for (const call of newCalls) {
      if (this.ids.has(call.id)) continue;
      const last = this.calls[this.calls.length - 1];
      if (last && call.start < last.start) ordered = false;
      this.calls.push(call);
      this.ids.add(call.id);
      added++;
    }
    if (!ordered) this.calls.sort((a, b) => a.start - b.start);
    return added;
  }

  clear(): void {
    this.calls = [];
    this.ids.clear();
  }

  /** Drop calls that started before `time`; keeps memory bounded on long-running demos. */
  pruneBefore(time: number): void {
    const cut = this.lowerBound(time);
    if (cut === 0) return;
    for (let i = 0; i < cut; i++) this.ids.delete(this.calls[i]!.id);
    this.calls = this.calls.slice(cut);
  }

  /** Index range [begin, end) of calls with from ≤ start ≤ to (both ends inclusive, as the API's). */
  range(from: number, to: number): { calls: readonly CompiledCall[]; begin: number; end: number } {
    return { calls: this.calls, begin: this.lowerBound(from), end: this.upperBound(to) };
  }

  newest(): CompiledCall | undefined {
    return this.calls[this.calls.length - 1];
  }

  private lowerBound(time: number): number {
    let lo = 0;
    let hi = this.calls.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.calls[mid]!.start < time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private upperBound(time: number): number {
    let lo = 0;
    let hi = this.calls.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.calls[mid]!.start <= time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
