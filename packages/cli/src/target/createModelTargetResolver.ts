import { preprocessImage, type ModelBackend, type ScoreFunction, type TargetPlugin } from '@polycam/core';
import { readImage } from '../image/readImage.js';
import { createTargetArgumentLoader } from './createTargetArgumentLoader.js';
import { createTargetResolver } from './createTargetResolver.js';
import type { GivenTarget } from './GivenTarget.js';
import type { RequestTarget } from './RequestTarget.js';

/**
 * {@link createTargetResolver} on a loaded model: targets are checked against its explained
 * output, and a reference image is read with sharp and normalised exactly as the explained
 * images are (the model's channels and size, the given statistics) before its one pass.
 *
 * @param backend - The loaded model.
 * @param plugins - The registered target plugins.
 * @param scoreFunction - The requests' score function.
 * @param statistics - The per-channel mean and standard deviation of the explained images.
 * @param warn - Told each warning about a reference image in one line.
 * @returns The resolver.
 */
export function createModelTargetResolver(
  backend: ModelBackend,
  plugins: readonly TargetPlugin[],
  scoreFunction: ScoreFunction,
  statistics: { readonly mean: readonly number[]; readonly std: readonly number[] },
  warn: (line: string) => void,
): (given: GivenTarget) => Promise<RequestTarget> {
  const [channels, height, width] = backend.description.input.shape;
  const inputOf = async (path: string) => preprocessImage(await readImage(path, channels, warn), { height, width, ...statistics });
  return createTargetResolver({
    plugins,
    output: backend.description.output,
    scoreFunction,
    loaderFor: (folder) => createTargetArgumentLoader(folder, backend, inputOf),
  });
}
