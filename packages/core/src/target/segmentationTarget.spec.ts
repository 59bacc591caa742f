import { describe, expect, it } from 'vitest';
import { seededRandom, segmentationTarget, type ScoreFunction } from '@polycam/core';
import { errorKindOf } from '@polycam/core/testing';

// A [C, H, W] = [3, 2, 4] output, and brute-force scores over nested arrays z[c][y][x].
const [C, H, W] = [3, 2, 4];
const random = seededRandom(11);
const output = Float32Array.from({ length: C * H * W }, () => random() * 6 - 3);
const z = (c: number, y: number, x: number, values: Float32Array = output): number => values[(c * H + y) * W + x]!;

/** Σ over the region's (y, x) of the pixel's score, in float64, written out with nested loops. */
function bruteForce(values: Float32Array, c: number, region: readonly (readonly [number, number])[], scoreFunction: ScoreFunction): number {
  let total = 0;
  for (const [y, x] of region) {
    if (scoreFunction === 'identity') total += z(c, y, x, values);
    else if (scoreFunction === 'sigmoid') total += 1 / (1 + Math.exp(-z(c, y, x, values)));
    else {
      let denominator = 0;
      for (let k = 0; k < C; k += 1) denominator += Math.exp(z(k, y, x, values));
      total += Math.exp(z(c, y, x, values)) / denominator;
    }
  }
  return total;
}

const region: readonly (readonly [number, number])[] = [[0, 1], [1, 3], [1, 0]];
const pixels = Int32Array.from(region, ([y, x]) => y * W + x);

describe('segmentationTarget', () => {
  it.each<ScoreFunction>(['softmax', 'sigmoid', 'identity'])('sums the %s score of the class over the region, rounded to float32', (scoreFunction) => {
    for (let c = 0; c < C; c += 1) {
      const score = segmentationTarget(c, pixels, [C, H, W], scoreFunction).score(output);
      expect(score).toBe(Math.fround(score));
      expect(score).toBeCloseTo(bruteForce(output, c, region, scoreFunction), 6);
    }
  });

  it('hand-computed: softmax over channels of logits [0, ln 3] at one pixel is 3/4 for class 1', () => {
    const values = Float32Array.of(0, Math.log(3));
    expect(segmentationTarget(1, Int32Array.of(0), [2, 1, 1], 'softmax').score(values)).toBeCloseTo(0.75, 7);
    expect(segmentationTarget(0, Int32Array.of(0), [2, 1, 1], 'softmax').score(values)).toBeCloseTo(0.25, 7);
  });

  it('scores a single-channel head with a sigmoid under softmax', () => {
    const values = Float32Array.of(0, 2, -1, 5);
    // sigmoid(0) + sigmoid(−1) = 0.5 + 0.26894142
    expect(segmentationTarget(0, Int32Array.of(0, 2), [1, 2, 2], 'softmax').score(values)).toBeCloseTo(0.76894142, 6);
  });

  it.each<ScoreFunction>(['softmax', 'sigmoid', 'identity'])('differentiates the %s score exactly (central differences of the float64 brute force)', (scoreFunction) => {
    const c = 2;
    const gradient = segmentationTarget(c, pixels, [C, H, W], scoreFunction).gradient!(output);
    expect(gradient.length).toBe(C * H * W);
    const probe = Float64Array.from(output);
    const step = 1e-4;
    for (let entry = 0; entry < output.length; entry += 1) {
      const at = (delta: number): number => {
        probe[entry] = output[entry]! + delta;
        const value = bruteForce(probe as unknown as Float32Array, c, region, scoreFunction);
        probe[entry] = output[entry]!;
        return value;
      };
      expect(gradient[entry]).toBeCloseTo((at(step) - at(-step)) / (2 * step), 5);
    }
    // Outside the region, nothing moves the score.
    const outside = 0 * W + 0;
    for (let k = 0; k < C; k += 1) expect(gradient[k * H * W + outside]).toBe(0);
  });

  it('rescores the same class and region under another score function', () => {
    const target = segmentationTarget(1, pixels, [C, H, W], 'softmax');
    const logits = target.withScoreFunction!('identity');
    expect(logits.score(output)).toBe(Math.fround(bruteForce(output, 1, region, 'identity')));
    expect(logits.classIndex).toBe(1);
    expect(target.label).toBe('segmentation softmax[1] over 3 pixels');
  });

  it('refuses an empty region and an unknown score function', () => {
    expect(errorKindOf(() => segmentationTarget(0, new Int32Array(0), [C, H, W], 'softmax'))).toBe('invalid-argument');
    expect(errorKindOf(() => segmentationTarget(0, pixels, [C, H, W], 'tanh' as ScoreFunction))).toBe('invalid-argument');
  });

  it('does not modify the output', () => {
    const copy = output.slice();
    const target = segmentationTarget(0, pixels, [C, H, W], 'softmax');
    target.score(output);
    target.gradient!(output);
    expect(output).toEqual(copy);
  });
});
