import type { BoardSnapshot } from '../../contract/snapshot';
import type { Clock } from './poller/clock';
import { sameContent } from './snapshot-assembly';

/**
 * Hands snapshots to screens: changes that come in a burst (a poller round, a replan) are coalesced
 * into one snapshot, one that shows nothing new is not sent again (except every 15 s, so ages keep
 * moving), and each carries a sequence number one higher than the last one sent.
 */

const COALESCE_MS = 50;
const RESEND_SAME_AFTER_MS = 15_000;

export class SnapshotPublisher {
  private latest: BoardSnapshot | null = null;
  private sequence = 0;
  private readonly listeners = new Set<(snapshot: BoardSnapshot) => void>();
  private pending: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(
    private readonly clock: Clock,
    /** Builds the snapshot of everything as it is now, numbered `sequence`. */
    private readonly build: (sequence: number) => BoardSnapshot,
  ) {}

  current(): BoardSnapshot | null {
    return this.latest;
  }

  onSnapshot(listener: (snapshot: BoardSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Something changed: publish a snapshot shortly, together with whatever else changes meanwhile. */
  schedule(): void {
    if (this.pending || this.stopped) return;
    this.pending = setTimeout(() => {
      this.pending = null;
      this.publish();
    }, COALESCE_MS);
    this.pending.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.pending) clearTimeout(this.pending);
  }

  private publish(): void {
    const next = this.build(this.sequence + 1);
    const latest = this.latest;
    if (
      latest &&
      sameContent(latest, next) &&
      this.clock.now() - Date.parse(latest.generatedAt) < RESEND_SAME_AFTER_MS
    )
      return;
    this.sequence = next.sequence;
    this.latest = next;
    for (const listener of this.listeners) listener(next);
  }
}
