import { randomBytes } from 'node:crypto';
import type { WsGrant } from './ws-tokens';
import type { Wsc } from './protocol';

/**
 * A gateway session: what survives a lost socket for the recovery timeout. It is named by its `wsc`
 * token, numbers the messages it delivers (`wsc.sequence`), holds the socket attached now (if any)
 * and, while none is, keeps the latest notifications for the client that comes back with the token.
 */

export interface SessionSocket {
  /** Sends a frame's text now (unless the socket is stalled). */
  deliver(text: string): void;
}

export class WsSession {
  readonly wscToken = randomBytes(18).toString('base64url');
  readonly createdAt: number;
  private sequence = 0;
  socket: SessionSocket | null = null;
  /** When the last socket went away; null while one is attached. */
  disconnectedAt: number | null = null;
  /** Notifications waiting for the client to recover the session, oldest first. */
  private readonly buffer: Array<(wsc: Wsc) => string> = [];

  constructor(
    readonly grant: WsGrant,
    now: number,
  ) {
    this.createdAt = now;
  }

  get ownerId(): string {
    return this.grant.ownerId;
  }

  get clientId(): string {
    return this.grant.clientId;
  }

  get buffered(): number {
    return this.buffer.length;
  }

  /** The next `wsc` to stamp a message with. */
  nextWsc(): Wsc {
    return { token: this.wscToken, sequence: ++this.sequence };
  }

  currentWsc(): Wsc {
    return { token: this.wscToken, sequence: this.sequence };
  }

  /** Delivers a notification now, or keeps it (the newest `limit`) until the session is recovered. */
  notify(render: (wsc: Wsc) => string, limit: number): 'sent' | 'buffered' {
    if (this.socket) {
      this.socket.deliver(render(this.nextWsc()));
      return 'sent';
    }
    this.buffer.push(render);
    while (this.buffer.length > limit) this.buffer.shift();
    return 'buffered';
  }

  /** Sends what was kept while no socket was attached; returns how many. */
  flush(): number {
    const waiting = this.buffer.splice(0, this.buffer.length);
    for (const render of waiting) this.socket?.deliver(render(this.nextWsc()));
    return waiting.length;
  }
}
