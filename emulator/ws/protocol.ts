import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/**
 * RingCentral's WebSocket message format: every message is a JSON array `[meta, body?]`. The client
 * sends `ClientRequest` (a REST call: messageId, method, path, headers, query; the body second) and
 * `Heartbeat`; the gateway sends `ConnectionDetails` first, answers requests with meta type
 * `ClientRequest` (the request's messageId, status, headers), answers heartbeats, pushes
 * `ServerNotification`s and reports problems with `Error`. Meta of ConnectionDetails and
 * notifications carries `wsc` {token, sequence} for session recovery.
 */

const MessageId = z.string().min(1).max(200);

const ClientRequestMeta = z.object({
  type: z.literal('ClientRequest'),
  messageId: MessageId,
  method: z.string().regex(/^[A-Za-z]{1,10}$/, 'must be an HTTP method'),
  path: z.string().min(1).max(2000),
  headers: z.record(z.string(), z.unknown()).optional(),
  query: z.record(z.string(), z.unknown()).nullable().optional(),
});

const HeartbeatMeta = z.object({ type: z.literal('Heartbeat'), messageId: MessageId });

export type ClientRequest = z.infer<typeof ClientRequestMeta> & { body: unknown };

export type Inbound =
  | { kind: 'request'; request: ClientRequest }
  | { kind: 'heartbeat'; messageId: string }
  | { kind: 'invalid'; messageId: string | null; message: string };

/** Reads one text frame; never throws, whatever the client sent. */
export function parseInbound(text: string): Inbound {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'invalid', messageId: null, message: 'Message is not valid JSON' };
  }
  if (!Array.isArray(json) || json.length < 1 || json.length > 2) {
    return invalid(null, 'Message must be a JSON array [meta] or [meta, body]');
  }
  const [meta, body] = json as [unknown, unknown];
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) {
    return invalid(null, 'The first element of a message must be an object');
  }
  const record = meta as Record<string, unknown>;
  const messageId = typeof record.messageId === 'string' ? record.messageId.slice(0, 200) : null;
  if (record.type === 'Heartbeat') {
    const heartbeat = HeartbeatMeta.safeParse(meta);
    return heartbeat.success
      ? { kind: 'heartbeat', messageId: heartbeat.data.messageId }
      : invalid(messageId, `Heartbeat ${issueText(heartbeat.error)}`);
  }
  if (record.type === 'ClientRequest') {
    const request = ClientRequestMeta.safeParse(meta);
    return request.success
      ? { kind: 'request', request: { ...request.data, body } }
      : invalid(messageId, `ClientRequest ${issueText(request.error)}`);
  }
  const type = typeof record.type === 'string' ? record.type.slice(0, 100) : String(record.type);
  return invalid(messageId, `Unknown message type [${type}]; expected ClientRequest or Heartbeat`);
}

function invalid(messageId: string | null, message: string): Inbound {
  return { kind: 'invalid', messageId, message };
}

function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || 'meta'}: ${issue?.message ?? 'is invalid'}`;
}

export interface Wsc {
  readonly token: string;
  readonly sequence: number;
}

type Frame = readonly [Record<string, unknown>] | readonly [Record<string, unknown>, unknown];

const requestHeaders = () => ({ RCRequestId: randomUUID() });

export function connectionDetails(wsc: Wsc, details: Record<string, unknown>): Frame {
  const id = randomUUID();
  return [
    { type: 'ConnectionDetails', messageId: id, status: 200, wsc, headers: { RCRequestId: id } },
    details,
  ];
}

/** The answer to a ClientRequest: meta type `ClientRequest`, as the official client expects. */
export function clientResponse(
  messageId: string,
  status: number,
  headers: Record<string, string>,
  body: unknown,
): Frame {
  const meta = { type: 'ClientRequest', messageId, status, headers: { ...requestHeaders(), ...headers } };
  return body === undefined ? [meta] : [meta, body];
}

export function serverNotification(wsc: Wsc, body: unknown): Frame {
  return [
    { type: 'ServerNotification', messageId: randomUUID(), status: 200, headers: requestHeaders(), wsc },
    body,
  ];
}

export function heartbeat(messageId: string = randomUUID()): Frame {
  return [{ type: 'Heartbeat', messageId }];
}

/** An `Error` message: the body is RingCentral's error entry (errorCode, message). */
export function errorMessage(
  messageId: string | null,
  status: number,
  errorCode: string,
  message: string,
): Frame {
  return [
    { type: 'Error', messageId: messageId ?? randomUUID(), status, headers: requestHeaders() },
    { errorCode, message, errors: [{ errorCode, message }] },
  ];
}

export function encode(frame: Frame): string {
  return JSON.stringify(frame);
}

export type { Frame };
