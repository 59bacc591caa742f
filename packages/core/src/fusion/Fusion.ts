import type { Map2D } from '../tensor/Map2D.js';

/**
 * How per-layer CAMs are combined from the deepest layer to the shallowest. The explainer calls
 * {@link Fusion.fuse} once per layer, deepest first, and turns each fused map `P_l` into a stage
 * map, `resize(u(P_l), H×W)` unless the fusion has its own {@link Fusion.stageMap}; the
 * shallowest stage is the final saliency map.
 *
 * Poly-CAM's default is LNorm; the paper's ablations (no LNorm, single layer) are fusions too.
 * Most fusions work at each layer's resolution; one that must combine the layers at the input's
 * resolution (RefineCAM, whose product is taken after every CAM is resized to the image) reads
 * the input's size from the third argument of {@link Fusion.fuse}.
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
   * @param input - The input's size. The explainer always gives it; callers that re-fuse CAMs
   *   may not. Fusions at the layer's resolution ignore it.
   * @returns The fused map `P_l`, non-negative: at the CAM's size, or, for a fusion at the
   *   input's resolution that was given `input`, at that size.
   */
  fuse(cam: Map2D, deeper: Map2D | undefined, input?: { readonly height: number; readonly width: number }): Map2D;
  /**
   * Optional: turns a fused map into the stage map users see, at the input's size with values
   * in [0, 1], in place of the default `saliencyMap(fused, height, width)` (the authors'
   * percentile normalisation `u`, then a bilinear resize). A fusion whose method defines its
   * own output normalisation, such as RefineCAM's min-max, implements it.
   *
   * @param fused - A map this fusion returned.
   * @param height - The input's height.
   * @param width - The input's width.
   * @returns The stage map, `height × width`, values in [0, 1].
   */
  stageMap?(fused: Map2D, height: number, width: number): Map2D;
}
