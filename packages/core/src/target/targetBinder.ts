import type { ModelDescription } from '../backend/ModelDescription.js';
import { prepareTarget } from '../explainer/prepareTarget.js';
import { builtInTargets } from './builtInTargets.js';
import type { ScoreFunction } from './ScoreFunction.js';
import type { TargetFunction } from './TargetFunction.js';
import type { TargetPlugin } from './TargetPlugin.js';
import type { TargetRequest } from './TargetRequest.js';

/**
 * Checks a {@link TargetRequest} against an output now, before any pass, and returns what binds
 * it to one image once its unmasked output is known: the same lookup, `check` and `bind` as an
 * explanation runs (`Explainer.prepare()`, then the unmasked pass), for code that scores images
 * with a target outside an explanation, such as the faithfulness metrics of `@polycam/metrics`.
 *
 * @example
 * ```ts
 * const bind = targetBinder({ kind: 'segmentation', options: { classIndex: 3 } }, backend.description.output);
 * const target = bind(unmaskedOutput); // the region: the pixels predicted as 3 on this image
 * ```
 *
 * @param request - The target kind and its options.
 * @param output - The scored output.
 * @param plugins - The target plugins to find the kind among (`Explainer.targets()`); the
 *   built-in ones by default.
 * @param scoreFunction - The score function the target applies (default `softmax`).
 * @returns A function from one image's unmasked output (flattened, `output.size` values) to
 *   its target; it throws what the plugin's `bind` throws (`invalid-argument` for a
 *   segmentation class predicted nowhere, say).
 * @throws {@link PolycamError} `unknown-method` for a kind none of the plugins has,
 *   `invalid-argument` for an unknown score function, and what the plugin's `check` throws.
 */
export function targetBinder(
  request: TargetRequest,
  output: ModelDescription['output'],
  plugins: readonly TargetPlugin[] = builtInTargets(),
  scoreFunction: ScoreFunction = 'softmax',
): (unmasked: Float32Array) => TargetFunction {
  const { targetKind } = prepareTarget({ target: request }, output, scoreFunction, new Map(plugins.map((plugin) => [plugin.id, plugin])));
  const { plugin, options } = targetKind!;
  return (unmasked) => plugin.bind(options, { output, unmasked, scoreFunction });
}
