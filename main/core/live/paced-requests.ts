import type { Clock } from '../poller/clock';
import { RateBudget } from '../poller/rate-budget';

/**
 * The live path's REST reads, each in its RingCentral rate-limit group with its own budget (the
 * poller's RateBudget per group): extension and call-queue presence are Light, the call-queue list
 * is Medium, the account's presence Heavy (not used: per-extension reads of the followed queues'
 * members cost less of a scarcer budget). A request waits for its group's next slot, and learns from
 * the X-Rate-Limit headers and a 429's Retry-After.
 */

export type RateGroup = 'light' | 'medium' | 'heavy';

export interface PacedGet {
  (group: RateGroup, path: string): Promise<unknown>;
}

export interface SendGet {
  (path: string): Promise<{ json: unknown; headers: Record<string, string> }>;
}

/** A share of each group's limit: the poller spends the rest of Light on analytics. */
export const LIVE_BUDGET_SHARE = 0.4;

export class PacedRequests {
  readonly budgets: Record<RateGroup, RateBudget> = {
    light: new RateBudget({ share: LIVE_BUDGET_SHARE, limit: 50 }),
    medium: new RateBudget({ share: LIVE_BUDGET_SHARE, limit: 40 }),
    heavy: new RateBudget({ share: LIVE_BUDGET_SHARE, limit: 10 }),
  };

  constructor(
    private readonly clock: Clock,
    private readonly send: SendGet,
  ) {}

  async get(group: RateGroup, path: string): Promise<unknown> {
    const budget = this.budgets[group];
    // Check and record with no await between them: requests started together cannot all take one slot.
    for (let slot = budget.nextSlot(this.clock.now()); slot > this.clock.now();) {
      await this.waitUntil(slot);
      slot = budget.nextSlot(this.clock.now());
    }
    budget.record(this.clock.now());
    try {
      const answer = await this.send(path);
      budget.observe(answer.headers, this.clock.now());
      return answer.json;
    } catch (error) {
      const status = (error as { response?: { status?: number; headers?: Headers } }).response;
      if (status?.status === 429) {
        const retryAfter = Number(status.headers?.get('retry-after'));
        budget.penalize(Number.isFinite(retryAfter) ? retryAfter : null, this.clock.now());
      }
      throw error;
    }
  }

  private waitUntil(at: number): Promise<void> {
    return new Promise((resolve) => this.clock.setTimer(resolve, Math.max(0, at - this.clock.now())));
  }
}
