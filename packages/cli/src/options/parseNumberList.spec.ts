import { describe, expect, it } from 'vitest';
import { catchPolycamError } from './catchPolycamError.testkit.js';
import { parseNumberList } from './parseNumberList.js';

describe('parseNumberList', () => {
  it.each([
    ['0.485,0.456,0.406', [0.485, 0.456, 0.406]],
    [' 0.5 , 0.25,1 ', [0.5, 0.25, 1]],
    ['-1e-3,2E2', [-0.001, 200]],
    ['0', [0]],
    ['.5,+1', [0.5, 1]],
  ])("parses '%s'", (text, expected) => {
    expect(parseNumberList('--mean', text)).toEqual(expected);
  });

  it.each([[''], [','], ['1,,2'], ['1,2,'], ['1,x,3'], ['Infinity'], ['1,NaN'], ['0.5;0.5']])(
    "rejects '%s', naming the flag and the text",
    (text) => {
      const error = catchPolycamError(() => parseNumberList('--std', text));
      expect(error.kind).toBe('invalid-argument');
      expect(error.message).toContain('--std expects comma-separated numbers');
      expect(error.message).toContain(`got '${text}'`);
    },
  );
});
