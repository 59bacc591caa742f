/**
 * Which score a gradient method differentiates:
 *
 * - `logit` (the default): the class's raw output `z_c`, the "score before the softmax" that
 *   Grad-CAM, Grad-CAM++ and Layer-CAM define their weights with, and that torchcam (which the
 *   Poly-CAM paper ran) back-propagates; for another target, the same target under the `identity`
 *   score function when it has one (a segmentation region's summed logits). A target without
 *   a class or a score function (an embedding's similarity, a box score) falls back to `target`.
 * - `target`: the explanation's own target (by default `softmax(z)[c]`).
 */
export type GradientScore = 'logit' | 'target';
