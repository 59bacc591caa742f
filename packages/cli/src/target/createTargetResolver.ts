import { classTarget, PolycamError, type TargetRequest } from '@polycam/core';
import type { GivenTarget } from './GivenTarget.js';
import { parseTargetText } from './parseTargetText.js';
import type { RequestTarget } from './RequestTarget.js';
import type { TargetResolution } from './TargetResolution.js';

/**
 * Turns images' own targets into what their explain requests ask for, checked against the
 * loaded model: a class is checked against the model's outputs, and each distinct
 * `KIND:ARGUMENT` text (with its folder) is parsed and checked once by its plugin, however many
 * images share it, so that a reference image runs through the model only once. A command
 * resolves every image's target before the first explanation, so that a bad one is refused
 * before any pass.
 *
 * @param resolution - The plugins, the output, the score function and the file loader.
 * @returns The resolver, which throws `PolycamError` (`class-out-of-range`, `invalid-argument`,
 *   `file-not-found`, ...) naming the option or CSV line and the target.
 */
export function createTargetResolver(resolution: TargetResolution): (given: GivenTarget) => Promise<RequestTarget> {
  const parsed = new Map<string, Promise<TargetRequest>>();
  return async ({ target, source }) => {
    if (target.classIndex !== undefined) {
      try {
        classTarget(target.classIndex, resolution.scoreFunction, resolution.output.size);
      } catch (error) {
        if (PolycamError.is(error)) throw new PolycamError(error.kind, source === '--class' ? `--${error.message}` : `${source}: ${error.message}`, { cause: error });
        throw error;
      }
      return { classIndex: target.classIndex };
    }
    const text = target.target ?? '';
    const folder = target.folder ?? process.cwd();
    const key = `${folder}\u0000${text}`;
    let request = parsed.get(key);
    if (request === undefined) {
      request = parseTargetText(text, resolution.plugins, resolution.loaderFor(folder), resolution.output, source);
      parsed.set(key, request);
    }
    return { target: await request };
  };
}
