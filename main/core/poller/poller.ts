import type { PlannedQuery } from '../planner/plan';
import type { QueryState } from './query-state';
import type { QueryCodec } from '../analytics/codec';
import type { ResultRecord } from '../analytics/records';
import { DEFAULT_BACKOFF, backoffDelay, type BackoffOptions } from './backoff';
import { systemClock, type Clock } from './clock';
import { QueryFailure, failureFromError, failureFromResponse } from './failure';
import type { RateBudget } from './rate-budget';
import type { ApiResponse, Transport } from './transport';
import { errorText } from '../../../contract/error-text';

/**
 * The poller: refreshes each planned query at its own interval, inside the rate budget. It owns rate
 * limiting (the SDK's handleRateLimit stays off), waits out Retry-After without sending anything,
 * backs off with jitter on transient failures, keeps each query's last good answer when a refresh
 * fails, runs queries side by side so one that hangs cannot stall the rest, and stops sending while
 * nothing is displayed or nobody is signed in.
 */

export interface PollerOptions {
  transport: Transport;
  codec: QueryCodec;
  budget: RateBudget;
  requestTimeoutMs: number;
  clock?: Clock;
  backoff?: BackoffOptions;
  /** Queries in flight at once: enough that one slow query never holds up the others. */
  maxConcurrent?: number;
  /** Called when a request comes back unauthorised, so the connection can re-sign-in. */
  onAuthProblem?: () => void;
  log?: (line: string) => void;
}

interface Entry {
  query: PlannedQuery;
  state: QueryState;
  dueAt: number;
  running: boolean;
}

const REJECTED_RETRY_MIN_MS = 5 * 60_000;
const MAX_PAGES = 50;

export class Poller {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();
  private readonly clock: Clock;
  private readonly controllers = new Set<AbortController>();
  private active = false;
  private stopped = false;
  private timer: unknown = null;
  private timerAt = Infinity;
  private sending = 0;
  private idleWaiters: Array<() => void> = [];
  /** Requests sent in total, for figures and tests. */
  sentCount = 0;

  constructor(private readonly options: PollerOptions) {
    this.clock = options.clock ?? systemClock;
  }

  /** Replace the set of queries; queries that keep their id keep their state and schedule. */
  setPlan(queries: readonly PlannedQuery[]): void {
    const next = new Map<string, Entry>();
    for (const query of queries) {
      const existing = this.entries.get(query.id);
      if (existing) {
        // Updated in place: a refresh in flight holds this very entry and must land its result here.
        // A shorter interval applies now, not after the old, longer wait.
        const fetchedAt = existing.state.fetchedAt;
        if (
          query.refreshMs < existing.query.refreshMs &&
          fetchedAt !== null &&
          existing.state.error === null
        ) {
          existing.dueAt = Math.min(existing.dueAt, fetchedAt + query.refreshMs);
        }
        existing.query = query;
        existing.state = { ...existing.state, refreshMs: query.refreshMs };
        next.set(query.id, existing);
      } else {
        next.set(query.id, this.newEntry(query));
      }
    }
    this.entries.clear();
    for (const [id, entry] of next) this.entries.set(id, entry);
    this.emit();
    this.pump();
  }

  /** Start or pause sending (nothing displayed, signed out); due queries refresh on resume. */
  setActive(active: boolean): void {
    if (this.active === active) return;
    this.active = active;
    if (active) this.pump();
    else this.cancelTimer();
  }

  get isActive(): boolean {
    return this.active;
  }

  states(): ReadonlyMap<string, QueryState> {
    return new Map([...this.entries].map(([id, entry]) => [id, entry.state]));
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    this.stopped = true;
    this.cancelTimer();
    for (const controller of this.controllers) controller.abort();
  }

  /** Resolves once no request is on the wire and all follow-up work has run (soak tests). */
  async whenIdle(): Promise<void> {
    for (;;) {
      if (this.sending > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.sending === 0) return;
    }
  }

  private newEntry(query: PlannedQuery): Entry {
    const state: QueryState = {
      queryId: query.id,
      records: null,
      fetchedAt: null,
      error: null,
      errorKind: null,
      consecutiveFailures: 0,
      refreshMs: query.refreshMs,
    };
    return { query, state, dueAt: this.clock.now(), running: false };
  }

  /** Start every due query the concurrency and the budget allow; arm a timer for the next moment. */
  private pump(): void {
    if (this.stopped || !this.active) return;
    const now = this.clock.now();
    const maxConcurrent = this.options.maxConcurrent ?? 3;
    let running = [...this.entries.values()].filter((entry) => entry.running).length;
    const due = [...this.entries.values()]
      .filter((e) => !e.running && e.dueAt <= now)
      .sort((a, b) => a.dueAt - b.dueAt);
    for (const entry of due) {
      if (running >= maxConcurrent) break;
      if (this.options.budget.nextSlot(now) > now) break;
      running++;
      void this.refresh(entry);
    }
    this.armTimer();
  }

  private armTimer(): void {
    if (this.stopped || !this.active) return;
    const now = this.clock.now();
    const idle = [...this.entries.values()].filter((entry) => !entry.running);
    if (idle.length === 0) return;
    const nextDue = Math.min(...idle.map((entry) => entry.dueAt));
    const at = Math.max(nextDue, this.options.budget.nextSlot(now), now + 1);
    if (at >= this.timerAt && this.timer !== null) return;
    this.cancelTimer();
    this.timerAt = at;
    this.timer = this.clock.setTimer(() => {
      this.timer = null;
      this.timerAt = Infinity;
      this.pump();
    }, at - now);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.clock.clearTimer(this.timer);
    this.timer = null;
    this.timerAt = Infinity;
  }

  private async refresh(entry: Entry): Promise<void> {
    entry.running = true;
    const startedAt = this.clock.now();
    try {
      const records = await this.fetchAllPages(entry.query);
      if (this.entries.get(entry.query.id) !== entry) return;
      entry.state = {
        ...entry.state,
        records,
        fetchedAt: this.clock.now(),
        error: null,
        errorKind: null,
        consecutiveFailures: 0,
      };
      entry.dueAt = Math.max(startedAt + entry.query.refreshMs, this.clock.now() + 1);
    } catch (error) {
      this.recordFailure(entry, failureFromError(error));
    } finally {
      entry.running = false;
      this.emit();
      this.pump();
    }
  }

  private recordFailure(entry: Entry, failure: QueryFailure): void {
    if (failure.kind === 'cancelled' || this.stopped) return;
    const failures = entry.state.consecutiveFailures + 1;
    const now = this.clock.now();
    entry.state = {
      ...entry.state,
      error: failure.message,
      errorKind: failure.kind,
      consecutiveFailures: failures,
    };
    // A refused query will be refused again: retry slowly. An unreadable answer is more likely a
    // passing glitch (a proxy page, a truncated body), so it backs off like a 5xx.
    if (failure.kind === 'rejected') {
      entry.dueAt = now + Math.max(entry.query.refreshMs, REJECTED_RETRY_MIN_MS);
    } else if (failure.kind === 'rateLimited') {
      // The budget now blocks every query until the penalty is over; this one goes first after it.
      entry.dueAt = now;
    } else {
      // Backed off, but never beyond the query's own interval: once a fault ends, the board is Live
      // again within one refresh, however long the outage was.
      const delay = backoffDelay(failures, this.options.backoff ?? DEFAULT_BACKOFF);
      entry.dueAt = now + Math.min(delay, entry.query.refreshMs);
    }
    if (failure.kind === 'auth') this.options.onAuthProblem?.();
    this.options.log?.(`query ${entry.query.id} failed (${failure.kind}): ${failure.message}`);
  }

  private async fetchAllPages(query: PlannedQuery): Promise<ResultRecord[]> {
    const records: ResultRecord[] = [];
    const asOf = new Date(this.clock.now());
    for (let page = 1; page <= MAX_PAGES; page++) {
      const response = await this.send(query, asOf, page);
      let parsed: { records: ResultRecord[]; totalPages: number | null };
      try {
        parsed = this.options.codec.parse(query, response.body);
      } catch (error) {
        const detail = response.body === undefined ? 'the answer was not valid JSON' : errorText(error);
        throw new QueryFailure(
          'invalidResponse',
          `RingCentral sent an answer Callboard cannot read: ${detail}`,
        );
      }
      records.push(...parsed.records);
      if (parsed.totalPages === null || page >= parsed.totalPages) return records;
    }
    return records;
  }

  /** Wait for budget, send one request, learn from its headers; any non-2xx becomes a QueryFailure. */
  private async send(query: PlannedQuery, asOf: Date, page: number): Promise<ApiResponse> {
    await this.acquireBudget();
    const { budget, transport } = this.options;
    const request = this.options.codec.request(query, asOf, page);
    const controller = new AbortController();
    this.controllers.add(controller);
    this.sending++;
    this.sentCount++;
    try {
      const response = await transport({
        method: 'POST',
        ...request,
        timeoutMs: this.options.requestTimeoutMs,
        signal: controller.signal,
      });
      const now = this.clock.now();
      const failure =
        response.status >= 200 && response.status < 300 ? null : failureFromResponse(response, now);
      // A 429's "Remaining: 0" describes the penalty, not our usage: Retry-After alone decides.
      if (failure?.kind === 'rateLimited') budget.penalize(failure.retryAfterSeconds, now);
      else budget.observe(response.headers, now);
      if (failure) throw failure;
      return response;
    } finally {
      this.controllers.delete(controller);
      this.sending--;
      if (this.sending === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
    }
  }

  /** Wait for a slot and take it in the same step, so concurrent queries can never overspend. */
  private async acquireBudget(): Promise<void> {
    for (;;) {
      if (this.stopped) throw new QueryFailure('cancelled', 'stopped');
      const now = this.clock.now();
      const slot = this.options.budget.nextSlot(now);
      if (slot <= now) {
        this.options.budget.record(now);
        return;
      }
      await new Promise<void>((resolve) => this.clock.setTimer(resolve, slot - now));
    }
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
