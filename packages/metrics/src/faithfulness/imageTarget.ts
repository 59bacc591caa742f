import { argmax, classTarget, PolycamError, targetBinder, type ModelDescription, type ScoreFunction, type TargetFunction } from '@polycam/core';
import type { ImageTargetOptions } from './ImageTargetOptions.js';

/**
 * Resolves a measure's target before any pass: a given class at once; a target request checked
 * now and bound to the unperturbed image's output later; otherwise the class target on that
 * output's argmax.
 *
 * @internal
 * @param options - The class or the target request, and the plugins.
 * @param output - The model's output.
 * @param scoreFunction - The score function.
 * @returns The target when it is known now, and how to bind it to the unperturbed output.
 * @throws {@link PolycamError} `invalid-argument` for both a class and a target, and what
 *   `classTarget` and `targetBinder` throw.
 */
export function imageTarget(
  options: ImageTargetOptions & { readonly classIndex?: number | undefined },
  output: ModelDescription['output'],
  scoreFunction: ScoreFunction,
): { readonly fixed: TargetFunction | undefined; readonly bind: (unperturbed: Float32Array) => TargetFunction } {
  const { classIndex, target, targets } = options;
  if (target !== undefined && classIndex !== undefined) {
    throw new PolycamError('invalid-argument', `a class (${classIndex}) and a target are both given: give the class in the target's options`);
  }
  if (target !== undefined) return { fixed: undefined, bind: targetBinder(target, output, targets, scoreFunction) };
  if (classIndex !== undefined) {
    const fixed = classTarget(classIndex, scoreFunction, output.size);
    return { fixed, bind: () => fixed };
  }
  return { fixed: undefined, bind: (unperturbed) => classTarget(argmax(unperturbed), scoreFunction, output.size) };
}
