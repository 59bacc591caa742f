import { describe, expect, it } from 'vitest';
import { softmax } from './softmax.js';

describe('softmax', () => {
  it('gives exp(z_k) / Σ exp(z_j), worked out by hand', () => {
    // logits [0, ln 3, ln 2, 0]: exp = [1, 3, 2, 1], sum 7.
    const probabilities = softmax([0, Math.log(3), Math.log(2), 0]);
    [1 / 7, 3 / 7, 2 / 7, 1 / 7].forEach((expected, index) => expect(probabilities[index]).toBeCloseTo(expected, 12));
  });

  it('keeps large logits finite', () => {
    expect(Array.from(softmax(Float32Array.of(1000, 1000)))).toEqual([0.5, 0.5]);
  });
});
