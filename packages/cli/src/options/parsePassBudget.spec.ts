import { describe, expect, it } from 'vitest';
import { catchPolycamError } from './catchPolycamError.testkit.js';
import { parsePassBudget } from './parsePassBudget.js';

describe('parsePassBudget', () => {
  it.each([
    ['1', 1],
    ['500', 500],
    [' 42 ', 42],
  ])("reads '%s' as %d passes", (text, expected) => {
    expect(parsePassBudget(text)).toBe(expected);
  });

  it.each([
    ['25%', 0.25],
    ['100%', 1],
    ['12.5%', 0.125],
    [' 50 % ', 0.5],
  ])("reads '%s' as the fraction %d of the exact count", (text, fraction) => {
    expect(parsePassBudget(text)).toEqual({ fraction });
  });

  it.each(['0', '-3', '1.5', 'abc', '', '0%', '101%', '-5%', '%', '1e3'])("rejects '%s' in one line naming the flag", (text) => {
    const error = catchPolycamError(() => parsePassBudget(text));
    expect(error.kind).toBe('invalid-argument');
    expect(error.message).toContain('--max-passes');
    expect(error.message).not.toContain('\n');
  });
});
