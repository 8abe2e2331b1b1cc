import { errorText } from '../../contract/error-text';
import { findJsonSyntaxError } from './settings/json-syntax';

/**
 * Every JSON text from outside (settings.json, board files, request bodies) is read the same way:
 * a UTF-8 byte-order mark is dropped (Windows editors add one), a syntax error names its line and
 * column, and nesting deeper than any Callboard document needs is refused by name before anything
 * walks it (10,000 nested arrays would otherwise end in "Maximum call stack size exceeded").
 */

/** Deeper than any settings or board document (a tile's call filters sit about 10 levels down). */
export const MAX_JSON_DEPTH = 64;

export type JsonText = { ok: true; value: unknown } | { ok: false; problem: string };

export function readJsonText(text: string): JsonText {
  const body = text.replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const where = findJsonSyntaxError(body);
    return {
      ok: false,
      problem: where ? `${where.message} at line ${where.line}, column ${where.column}` : errorText(error),
    };
  }
  const depth = depthOf(value);
  if (depth > MAX_JSON_DEPTH) {
    return { ok: false, problem: `it nests more than ${MAX_JSON_DEPTH} levels deep, the most allowed` };
  }
  return { ok: true, value };
}

/** How deep arrays and objects nest, counted without recursion (the input may be hostile). */
function depthOf(root: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[root, 1]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [value, depth] = next;
    if (typeof value !== 'object' || value === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_JSON_DEPTH) return deepest;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return deepest;
}
