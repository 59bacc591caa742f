import { describe, expect, it } from 'vitest';
import { topClasses } from './topClasses.js';

describe('topClasses', () => {
  it('ranks classes by softmax probability, worked out by hand', () => {
    // logits [0, ln 3, ln 2, 0]: exp = [1, 3, 2, 1], sum 7.
    const top = topClasses([0, Math.log(3), Math.log(2), 0], 3);
    expect(top.map((entry) => entry.index)).toEqual([1, 2, 0]);
    expect(top[0]!.score).toBeCloseTo(3 / 7, 12);
    expect(top[1]!.score).toBeCloseTo(2 / 7, 12);
    expect(top[2]!.score).toBeCloseTo(1 / 7, 12);
  });

  it('keeps large logits finite and returns at most the output size', () => {
    const top = topClasses([1000, 1000], 5);
    expect(top).toEqual([
      { index: 0, score: 0.5 },
      { index: 1, score: 0.5 },
    ]);
  });
});
