/**
 * The items of a {@link ScoringJobs} given as low-resolution masks of the context's image, for
 * a backend with the `masked-inputs` capability: item i is `X ⊙ resize(M_i)`, which must be the
 * very image that {@link ScoringJobs.writeImage} writes for it.
 */
export interface LowResolutionMasks {
  /** The masks' height h. */
  readonly height: number;
  /** The masks' width w. */
  readonly width: number;
  /**
   * Writes item `index`'s mask.
   *
   * @param index - The item, from 0 to `count − 1`.
   * @param mask - Where to write its `h · w` values (a slot of the reused batch buffer).
   * @param slot - The item's place in its batch.
   */
  write(index: number, mask: Float32Array, slot: number): void;
}
