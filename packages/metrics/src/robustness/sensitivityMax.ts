import { PolycamError, seededRandom, shapeSize, throwIfAborted, type Map2D, type Tensor } from '@polycam/core';
import type { SensitivityMaxOptions } from './SensitivityMaxOptions.js';
import type { SensitivityMaxResult } from './SensitivityMaxResult.js';

function frobenius(values: ArrayLike<number>): number {
  let sum = 0;
  for (let index = 0; index < values.length; index += 1) sum += values[index]! ** 2;
  return Math.sqrt(sum);
}

/**
 * Sensitivity-max (Yeh et al., 2019), as Captum's `sensitivity_max` computes it with its
 * defaults: how much an explanation changes when the input moves a little. Each of `samples`
 * perturbed inputs `x + δ` adds to every element of `x` its own uniform draw from
 * `[−radius, radius)` (a point of the L∞ ball around `x`), the explanation is recomputed, and the
 * score is the largest `‖E(x + δ) − E(x)‖_F / ‖E(x)‖_F`. Lower is more robust.
 *
 * As in Captum, an all-zero original map divides by 1 instead of 0: the score is then the
 * absolute change. The perturbations come from one seeded generator, drawn sample by sample in
 * row-major order, so a seed gives the same perturbations every time. The explanations run one
 * after the other; the input is left untouched.
 *
 * @example
 * ```ts
 * const explain = async (input: Tensor, signal?: AbortSignal) =>
 *   (await explainer.explain({ backend, input, classIndex: 3, signal })).map;
 * const { value } = await sensitivityMax(explain, input);
 * ```
 *
 * @param explain - Computes the map of an input; called `samples + 1` times.
 * @param input - The input to perturb, such as a `[1, C, H, W]` image.
 * @param options - Samples, radius, seed and signal.
 * @returns The score and the relative change of each sample.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-argument` for impossible options, an input whose data does
 *   not match its shape, or maps whose size changes between explanations; `aborted` when the
 *   signal fires; whatever `explain` throws.
 */
export async function sensitivityMax(
  explain: (input: Tensor, signal?: AbortSignal) => Promise<Map2D>,
  input: Tensor,
  options: SensitivityMaxOptions = {},
): Promise<SensitivityMaxResult> {
  const { samples = 10, radius = 0.02, seed = 0, signal } = options;
  if (!Number.isInteger(samples) || samples < 1) {
    throw new PolycamError('invalid-argument', `samples must be a positive integer, got ${samples}`);
  }
  if (!Number.isFinite(radius) || radius < 0) {
    throw new PolycamError('invalid-argument', `radius must be a finite number ≥ 0, got ${radius}`);
  }
  if (!Number.isFinite(seed)) {
    throw new PolycamError('invalid-argument', `seed must be a finite number, got ${seed}`);
  }
  if (input.data.length !== shapeSize(input.shape)) {
    throw new PolycamError('invalid-argument', `the input holds ${input.data.length} values but its shape [${input.shape.join(',')}] needs ${shapeSize(input.shape)}`);
  }
  throwIfAborted(signal);
  const original = await explain(input, signal);
  const norm = frobenius(original.data) || 1;
  const random = seededRandom(seed);
  const perSample: number[] = [];
  for (let sample = 0; sample < samples; sample += 1) {
    throwIfAborted(signal);
    const perturbed = Float32Array.from(input.data, (value) => value + (2 * random() - 1) * radius);
    const map = await explain({ shape: input.shape, data: perturbed }, signal);
    if (map.height !== original.height || map.width !== original.width || map.data.length !== original.data.length) {
      throw new PolycamError(
        'invalid-argument',
        `the explanation of a perturbed input is ${map.height}×${map.width} but the original is ${original.height}×${original.width}`,
      );
    }
    let squares = 0;
    for (let index = 0; index < map.data.length; index += 1) squares += (map.data[index]! - original.data[index]!) ** 2;
    perSample.push(Math.sqrt(squares) / norm);
  }
  return { value: perSample.reduce((largest, change) => Math.max(largest, change), -Infinity), perSample };
}
