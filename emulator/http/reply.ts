import type { FastifyReply } from 'fastify';
import { ApiError } from '../analytics/errors';
import type { FaultInjector } from './faults';
import { OAuthError } from './oauth';

/**
 * What the emulator answers: a route's Reply, RingCentral's canned errors and the answers of injected
 * faults, written to Fastify's reply with the caller's extra headers (the rate-limit ones).
 */

/** What a route handler returns; the server adds headers and serialises. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Send this text as-is instead of JSON-serialising `body` (malformed-response faults). */
  raw?: string;
}

/** The fault that decides a response, chosen before the body is read. */
export type Terminal = ReturnType<FaultInjector['take']>['terminal'];

export const json = (body: unknown, status = 200): Reply => ({ status, body });

/** RingCentral's limit on a request body; larger ones answer 413 CMN-104. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export const bodyTooLarge = (): ApiError =>
  new ApiError(413, [{ errorCode: 'CMN-104', message: 'Request body is too large' }]);

export function parseJsonBody(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8') || 'null');
  } catch {
    throw new ApiError(400, [{ errorCode: 'CMN-103', message: "JSON can't be parsed" }]);
  }
}

/** Writes a Reply; a client that has gone away (say, during a latency fault) gets nothing. */
export function send(reply: FastifyReply, result: Reply, extraHeaders: Record<string, string> = {}): void {
  if (reply.sent || reply.raw.destroyed) return;
  const headers: Record<string, string> = { ...extraHeaders, ...result.headers };
  let payload: string | undefined;
  if (result.raw !== undefined) {
    payload = result.raw;
    headers['Content-Type'] ??= 'application/json';
  } else if (result.body !== undefined) {
    payload = JSON.stringify(result.body);
    headers['Content-Type'] ??= 'application/json; charset=utf-8';
  }
  void reply.code(result.status).headers(headers).send(payload);
}

export const NOT_FOUND: Reply = {
  status: 404,
  body: { errors: [{ errorCode: 'CMN-102', message: 'Resource for parameter [path] is not found' }] },
};
export const LOOPBACK_ONLY: Reply = {
  status: 403,
  body: { errors: [{ errorCode: 'CMN-403', message: 'Control plane is loopback-only' }] },
};
export const INTERNAL: Reply = {
  status: 500,
  body: { errors: [{ errorCode: 'CMN-500', message: 'Internal Server Error' }] },
};

const MALFORMED =
  '{"paging":{"page":1,"perPage":20,"totalPages":1,"totalElements":1},"data":{"groupedBy":"Us';
const SCHEMA_VIOLATION = {
  paging: { page: 'first' },
  data: {
    groupedBy: 42,
    records: [{ id: 7, counters: { allCalls: { valueType: 'Lots', values: 'many' } } }],
  },
};

/** A thrown error as RingCentral would answer it; anything not an API error is a 500. */
export function errorReply(error: unknown): Reply {
  if (error instanceof ApiError) return { status: error.status, body: error.body(), headers: error.headers };
  if (error instanceof OAuthError) return { status: error.status, body: error.body() };
  return INTERNAL;
}

/** The answer a `status`, `malformed` or `schema` fault gives instead of the handler's. */
export function faultReply(fault: NonNullable<Terminal>): Reply | null {
  switch (fault.type) {
    case 'status': {
      const headers: Record<string, string> =
        fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};
      const body = fault.body ?? {
        errors: [
          {
            errorCode: fault.status === 429 ? 'CMN-301' : 'CMN-500',
            message: `Injected ${fault.status} fault`,
          },
        ],
      };
      return { status: fault.status, body, headers };
    }
    case 'malformed':
      return { status: 200, raw: MALFORMED };
    case 'schema':
      return { status: 200, body: SCHEMA_VIOLATION };
    default:
      return null;
  }
}
