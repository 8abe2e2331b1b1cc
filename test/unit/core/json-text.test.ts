import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, readJsonText } from '../../../main/core/json-text';

/** JSON from outside is read one way: BOM dropped, syntax errors placed, hostile nesting named. */

describe('readJsonText', () => {
  it('reads JSON, with or without a byte-order mark', () => {
    expect(readJsonText('{"a":[1,2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
    expect(readJsonText('\uFEFF{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it('says where the syntax goes wrong', () => {
    expect(readJsonText('{\n  "a": 1,\n}')).toEqual({
      ok: false,
      problem: 'expected a property name in double quotes, found "}" at line 3, column 1',
    });
  });

  it('refuses nesting deeper than any document needs, by name, without a stack overflow', () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const read = readJsonText(deep);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problem).toBe(
      `it nests more than ${MAX_JSON_DEPTH} levels deep, the most allowed`,
    );
    const justFits = `${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`;
    expect(readJsonText(justFits).ok).toBe(true);
  });
});
