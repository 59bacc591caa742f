import { classTarget, PolycamError, type ModelDescription, type ScoreFunction, type TargetArgumentLoader, type TargetPlugin, type TargetRequest } from '@polycam/core';
import type { ImageTarget } from '@polycam/dataset';
import type { GivenTarget } from './GivenTarget.js';
import { parseTargetText } from './parseTargetText.js';
import type { RequestTarget } from './RequestTarget.js';

/** What {@link resolveImageTargets} needs of the loaded model and the command. */
export interface TargetResolution {
  /** The registered target plugins. */
  readonly plugins: readonly TargetPlugin[];
  /** The explained output. */
  readonly output: ModelDescription['output'];
  /** The request's score function, against which a class is checked. */
  readonly scoreFunction: ScoreFunction;
  /**
   * The loader for the files of a target whose relative paths start from `folder`.
   *
   * @param folder - The folder.
   * @returns The loader.
   */
  loaderFor(folder: string): TargetArgumentLoader;
}

/**
 * Resolves every image's own target before the first explanation: each class is checked
 * against the model's outputs, and each distinct `KIND:ARGUMENT` text is parsed and checked
 * once by its plugin (a reference image runs through the model once, however many images
 * share it). A bad one is refused with its source, so that no image is explained.
 *
 * @param given - The images' targets, in order.
 * @param resolution - The plugins, the output, the score function and the file loader.
 * @returns Each image's request target, in order.
 * @throws {@link PolycamError} `class-out-of-range`, `invalid-argument`, `file-not-found`, ...
 *   naming the option (or CSV line) and the target.
 */
export async function resolveImageTargets(given: readonly GivenTarget[], resolution: TargetResolution): Promise<RequestTarget[]> {
  const parsed = new Map<string, Promise<TargetRequest>>();
  const resolveOne = (target: ImageTarget, source: string): Promise<RequestTarget> | RequestTarget => {
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
    return request.then((checked) => ({ target: checked }));
  };
  const resolved: RequestTarget[] = [];
  for (const { target, source } of given) resolved.push(await resolveOne(target, source));
  return resolved;
}
