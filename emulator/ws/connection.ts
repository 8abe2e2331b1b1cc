import type { WebSocket } from 'ws';
import type { GatewayOptions } from './options';
import { encode, errorMessage, heartbeat, type Frame } from './protocol';
import type { SessionSocket, WsSession } from './ws-session';

/**
 * One client socket on the gateway: sends frames (none while stalled: a stalled socket stays open
 * but nothing crosses it either way, as on a dead network path), and keeps its own clocks: the idle
 * timeout (nothing sent either way), the absolute timeout, ping frames answered by pongs, and the
 * optional unprompted heartbeats.
 */

export interface ConnectionCounters {
  dropped: number;
  ignored: number;
}

export class WsConnection implements SessionSocket {
  readonly id: number;
  readonly openedAt: number;
  lastActivity: number;
  private lastSent: number;
  private stalledUntil = 0;
  private pingSentAt: number | null = null;
  private lastPing: number;
  private closed = false;
  /** ClientRequests received and not yet answered. */
  activeRequests = 0;

  constructor(
    id: number,
    private readonly socket: WebSocket,
    readonly session: WsSession,
    private readonly counters: ConnectionCounters,
    private readonly now: () => number,
  ) {
    this.id = id;
    this.openedAt = this.lastActivity = this.lastSent = this.lastPing = now();
    socket.on('pong', () => {
      this.pingSentAt = null;
    });
  }

  get stalled(): boolean {
    return this.stalledUntil > this.now();
  }

  get isOpen(): boolean {
    return !this.closed && this.socket.readyState === this.socket.OPEN;
  }

  /** Stop every frame both ways for `seconds` (forever when omitted), without closing. */
  stall(seconds?: number): void {
    this.stalledUntil = seconds === undefined ? Infinity : this.now() + seconds * 1000;
    this.pingSentAt = null;
  }

  unstall(): void {
    this.stalledUntil = 0;
  }

  send(frame: Frame): void {
    this.deliver(encode(frame));
  }

  deliver(text: string): void {
    if (!this.isOpen) return;
    if (this.stalled) {
      this.counters.dropped++;
      return;
    }
    this.socket.send(text);
    this.lastActivity = this.lastSent = this.now();
  }

  /** A frame arrived: whether to handle it (a stalled socket loses it). */
  received(): boolean {
    if (this.stalled) {
      this.counters.ignored++;
      return false;
    }
    this.lastActivity = this.now();
    return true;
  }

  /** Closes with an `Error` message first (timeouts), as the platform announces them. */
  closeWithError(errorCode: string, message: string): void {
    this.send(errorMessage(null, 400, errorCode, message));
    this.close(1000, message);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.close(code, reason.slice(0, 120));
  }

  /** Gone without a closing handshake, as when the network drops. */
  terminate(): void {
    this.closed = true;
    this.socket.terminate();
  }

  /** Timeouts, pings and heartbeats due at `now`. */
  tick(options: GatewayOptions): void {
    if (!this.isOpen || this.stalled) return;
    const now = this.now();
    if (now - this.openedAt >= options.absoluteTimeoutSeconds * 1000) {
      this.closeWithError('WSG-903', 'Absolute timeout expired');
      return;
    }
    if (now - this.lastActivity >= options.idleTimeoutSeconds * 1000) {
      this.closeWithError('WSG-902', 'Idle timeout expired');
      return;
    }
    if (this.pingSentAt !== null && now - this.pingSentAt >= options.pongTimeoutSeconds * 1000) {
      this.terminate();
      return;
    }
    if (options.pingIntervalSeconds > 0 && now - this.lastPing >= options.pingIntervalSeconds * 1000) {
      this.lastPing = now;
      this.pingSentAt ??= now;
      this.socket.ping();
    }
    const beat = options.serverHeartbeatSeconds * 1000;
    if (beat > 0 && now - this.lastSent >= beat) this.send(heartbeat());
  }
}
