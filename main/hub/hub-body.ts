import type { FastifyBodyParser, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { readJsonText } from '../core/json-text';

/**
 * Request bodies: JSON of at most 1 MB (Fastify enforces the limit), an empty body meaning no
 * request value. Bodies are read whatever their Content-Type for now; when state-changing requests
 * must be JSON, `acceptAnyBody` is the one place that refuses the others.
 */

export const MAX_BODY = 1_000_000;

/** Fastify's parser for every body: a named 400 for anything that is not JSON. */
export const parseJsonBody: FastifyBodyParser<string> = (_request, body, done) => {
  const text = body.trim();
  if (text === '') {
    done(null, undefined);
    return;
  }
  const read = readJsonText(text);
  if (!read.ok) {
    const refused = Object.assign(new Error(`The request body is not valid JSON (${read.problem})`), {
      statusCode: 400,
    });
    done(refused, undefined);
    return;
  }
  done(null, read.value);
};

/**
 * An onRequest hook for routes that take a body. Fastify answers a malformed Content-Type with its
 * own 415 before any parser runs; until JSON is required, the body is read as JSON whatever it says.
 */
export function acceptAnyBody(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: HookHandlerDoneFunction,
): void {
  // The setter overlays these headers on the raw ones; the raw request keeps what the client sent.
  if (request.headers['content-type'] !== undefined) request.headers = { 'content-type': 'application/json' };
  done();
}
