import type { ModelBackend, Tensor } from '@polycam/core';
import { cascadingRandomization, sensitivityMax } from '@polycam/metrics';
import { readModelInput } from './readModelInput.js';
import { sanityMethods } from './sanityMethods.js';
import type { SanityOptions } from './SanityOptions.js';
import type { SanityReport } from './SanityReport.js';

const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * The robustness and sanity checks of the paper on held-out one-object images: for each method,
 * Captum's sensitivity-max (perturbations in an L∞ ball of radius 0.02, seeded by the image's
 * index) and the cascading model-randomisation check (Adebayo et al.), both for the class the
 * model predicts on the clean image.
 *
 * @param options - The images, model, methods and perturbation count.
 * @returns The mean figures per method.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} whatever explaining throws (`aborted` on cancellation).
 */
export async function runSanity(options: SanityOptions): Promise<SanityReport> {
  const { explainer, backend, layers } = options;
  const methods = options.methods ?? sanityMethods;
  const signal = options.signal ? { signal: options.signal } : {};
  const sensitivity = new Map<string, number[]>(methods.map((method) => [method, []]));
  const correlations = new Map<string, number[][]>(methods.map((method) => [method, []]));
  let randomised: readonly string[] = [];
  const items = options.images.singles;
  for (const [index, item] of items.entries()) {
    const { input } = await readModelInput(options, item);
    const classIndex = (await explainer.explain({ backend, input, layers, ...signal })).classIndex!;
    for (const [position, method] of methods.entries()) {
      const explainOn = async (model: ModelBackend, image: Tensor) =>
        (await explainer.explain({ backend: model, input: image, method, layers, classIndex, ...signal })).map;
      const stability = await sensitivityMax((image) => explainOn(backend, image), input, { samples: options.samples, seed: index, ...signal });
      sensitivity.get(method)!.push(stability.value);
      const sanity = await cascadingRandomization(backend, (model) => explainOn(model, input), { seed: index, ...signal });
      randomised = sanity.steps.map((step) => step.layer);
      correlations.get(method)!.push(sanity.steps.map((step) => step.correlation));
      options.onProgress?.(index * methods.length + position + 1, items.length * methods.length);
    }
  }
  return {
    layers: randomised,
    methods: methods.map((method) => ({
      method,
      sensitivityMax: mean(sensitivity.get(method)!),
      correlations: randomised.map((_, step) => mean(correlations.get(method)!.map((row) => row[step]!))),
    })),
  };
}
