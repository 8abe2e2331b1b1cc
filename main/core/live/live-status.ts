import type { LivePermission, LiveStatus } from '../../../contract/live';
import type { Clock } from '../poller/clock';
import { missingMessage } from './missing-permissions';

/**
 * How fresh live state is. connecting until the first state; live while signs of life (a message on
 * the socket: event, heartbeat answer, connection details) arrive; stale once nothing has arrived
 * for one heartbeat interval or the socket is down, with since when; live again on the next sign of
 * life; unavailable when a permission is missing. `asOf` is the last moment state was known current.
 */

export interface StatusTrackerOptions {
  clock: Clock;
  heartbeatIntervalMs: number;
  onChange: () => void;
}

const iso = (time: number | null) => (time === null ? null : new Date(time).toISOString());

export class LiveStatusTracker {
  private state: LiveStatus['state'] = 'off';
  private lastAlive: number | null = null;
  private staleSince: number | null = null;
  private missing: LivePermission[] = [];
  private silenceTimer: unknown = null;

  constructor(private readonly options: StatusTrackerOptions) {}

  status(): LiveStatus {
    const base = { asOf: iso(this.lastAlive), missingPermissions: [...this.missing] };
    if (this.state === 'stale') {
      const since = iso(this.staleSince);
      return { ...base, state: 'stale', message: `No live updates since ${since ?? 'the start'}` };
    }
    if (this.state === 'unavailable')
      return { ...base, state: 'unavailable', message: missingMessage(this.missing) };
    return { ...base, state: this.state, message: null };
  }

  connecting(): void {
    this.set('connecting');
  }

  off(): void {
    this.stopTimer();
    this.set('off');
  }

  /** Something arrived that proves the state current now. */
  alive(): void {
    if (this.state === 'unavailable' || this.state === 'off') return;
    this.lastAlive = this.options.clock.now();
    this.staleSince = null;
    this.armSilenceTimer();
    this.set('live');
  }

  /** The socket is down (or known broken): stale at once, since the last sign of life. */
  down(): void {
    if (this.state !== 'live' && this.state !== 'connecting') return;
    this.stopTimer();
    this.staleSince = this.lastAlive ?? this.options.clock.now();
    this.set(this.lastAlive === null ? 'connecting' : 'stale');
  }

  unavailable(missing: readonly LivePermission[]): void {
    this.stopTimer();
    this.missing = [...new Set([...this.missing, ...missing])];
    this.set('unavailable');
  }

  /** Silent for longer than a heartbeat interval, as the timer saw it. */
  get silent(): boolean {
    return this.state === 'stale';
  }

  private armSilenceTimer(): void {
    this.stopTimer();
    const { clock, heartbeatIntervalMs } = this.options;
    this.silenceTimer = clock.setTimer(() => {
      this.silenceTimer = null;
      if (this.state !== 'live') return;
      this.staleSince = this.lastAlive;
      this.set('stale');
    }, heartbeatIntervalMs);
  }

  private stopTimer(): void {
    if (this.silenceTimer !== null) this.options.clock.clearTimer(this.silenceTimer);
    this.silenceTimer = null;
  }

  private set(state: LiveStatus['state']): void {
    if (this.state === state) return;
    this.state = state;
    this.options.onChange();
  }
}
