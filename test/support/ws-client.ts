import { randomUUID } from 'node:crypto';
import { WebSocket } from 'ws';

/**
 * A bare RingCentral WebSocket client for tests that look at the protocol itself: signs in with a
 * JWT, asks for a WebSocket token, opens the socket and keeps every message it gets, so a test can
 * wait for one, send requests and heartbeats, and see exactly what the gateway sent.
 */

export type WsMessage = [Record<string, unknown>, unknown?];

export interface App {
  clientId: string;
  clientSecret: string;
  jwt: string;
}

export async function accessToken(baseUrl: string, app: App): Promise<string> {
  const response = await fetch(`${baseUrl}/restapi/oauth/token`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      assertion: app.jwt,
    }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`sign-in failed: ${JSON.stringify(body)}`);
  return body.access_token;
}

export async function wsToken(
  baseUrl: string,
  token: string,
): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}/restapi/oauth/wstoken`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

export class RawWsClient {
  readonly messages: WsMessage[] = [];
  closed: { code: number; reason: string } | null = null;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) =>
      this.messages.push(JSON.parse(data.toString('utf8')) as WsMessage),
    );
    socket.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
    });
  }

  /** Opens `url`; resolves once open (or rejects with the HTTP status of a refused upgrade). */
  static open(url: string): Promise<RawWsClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      const client = new RawWsClient(socket);
      socket.once('open', () => resolve(client));
      socket.once('unexpected-response', (_request, response) =>
        reject(new Error(`HTTP ${response.statusCode}`)),
      );
      socket.once('error', reject);
    });
  }

  /** Waits for the first message (from `from` on) that `match` accepts. */
  async next(match: (message: WsMessage) => boolean, timeoutMs = 5000, from = 0): Promise<WsMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.slice(from).find(match);
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(
          `no matching message in ${timeoutMs} ms; got ${JSON.stringify(this.messages.slice(-5))}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  ofType(type: string): WsMessage[] {
    return this.messages.filter(([meta]) => meta.type === type);
  }

  sendRaw(data: string | Buffer): void {
    this.socket.send(data);
  }

  /** Sends a ClientRequest and waits for its answer. */
  async request(method: string, path: string, body?: unknown, timeoutMs = 5000): Promise<WsMessage> {
    const messageId = randomUUID();
    const frame: unknown[] = [{ type: 'ClientRequest', messageId, method, path, headers: {} }];
    if (body !== undefined) frame.push(body);
    this.socket.send(JSON.stringify(frame));
    return this.next(([meta]) => meta.messageId === messageId, timeoutMs);
  }

  heartbeat(): string {
    const messageId = randomUUID();
    this.socket.send(JSON.stringify([{ type: 'Heartbeat', messageId }]));
    return messageId;
  }

  async waitClosed(timeoutMs = 5000): Promise<{ code: number; reason: string }> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error('socket did not close');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.closed;
  }

  close(): void {
    this.socket.terminate();
  }
}

/** Signs in, takes a WebSocket token and opens the socket (with `wsc` to recover a session). */
export async function connect(baseUrl: string, app: App, wsc?: string): Promise<RawWsClient> {
  const token = await accessToken(baseUrl, app);
  const issued = await wsToken(baseUrl, token);
  if (issued.status !== 200)
    throw new Error(`wstoken answered ${issued.status}: ${JSON.stringify(issued.body)}`);
  const query = `access_token=${String(issued.body.ws_access_token)}${wsc ? `&wsc=${wsc}` : ''}`;
  return RawWsClient.open(`${String(issued.body.uri)}?${query}`);
}

export const SUBSCRIBE = (eventFilters: string[]) => ({
  eventFilters,
  deliveryMode: { transportType: 'WebSocket' },
});
