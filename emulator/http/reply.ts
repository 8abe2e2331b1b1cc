import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from '../analytics/errors';

/** What a route handler returns; the server adds headers and serialises. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Send this text as-is instead of JSON-serialising `body` (malformed-response faults). */
  raw?: string;
}

export const json = (body: unknown, status = 200): Reply => ({ status, body });

const MAX_BODY_BYTES = 2 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      throw new ApiError(413, [{ errorCode: 'CMN-104', message: 'Request body is too large' }]);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function parseJsonBody(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8') || 'null');
  } catch {
    throw new ApiError(400, [{ errorCode: 'CMN-103', message: "JSON can't be parsed" }]);
  }
}

export function send(res: ServerResponse, reply: Reply, extraHeaders: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string> = { ...extraHeaders, ...reply.headers };
  let payload: string | undefined;
  if (reply.raw !== undefined) {
    payload = reply.raw;
    headers['Content-Type'] ??= 'application/json';
  } else if (reply.body !== undefined) {
    payload = JSON.stringify(reply.body);
    headers['Content-Type'] ??= 'application/json; charset=utf-8';
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}
