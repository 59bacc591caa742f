/**
 * Options of {@link OcclusionMethod}. The defaults are the paper's 64-pixel patch and 8-pixel
 * stride at 224×224 (after Petsiuk et al.), scaled to the input's size on each axis:
 * `round(64 · side / 224)` and `max(1, round(8 · side / 224))`.
 */
export interface OcclusionOptions {
  /** The square patch's side in pixels. */
  readonly patch?: number;
  /** The step between patch positions in pixels. */
  readonly stride?: number;
  /** The value occluded pixels take in the normalised image. Default 0 (the mean colour). */
  readonly baseline?: number;
}
