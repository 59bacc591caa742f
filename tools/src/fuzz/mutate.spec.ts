import { describe, expect, it } from 'vitest';
import { mutate } from './mutate.js';

/** Replays a fixed list of draws, so each mutation's result can be worked out by hand. */
const replay = (...values: number[]) => () => values.shift() ?? 0;
const input = Uint8Array.from([10, 20, 30, 40]);

describe('mutate', () => {
  it('truncates, flips and rewrites wire types where the draws say, leaving the input alone', () => {
    expect([...mutate(input, 'truncate', replay(0.5))]).toEqual([10, 20]);
    expect([...mutate(input, 'flip', replay(0, 0.25, 0))]).toEqual([10, 20 ^ 1, 30, 40]);
    expect([...mutate(input, 'wire-type', replay(0, 0.75, 0.5))]).toEqual([10, 20, 30, 40 & ~7 | 4]);
    expect([...input]).toEqual([10, 20, 30, 40]);
  });

  it('inserts a length-delimited field that declares 2^20 bytes or more', () => {
    // position 0, field 1, 2^20: varint 0x80 0x80 0x40.
    expect([...mutate(input, 'huge-length', replay(0, 0, 0))]).toEqual([0x0a, 0x80, 0x80, 0x40, 10, 20, 30, 40]);
  });

  it('nests the input in length-delimited fields whose lengths are exact, or in start groups', () => {
    // Not groups (0.9), depth floor(0.00025 * 10000) = 2: field 7 of length 6 around field 7 of length 4.
    expect([...mutate(input, 'nest', replay(0.9, 0.00025))]).toEqual([0x3a, 6, 0x3a, 4, 10, 20, 30, 40]);
    expect([...mutate(input, 'nest', replay(0.1, 0.00035))]).toEqual([0x3b, 0x3b, 0x3b, 10, 20, 30, 40]);
  });
});
