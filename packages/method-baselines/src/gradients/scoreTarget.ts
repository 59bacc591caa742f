import { classTarget, type TargetFunction } from '@polycam/core';
import type { GradientScore } from './GradientScore.js';

/**
 * The target a baseline scores with. For `logit`: the target under the `identity` score
 * function when it can be rescored ({@link @polycam/core!index.TargetFunction.withScoreFunction | withScoreFunction}: a
 * class's raw output `z_c`, a segmentation region's summed logits), else, for a custom target
 * with a class, that class's raw output `z_c`, else the target itself (an embedding's or a
 * box's score has no logit). For `target`: the target itself.
 *
 * @param target - The explanation's target.
 * @param score - `logit` or `target`.
 * @param outputSize - The model's output size K.
 * @returns The target to differentiate or to score masked images with.
 */
export function scoreTarget(target: TargetFunction, score: GradientScore, outputSize: number): TargetFunction {
  if (score !== 'logit') return target;
  if (target.withScoreFunction !== undefined) return target.withScoreFunction('identity');
  return target.classIndex !== undefined ? classTarget(target.classIndex, 'identity', outputSize) : target;
}
