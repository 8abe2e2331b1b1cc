import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../../../main/core/settings/json-syntax';

/** The scanner that tells people where their hand-edited JSON goes wrong. */

describe('findJsonSyntaxError', () => {
  it('agrees with JSON.parse about what is valid', () => {
    const samples = [
      '{}',
      ' [1, -2.5e3, "a\\n\\u00e9", true, false, null, {"x": [[]]}] ',
      '"just a string"',
      '0',
      '{"a": }',
      '[1, 2,]',
      '{"a": 1',
      '{"a": 1} x',
      '{a: 1}',
      "{'a': 1}",
      '[01]',
      '[1.]',
      '["\\x"]',
      '["\\u12"]',
      '["tab\there"]',
      'tru',
      '',
      '   ',
      '[-]',
    ];
    for (const sample of samples) {
      let valid = true;
      try {
        JSON.parse(sample);
      } catch {
        valid = false;
      }
      expect(findJsonSyntaxError(sample) === null, JSON.stringify(sample)).toBe(valid);
    }
  });

  it('gives the line and column of the first mistake', () => {
    const text = '{\n  "a": 1,\n  "b": [1, 2,],\n}';
    const problem = findJsonSyntaxError(text);
    expect(problem).toEqual({
      message: 'unexpected "]"',
      offset: text.indexOf(']'),
      line: 3,
      column: text.split('\n')[2]!.indexOf(']') + 1,
    });
  });

  it('names what it expected', () => {
    expect(findJsonSyntaxError('{"a" 1}')?.message).toBe('expected ":" after the property name, found "1"');
    expect(findJsonSyntaxError('[1 2]')?.message).toBe('expected "," or "]", found "2"');
    expect(findJsonSyntaxError('{"a": 1')?.message).toBe('expected "," or "}", found end of file');
    expect(findJsonSyntaxError('{} {}')?.message).toBe('unexpected "{" after the end of the JSON value');
    expect(findJsonSyntaxError('"a\nb"')?.message).toBe('a line break or control character inside a string');
  });
});
