import { describe, expect, it } from 'vitest';
import { catchPolycamError } from './catchPolycamError.testkit.js';
import { parseInteger } from './parseInteger.js';

describe('parseInteger', () => {
  it.each([
    ['0', 0, 0],
    ['7', 1, 7],
    ['+3', 1, 3],
    [' 12 ', 1, 12],
    ['007', 0, 7],
    ['-2', -5, -2],
    ['9007199254740991', 0, Number.MAX_SAFE_INTEGER],
  ])("accepts '%s' (minimum %d) as %d", (text, minimum, expected) => {
    expect(parseInteger('--n', text, minimum)).toBe(expected);
  });

  it.each([
    ['', 0],
    [' ', 0],
    ['abc', 0],
    ['1.5', 0],
    ['1e3', 0],
    ['0x10', 0],
    ['12px', 0],
    ['Infinity', 0],
    ['9007199254740993', 0],
    ['-1', 0],
    ['0', 1],
  ])("rejects '%s' with minimum %d, naming the flag, the minimum and the text", (text, minimum) => {
    const error = catchPolycamError(() => parseInteger('--batch-size', text, minimum));
    expect(error.kind).toBe('invalid-argument');
    expect(error.message).toBe(`--batch-size expects an integer of at least ${minimum}, got '${text}'`);
  });
});
