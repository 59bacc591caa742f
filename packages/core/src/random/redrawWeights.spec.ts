import { describe, expect, it } from 'vitest';
import { redrawWeights } from './redrawWeights.js';

describe('redrawWeights', () => {
  it("draws from a Gaussian with the tensor's own mean and standard deviation", () => {
    // values 1..4: mean 2.5, population std √1.25 ≈ 1.118
    const original = Float32Array.from({ length: 20_000 }, (_, index) => (index % 4) + 1);
    const drawn = redrawWeights(original, 'conv.weight', 7);
    const mean = drawn.reduce((sum, value) => sum + value, 0) / drawn.length;
    const std = Math.sqrt(drawn.reduce((sum, value) => sum + (value - mean) ** 2, 0) / drawn.length);
    expect(mean).toBeCloseTo(2.5, 1);
    expect(std).toBeCloseTo(Math.sqrt(1.25), 1);
    expect(original[1]).toBe(2);
  });

  it('depends only on the seed and the name', () => {
    const values = Float32Array.of(0.5, -1, 2, 3, 0.25);
    expect(redrawWeights(values, 'a', 1)).toEqual(redrawWeights(values, 'a', 1));
    expect(redrawWeights(values, 'a', 1)).not.toEqual(redrawWeights(values, 'b', 1));
    expect(redrawWeights(values, 'a', 1)).not.toEqual(redrawWeights(values, 'a', 2));
  });

  it('keeps a constant tensor constant (its standard deviation is 0)', () => {
    expect(Array.from(redrawWeights(Float32Array.of(3, 3, 3), 'bias', 4))).toEqual([3, 3, 3]);
  });
});
