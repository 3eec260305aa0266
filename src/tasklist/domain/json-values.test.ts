import { describe, expect, it } from 'vitest';
import { parseVariableInputs } from './json-values';

describe('parseVariableInputs', () => {
  it('accepts JSON text of every kind and normalises it', () => {
    const values = parseVariableInputs([
      { name: 's', value: '"approved"' },
      { name: 'n', value: '42' },
      { name: 'b', value: 'true' },
      { name: 'o', value: '{ "amount": 12.5, "items": [1, 2] }' },
      { name: 'z', value: 'null' },
    ]);
    expect(Object.fromEntries(values)).toEqual({
      s: '"approved"',
      n: '42',
      b: 'true',
      o: '{"amount":12.5,"items":[1,2]}',
      z: 'null',
    });
  });

  it('lets the last of two same-named entries win', () => {
    const values = parseVariableInputs([
      { name: 'x', value: '1' },
      { name: 'x', value: '2' },
    ]);
    expect([...values]).toEqual([['x', '2']]);
  });

  it("gives Jackson's message for a bare word", () => {
    expect(() =>
      parseVariableInputs([{ name: 'approved', value: 'yes' }]),
    ).toThrow(
      "Unrecognized token 'yes': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
    );
  });

  it('explains other mistakes with the variable name', () => {
    expect(() => parseVariableInputs([{ name: 'o', value: '{"a":1' }])).toThrow(
      /^Invalid JSON value for variable 'o': .+/,
    );
    expect(() => parseVariableInputs([{ name: 'e', value: '  ' }])).toThrow(
      `Invalid JSON value for variable 'e': the value is empty (send "\\"\\"" for an empty string, "null" for null)`,
    );
    expect(() =>
      parseVariableInputs([{ name: 't', value: 'true false' }]),
    ).toThrow(/^Invalid JSON value for variable 't': /);
  });
});
