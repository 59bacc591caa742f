import { PolycamError } from '../errors/PolycamError.js';
import { logistic } from './logistic.js';
import type { ScoreFunction } from './ScoreFunction.js';
import type { TargetFunction } from './TargetFunction.js';

/** The softmax over the channel axis of class `c` at one pixel, and the pixel's probabilities when wanted. */
function pixelSoftmax(output: Float32Array, channels: number, plane: number, pixel: number, classIndex: number, into?: Float64Array): number {
  let maximum = -Infinity;
  for (let k = 0; k < channels; k += 1) maximum = Math.max(maximum, output[k * plane + pixel]!);
  let total = 0;
  for (let k = 0; k < channels; k += 1) {
    const exponential = Math.exp(output[k * plane + pixel]! - maximum);
    if (into !== undefined) into[k] = exponential;
    total += exponential;
  }
  if (into !== undefined) for (let k = 0; k < channels; k += 1) into[k]! /= total;
  return Math.exp(output[classIndex * plane + pixel]! - maximum) / total;
}

/**
 * The score of class `c` summed over a region R of a `[C, H, W]` output `z`:
 *
 * - `softmax`: `Σ_{p∈R} softmax_k(z[·, p])[c]`, the softmax over the channel axis at each pixel;
 *   for a single-channel head (C = 1), `Σ_{p∈R} sigmoid(z[0, p])`.
 * - `sigmoid`: `Σ_{p∈R} sigmoid(z[c, p])`.
 * - `identity`: `Σ_{p∈R} z[c, p]`, the summed logits.
 *
 * The sum runs in float64 and is rounded to float32 once, as {@link classTarget} rounds. The
 * target's exact gradient is non-zero only at the region's pixels.
 *
 * @param classIndex - The class `c`, a channel index.
 * @param region - The region's pixels, as indices `y·W + x`, each once.
 * @param shape - The output's `[C, H, W]`.
 * @param scoreFunction - How each pixel's logits become its score.
 * @returns The target.
 * @throws {@link PolycamError} `invalid-argument` for an empty region or an unknown score function.
 */
export function segmentationTarget(
  classIndex: number,
  region: Int32Array,
  shape: readonly [number, number, number],
  scoreFunction: ScoreFunction,
): TargetFunction {
  const [channels, height, width] = shape;
  const plane = height * width;
  if (region.length === 0) {
    throw new PolycamError('invalid-argument', `the segmentation target's region for class ${classIndex} is empty`);
  }
  if (scoreFunction !== 'softmax' && scoreFunction !== 'sigmoid' && scoreFunction !== 'identity') {
    throw new PolycamError('invalid-argument', `unknown score function '${String(scoreFunction)}' (expected softmax, sigmoid or identity)`);
  }
  const binary = channels === 1 && scoreFunction === 'softmax';
  const own = classIndex * plane;
  const score = (output: Float32Array): number => {
    let total = 0;
    for (const pixel of region) {
      if (scoreFunction === 'identity') total += output[own + pixel]!;
      else if (scoreFunction === 'sigmoid' || binary) total += logistic(output[own + pixel]!);
      else total += pixelSoftmax(output, channels, plane, pixel, classIndex);
    }
    return Math.fround(total);
  };
  const gradient = (output: Float32Array): Float32Array => {
    const derivative = new Float32Array(output.length);
    const probabilities = new Float64Array(channels);
    for (const pixel of region) {
      if (scoreFunction === 'identity') {
        derivative[own + pixel] = 1;
      } else if (scoreFunction === 'sigmoid' || binary) {
        const probability = logistic(output[own + pixel]!);
        derivative[own + pixel] = probability * (1 - probability);
      } else {
        const mine = pixelSoftmax(output, channels, plane, pixel, classIndex, probabilities);
        for (let k = 0; k < channels; k += 1) {
          derivative[k * plane + pixel] = mine * ((k === classIndex ? 1 : 0) - probabilities[k]!);
        }
      }
    }
    return derivative;
  };
  return {
    classIndex,
    label: `segmentation ${scoreFunction}[${classIndex}] over ${region.length} pixel${region.length === 1 ? '' : 's'}`,
    score,
    gradient,
    withScoreFunction: (other) => segmentationTarget(classIndex, region, shape, other),
  };
}
