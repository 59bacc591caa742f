import { PolycamError } from '@polycam/core';
import { describe, expect, it } from 'vitest';
import { parseInputSize } from './parseInputSize.js';

describe('parseInputSize', () => {
  it('reads HEIGHT,WIDTH, and one size as a square', () => {
    expect(parseInputSize('64,96')).toEqual([64, 96]);
    expect(parseInputSize(' 48 , 32 ')).toEqual([48, 32]);
    expect(parseInputSize('128')).toEqual([128, 128]);
  });

  it.each(['', '0,64', '64,', '64,64,3', '6.5', 'big', '-4'])("refuses '%s' in one line", (text) => {
    let caught: unknown;
    try {
      parseInputSize(text);
    } catch (error) {
      caught = error;
    }
    expect(PolycamError.is(caught, 'invalid-argument')).toBe(true);
    expect((caught as Error).message).toMatch(/^--input-size expects /);
    expect((caught as Error).message).not.toContain('\n');
  });
});
