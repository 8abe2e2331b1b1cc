import type { InvokeChannel, InvokeResult } from '../../contract/bridge';
import type { BoardSnapshot } from '../../contract/snapshot';

/**
 * What a host serves screens from: the latest snapshot and its stream, Bridge invokes, and which
 * screens are watching. The core implements it; the hub and the Electron shell depend on this
 * interface only, so they can be tested against a stand-in and the core never knows its hosts.
 */
export interface ScreenCore {
  snapshot(): BoardSnapshot | null;
  onSnapshot(listener: (snapshot: BoardSnapshot) => void): () => void;
  invoke(
    channel: InvokeChannel,
    request: unknown,
    context: { screenId: string },
  ): Promise<InvokeResult<InvokeChannel>>;
  /** A screen connected (true) or went away (false): the poller pauses when none are watching. */
  screenVisible(screenId: string, visible: boolean): void;
}
