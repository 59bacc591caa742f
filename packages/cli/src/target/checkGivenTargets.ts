import type { Explainer } from '@polycam/core';
import type { GivenTarget } from './GivenTarget.js';
import { givenTargets } from './givenTargets.js';
import type { TargetCliOptions } from './TargetCliOptions.js';
import { targetPluginFor } from './targetPluginFor.js';

/**
 * Each image's own target from `--class`, `--target` or `--classes` ({@link givenTargets}), with
 * every `KIND:ARGUMENT`'s kind checked among the explainer's target plugins, before any model
 * loads: what `explain` and `evaluate` both check first.
 *
 * @param images - The images, in order.
 * @param options - The raw options.
 * @param explainer - The explainer, whose target plugins name the kinds.
 * @returns The images' targets (none when they have none of their own) and the plugins.
 * @throws {@link PolycamError} `invalid-argument` for what {@link givenTargets} refuses and for a kind no plugin has.
 */
export async function checkGivenTargets(
  images: readonly string[],
  options: TargetCliOptions,
  explainer: Pick<Explainer, 'targets'>,
): Promise<{ readonly given: readonly GivenTarget[] | undefined; readonly plugins: ReturnType<Explainer['targets']> }> {
  const given = await givenTargets(images, options);
  const plugins = explainer.targets();
  for (const { target, source } of given ?? []) if (target.target !== undefined) targetPluginFor(target.target, plugins, source);
  return { given, plugins };
}
