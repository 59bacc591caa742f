/**
 * Which score a gradient method differentiates:
 *
 * - `logit` (the default): the class's raw output `z_c`, the "score before the softmax" that
 *   Grad-CAM, Grad-CAM++ and Layer-CAM define their weights with, and that torchcam (which the
 *   Poly-CAM paper ran) back-propagates. A target without a class falls back to `target`.
 * - `target`: the explanation's own target (by default `softmax(z)[c]`).
 */
export type GradientScore = 'logit' | 'target';
