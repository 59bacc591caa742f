import { PolycamError } from '../errors/PolycamError.js';
import { softmax } from '../kernels/softmax.js';
import { logistic } from './logistic.js';
import type { ScoreFunction } from './ScoreFunction.js';
import type { TargetFunction } from './TargetFunction.js';


/** `∂ softmax(z)[c] / ∂z_k = p_c (δ_ck − p_k)`, or `σ'(z)` for a single output. */
function softmaxGradient(output: Float32Array, classIndex: number): Float32Array {
  if (output.length === 1) {
    const probability = logistic(output[0]!);
    return Float32Array.of(probability * (1 - probability));
  }
  const probabilities = softmax(output);
  const own = probabilities[classIndex]!;
  return Float32Array.from(probabilities, (probability, k) => own * ((k === classIndex ? 1 : 0) - probability));
}

function oneHot(size: number, classIndex: number, value: number): Float32Array {
  const gradient = new Float32Array(size);
  gradient[classIndex] = value;
  return gradient;
}

function softmaxAt(output: Float32Array, classIndex: number): number {
  let maximum = -Infinity;
  for (const value of output) {
    maximum = Math.max(maximum, value);
  }
  let total = 0;
  for (const value of output) {
    total += Math.exp(value - maximum);
  }
  return Math.exp(output[classIndex]! - maximum) / total;
}

/**
 * The score of one class, as METHOD.md defines it: `softmax(z)[c]` by default (a sigmoid when
 * the model has a single output), `sigmoid(z[c])`, or the raw `z[c]`. Scores are rounded to
 * float32, as the reference implementation computes them. Each target also gives its exact
 * derivative with respect to the output vector, for gradient methods, and the same class under
 * another score function ({@link TargetFunction.withScoreFunction}).
 *
 * @param classIndex - The class `c`, an index into the output vector.
 * @param scoreFunction - How the output becomes a score; `softmax` by default.
 * @param outputSize - The number of outputs K, used to check the index.
 * @returns The target.
 * @throws {@link PolycamError} `class-out-of-range` when `classIndex` is not in `[0, K)`.
 */
export function classTarget(
  classIndex: number,
  scoreFunction: ScoreFunction,
  outputSize: number,
): TargetFunction {
  if (!Number.isInteger(classIndex) || classIndex < 0 || classIndex >= outputSize) {
    throw new PolycamError(
      'class-out-of-range',
      `class ${classIndex} is out of range: the model has ${outputSize} class` +
        `${outputSize === 1 ? '' : 'es'} (0..${outputSize - 1})`,
    );
  }
  const label = `${scoreFunction}[${classIndex}]`;
  const withScoreFunction = (other: ScoreFunction): TargetFunction => classTarget(classIndex, other, outputSize);
  switch (scoreFunction) {
    case 'softmax':
      return {
        withScoreFunction,
        classIndex,
        label,
        score: (output) =>
          Math.fround(
            output.length === 1 ? logistic(output[0]!) : softmaxAt(output, classIndex),
          ),
        gradient: (output) => softmaxGradient(output, classIndex),
      };
    case 'sigmoid':
      return {
        withScoreFunction,
        classIndex,
        label,
        score: (output) => Math.fround(logistic(output[classIndex]!)),
        gradient: (output) => {
          const probability = logistic(output[classIndex]!);
          return oneHot(output.length, classIndex, probability * (1 - probability));
        },
      };
    case 'identity':
      return {
        withScoreFunction,
        classIndex,
        label,
        score: (output) => output[classIndex]!,
        gradient: (output) => oneHot(output.length, classIndex, 1),
      };
    default:
      throw new PolycamError(
        'invalid-argument',
        `unknown score function '${String(scoreFunction)}' (expected softmax, sigmoid or identity)`,
      );
  }
}
