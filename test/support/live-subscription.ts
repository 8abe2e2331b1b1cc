import { SDK } from '@ringcentral/sdk';
import { Subscriptions } from '@ringcentral/subscriptions';
import type WebSocketExtension from '@rc-ex/ws';
import type WsSubscription from '@rc-ex/ws/subscription';

const RECOVERY_EVENTS = ['autoRecoverSuccess', 'autoRecoverFailed', 'autoRecoverError'] as const;

/**
 * @ringcentral/subscriptions loads @rc-ex/ws as CommonJS and a test would import the ES build, two
 * different classes: the extension is recognised by what it has, not by instanceof.
 */
function isWsExtension(ext: unknown): ext is WebSocketExtension {
  return typeof ext === 'object' && ext !== null && 'eventEmitter' in ext && 'wsTokenExpiresAt' in ext;
}

/**
 * The real @ringcentral/subscriptions client (and the @rc-ex/ws extension it drives) signed in to an
 * emulator with the real @ringcentral/sdk: what the core uses in production. Keeps every
 * notification and the extension's recovery events, and tears the client down without waiting on a
 * socket a test has broken.
 */

export interface LiveApp {
  clientId: string;
  clientSecret: string;
  jwt: string;
}

export interface Notification {
  uuid: string;
  event: string;
  timestamp: string;
  subscriptionId: string;
  ownerId: string;
  body: Record<string, unknown>;
}

export class LiveClient {
  readonly notifications: Notification[] = [];
  /** @rc-ex/ws events as they happen: autoRecoverSuccess, autoRecoverFailed, autoRecoverError. */
  readonly recoveries: Array<{ event: string; detail: string }> = [];
  /** 'error' events of the extension's sockets after the first (see watchWhenInstalled). */
  readonly socketErrors: string[] = [];
  readonly sdk: SDK;
  readonly subscriptions: Subscriptions;
  wsSubscription: WsSubscription | null = null;

  constructor(server: string, app: LiveApp) {
    this.sdk = new SDK({ server, clientId: app.clientId, clientSecret: app.clientSecret });
    this.subscriptions = new Subscriptions({ sdk: this.sdk });
  }

  static async signIn(server: string, app: LiveApp): Promise<LiveClient> {
    const client = new LiveClient(server, app);
    await client.sdk.platform().login({ jwt: app.jwt });
    return client;
  }

  /** Subscribes to `filters` as the core does: createSubscription, setEventFilters, register. */
  async subscribe(filters: string[]): Promise<WsSubscription> {
    const subscription = this.subscriptions.createSubscription();
    subscription.on(subscription.events.notification, (event: Notification) =>
      this.notifications.push(event),
    );
    const registered = subscription.setEventFilters(filters).register();
    // The extension exists before register() settles; watch its recovery events from the start.
    void this.watchWhenInstalled();
    this.wsSubscription = await registered;
    return this.wsSubscription;
  }

  /** The WebSocket extension the subscription runs on (installed by register()). */
  get extension(): WebSocketExtension {
    const found = this.subscriptions.rc.sdkExtensions.find(isWsExtension);
    if (!found) throw new Error('no WebSocket extension installed yet');
    return found;
  }

  since(count: number): Notification[] {
    return this.notifications.slice(count);
  }

  /** Stops the client's timers and socket without sending anything (the socket may be stalled). */
  close(): void {
    for (const ext of this.subscriptions.rc.sdkExtensions) {
      if (!isWsExtension(ext)) continue;
      clearInterval(ext.intervalHandle);
      clearTimeout(ext.pingServerHandle);
      ext.disable();
      ext.ws?.terminate();
    }
  }

  private async watchWhenInstalled(): Promise<void> {
    for (let i = 0; i < 200; i++) {
      const found = this.subscriptions.rc.sdkExtensions.find(isWsExtension);
      if (found) {
        // @rc-ex/ws listens for no 'error' on its sockets: a refused or failed connection would be an
        // uncaught exception. A client must listen on every new socket, as this one does.
        found.eventEmitter.on(
          'newWebSocketObject',
          (ws: { on?: (event: string, listener: (error: Error) => void) => void }) => {
            ws.on?.('error', (error) => this.socketErrors.push(error.message));
          },
        );
        for (const event of RECOVERY_EVENTS) {
          found.eventEmitter.on(event, (detail: unknown) => {
            this.recoveries.push({ event, detail: detail instanceof Error ? detail.message : String(event) });
          });
        }
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}
