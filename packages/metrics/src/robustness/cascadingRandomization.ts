import { PolycamError, throwIfAborted, type Map2D, type ModelBackend } from '@polycam/core';
import type { CascadingRandomizationOptions } from './CascadingRandomizationOptions.js';
import type { CascadingRandomizationResult } from './CascadingRandomizationResult.js';
import type { RandomizationStep } from './RandomizationStep.js';
import { spearmanCorrelation } from './spearmanCorrelation.js';

/**
 * The cascading model-randomisation sanity check (Adebayo et al., 2018). It explains the input
 * on the original model, then, for k = 1, 2, …, randomises the last k parameterized layers
 * together (from the last layer towards the first, through the backend's
 * `weight-randomization` capability), explains again on that copy and compares the two maps by
 * Spearman's rank correlation. A method that depends on what the model learnt gives maps that
 * decorrelate as more layers are randomised; one that stays correlated ignores the model.
 *
 * Each randomised copy is disposed as soon as its map is computed, even when explaining fails.
 * The maps must all have the same size.
 *
 * @example
 * ```ts
 * const explain = async (model: ModelBackend, signal?: AbortSignal) =>
 *   (await explainer.explain({ backend: model, input, classIndex: 3, signal })).map;
 * const { steps } = await cascadingRandomization(backend, explain, { seed: 1 });
 * ```
 *
 * @param backend - The original model; it is not changed.
 * @param explain - Computes the map on a model, always for the same input and class.
 * @param options - Seed, how many steps at most, and signal.
 * @returns The original map and one step per randomised layer, in randomisation order.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `unsupported-capability` when the backend cannot randomise its
 *   weights (checked before any explanation), `invalid-argument` for impossible options or maps
 *   of different sizes, `aborted` when the signal fires; whatever `explain` or the backend throws.
 */
export async function cascadingRandomization(
  backend: ModelBackend,
  explain: (backend: ModelBackend, signal?: AbortSignal) => Promise<Map2D>,
  options: CascadingRandomizationOptions = {},
): Promise<CascadingRandomizationResult> {
  const { seed = 0, layers, signal } = options;
  const randomizer = backend.capabilities.has('weight-randomization') ? backend.weightRandomizer : undefined;
  if (randomizer === undefined) {
    throw new PolycamError('unsupported-capability', `the '${backend.id}' backend cannot randomise its weights (no weight-randomization capability)`);
  }
  if (!Number.isFinite(seed)) {
    throw new PolycamError('invalid-argument', `seed must be a finite number, got ${seed}`);
  }
  if (layers !== undefined && !(Number.isInteger(layers) && layers >= 0)) {
    throw new PolycamError('invalid-argument', `layers must be a non-negative integer, got ${layers}`);
  }
  const order = [...randomizer.parameterizedLayers].reverse().slice(0, layers);
  throwIfAborted(signal);
  const original = await explain(backend, signal);
  const steps: RandomizationStep[] = [];
  for (let count = 1; count <= order.length; count += 1) {
    throwIfAborted(signal);
    const randomized = await randomizer.randomized(order.slice(0, count), seed);
    let map: Map2D;
    try {
      map = await explain(randomized, signal);
    } finally {
      await randomized.dispose();
    }
    if (map.height !== original.height || map.width !== original.width || map.data.length !== original.data.length) {
      throw new PolycamError('invalid-argument', `the map of step ${count} is ${map.height}×${map.width} but the original is ${original.height}×${original.width}`);
    }
    steps.push({ layer: order[count - 1]!, correlation: spearmanCorrelation(original.data, map.data), map });
  }
  return { original, steps };
}
