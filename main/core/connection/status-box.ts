import type { ConnectionStatus } from '../../../contract/connection';

/**
 * The connection's status and its listeners. Listeners hear only real changes, so a refresh that
 * leaves everything the renderer sees as it was does not cause a new snapshot.
 */
export class StatusBox {
  private value: ConnectionStatus;
  private readonly listeners = new Set<(status: ConnectionStatus) => void>();

  constructor(initial: ConnectionStatus) {
    this.value = Object.freeze({ ...initial });
  }

  get current(): ConnectionStatus {
    return this.value;
  }

  set(change: Partial<ConnectionStatus>): void {
    const next = Object.freeze({ ...this.value, ...change });
    if (JSON.stringify(next) === JSON.stringify(this.value)) return;
    this.value = next;
    for (const listener of [...this.listeners]) {
      try {
        listener(next);
      } catch {
        // A failing listener must not stop the others or the connection.
      }
    }
  }

  /** Returns the function that unsubscribes. */
  subscribe(listener: (status: ConnectionStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
