import { randomUUID } from 'node:crypto';
import type { EventFilter } from './event-filters';

/**
 * WebSocket subscriptions: which event filters a user and app listen to on which gateway session,
 * until when. A session holds at most one (RingCentral: a new subscription on a socket replaces the
 * old one). A subscription lapses at its expiration time unless renewed, and goes when its session
 * cannot be recovered any more.
 */

export interface DisabledFilter {
  readonly filter: string;
  readonly reason: string;
  readonly message: string;
}

export interface Subscription {
  readonly id: string;
  readonly ownerId: string;
  readonly clientId: string;
  sessionId: string;
  filters: EventFilter[];
  disabled: DisabledFilter[];
  readonly creationTime: number;
  expirationTime: number;
}

export class SubscriptionRegistry {
  private readonly subscriptions = new Map<string, Subscription>();

  constructor(private readonly now: () => number = Date.now) {}

  create(
    init: Omit<Subscription, 'id' | 'creationTime' | 'expirationTime'>,
    ttlSeconds: number,
  ): Subscription {
    const now = this.now();
    const subscription: Subscription = {
      ...init,
      id: randomUUID(),
      creationTime: now,
      expirationTime: now + ttlSeconds * 1000,
    };
    this.subscriptions.set(subscription.id, subscription);
    return subscription;
  }

  /** A live subscription (one past its expiration time is gone). */
  get(id: string): Subscription | undefined {
    const found = this.subscriptions.get(id);
    if (found && found.expirationTime <= this.now()) {
      this.subscriptions.delete(id);
      return undefined;
    }
    return found;
  }

  renew(subscription: Subscription, ttlSeconds: number): void {
    subscription.expirationTime = this.now() + ttlSeconds * 1000;
  }

  remove(id: string): boolean {
    return this.subscriptions.delete(id);
  }

  ofSession(sessionId: string): Subscription | undefined {
    for (const subscription of this.all()) if (subscription.sessionId === sessionId) return subscription;
    return undefined;
  }

  ofOwner(ownerId: string, clientId: string): Subscription[] {
    return this.all().filter((s) => s.ownerId === ownerId && s.clientId === clientId);
  }

  /** Live subscriptions, expired ones dropped on the way. */
  all(): Subscription[] {
    const now = this.now();
    for (const [id, subscription] of this.subscriptions) {
      if (subscription.expirationTime <= now) this.subscriptions.delete(id);
    }
    return [...this.subscriptions.values()];
  }

  /** Every subscription lapses now (fault injection); returns how many there were. */
  expireAll(): number {
    const count = this.subscriptions.size;
    this.subscriptions.clear();
    return count;
  }

  clear(): void {
    this.subscriptions.clear();
  }

  /** SubscriptionInfo, as the platform answers create, renew and read. */
  info(subscription: Subscription, baseUrl: string): Record<string, unknown> {
    const iso = (time: number) => new Date(time).toISOString();
    return {
      uri: `${baseUrl}/restapi/v1.0/subscription/${subscription.id}`,
      id: subscription.id,
      creationTime: iso(subscription.creationTime),
      status: 'Active',
      eventFilters: subscription.filters.map((filter) => filter.uri),
      ...(subscription.disabled.length ? { disabledFilters: subscription.disabled } : {}),
      expirationTime: iso(subscription.expirationTime),
      expiresIn: Math.max(1, Math.round((subscription.expirationTime - this.now()) / 1000)),
      deliveryMode: { transportType: 'WebSocket' },
    };
  }
}
