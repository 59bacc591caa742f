import type { TargetPlugin, TargetRequest } from '@polycam/core';

/**
 * What a faithfulness measure scores instead of a class: any target of `@polycam/core`, named
 * as an explanation names it, and bound to the image after its unmasked pass exactly as an
 * explanation binds it (`targetBinder`), so that a map explained for a target is measured for
 * the same score.
 */
export interface ImageTargetOptions {
  /**
   * The target, such as `{ kind: 'segmentation', options: { classIndex: 3 } }` (the summed
   * probability of class 3 over the pixels the model predicts as 3 on the unperturbed image).
   * Not with `classIndex`. Default: the class target.
   */
  readonly target?: TargetRequest;
  /** The target plugins the kind is found among (`Explainer.targets()`). Default: the built-in ones. */
  readonly targets?: readonly TargetPlugin[];
}
