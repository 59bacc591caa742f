/**
 * How a model's output vector `z` becomes the class score `s` that Poly-CAM weighs:
 *
 * - `softmax` (the default): `softmax(z)[c]`; for a single-output model (K = 1), `sigmoid(z)`,
 *   as the authors' code does.
 * - `sigmoid`: `sigmoid(z[c])`, for multi-label heads.
 * - `identity`: `z[c]`, for models that already end in a softmax, or for raw logits.
 */
export type ScoreFunction = 'softmax' | 'sigmoid' | 'identity';
