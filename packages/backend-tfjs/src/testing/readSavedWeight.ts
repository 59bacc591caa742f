import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

interface Manifest {
  readonly weightsManifest: readonly { readonly paths: readonly string[]; readonly weights: readonly { readonly name: string; readonly shape: readonly number[] }[] }[];
}

/**
 * Reads one float32 weight of a saved TF.js model straight from its manifest and weight files,
 * without TF.js, so that tests can compute expected values from the weights themselves.
 *
 * @param modelPath - The `model.json` file.
 * @param name - The weight's name in the manifest, such as `fc/kernel`.
 * @returns Its values, in TF.js's order (a dense kernel is `[in, out]`).
 * @throws Error when the manifest has no such weight.
 */
export async function readSavedWeight(modelPath: string, name: string): Promise<Float32Array> {
  const manifest = JSON.parse(await readFile(modelPath, 'utf8')) as Manifest;
  for (const group of manifest.weightsManifest) {
    const bytes = Buffer.concat(await Promise.all(group.paths.map((path) => readFile(join(dirname(modelPath), path)))));
    let offset = 0;
    for (const weight of group.weights) {
      const length = weight.shape.reduce((product, axis) => product * axis, 1) * 4;
      if (weight.name === name) {
        return new Float32Array(bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + length));
      }
      offset += length;
    }
  }
  throw new Error(`the model has no weight named '${name}'`);
}
