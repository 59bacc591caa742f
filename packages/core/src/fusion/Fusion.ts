import type { Map2D } from '../tensor/Map2D.js';

/**
 * How per-layer CAMs are combined from the deepest layer to the shallowest. The explainer calls
 * {@link Fusion.fuse} once per layer, deepest first, and turns each fused map `P_l` into a stage
 * map `resize(u(P_l), H×W)`; the shallowest stage is the final saliency map.
 *
 * Poly-CAM's default is LNorm; the paper's ablations (no LNorm, single layer) are fusions too.
 */
export interface Fusion {
  /** A unique id, such as `lnorm`. */
  readonly id: string;
  /** One line on what it computes. */
  readonly description: string;
  /**
   * Combines one layer's CAM with the fused map of the layer below it.
   *
   * @param cam - This layer's rectified CAM `C_l = ReLU(Σ_k w_k A^k)`, at the layer's size.
   * @param deeper - The fused map `P_{l+1}` of the next deeper layer; undefined for the deepest.
   * @returns The fused map `P_l`, at the CAM's size, non-negative.
   */
  fuse(cam: Map2D, deeper: Map2D | undefined): Map2D;
}
