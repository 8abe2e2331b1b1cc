import type { FastifyBodyParser } from 'fastify';
import { readJsonText } from '../core/json-text';

/**
 * Request bodies: JSON of at most 1 MB (Fastify enforces the limit), an empty body meaning no
 * request value. Only application/json gets this far (hub-admission.ts refuses other POSTs); the
 * text is read like every JSON text from outside: BOM dropped, syntax placed, nesting bounded.
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
