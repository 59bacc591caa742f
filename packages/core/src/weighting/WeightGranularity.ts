/**
 * The shape of the weights a {@link WeightingStrategy} returns for a layer with activation
 * `A` of shape `[K, h, w]`:
 *
 * - `channel` (the default): one weight per channel, `w_k`, K values. The layer's CAM is
 *   `ReLU(Σ_k w_k · A^k)`, as CAM, Grad-CAM, Score-CAM and Poly-CAM define it.
 * - `element`: one weight per activation element, `W_k(i, j)`, K·h·w values in the
 *   activation's own `[K, h, w]` order. The layer's CAM is `ReLU(Σ_k W_k ⊙ A^k)`, as Layer-CAM
 *   defines it.
 */
export type WeightGranularity = 'channel' | 'element';
