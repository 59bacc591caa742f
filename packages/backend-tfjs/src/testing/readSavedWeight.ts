import { loadModelArtifacts } from '../io/loadModelArtifacts.js';
import { weightByteLength } from '../io/weightByteLength.js';

/**
 * Reads one float32 weight of a saved TF.js model from its manifest and weight files, without
 * building the model, so that tests can compute expected values from the weights themselves.
 *
 * @param modelPath - The `model.json` file.
 * @param name - The weight's name in the manifest, such as `fc/kernel`.
 * @returns Its values, in TF.js's order (a dense kernel is `[in, out]`).
 * @throws Error when the manifest has no such weight.
 */
export async function readSavedWeight(modelPath: string, name: string): Promise<Float32Array> {
  const { weightSpecs = [], weightData } = await loadModelArtifacts(modelPath);
  let offset = 0;
  for (const spec of weightSpecs) {
    const length = weightByteLength(spec);
    if (spec.name === name) {
      return new Float32Array((weightData as ArrayBuffer).slice(offset, offset + length));
    }
    offset += length;
  }
  throw new Error(`the model has no weight named '${name}'`);
}
