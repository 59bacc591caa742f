import { classTarget, type TargetFunction } from '@polycam/core';
import type { GradientScore } from './GradientScore.js';

/**
 * The target a baseline scores with: the class's raw output `z_c` for `logit` when the target
 * has a class, otherwise the target itself.
 *
 * @param target - The explanation's target.
 * @param score - `logit` or `target`.
 * @param outputSize - The model's output size K.
 * @returns The target to differentiate or to score masked images with.
 */
export function scoreTarget(target: TargetFunction, score: GradientScore, outputSize: number): TargetFunction {
  return score === 'logit' && target.classIndex !== undefined ? classTarget(target.classIndex, 'identity', outputSize) : target;
}
