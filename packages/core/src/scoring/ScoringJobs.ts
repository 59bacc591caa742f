import type { LowResolutionMasks } from './LowResolutionMasks.js';

/**
 * The items that {@link scoreInBatches} scores: `count` images, each written on demand into a
 * slot of one reused batch buffer, so that only one batch of images exists at a time.
 *
 * Items are written in increasing index order, batch by batch: batch b holds the items
 * `[b · batchSize, (b + 1) · batchSize)`, and all of a batch's items are scored before the next
 * batch is written. A writer may therefore carry state from one item to the next.
 */
export interface ScoringJobs {
  /** How many items. */
  readonly count: number;
  /**
   * Writes item `index`'s full image.
   *
   * @param index - The item, from 0 to `count − 1`.
   * @param image - Where to write its `C · H · W` values (a slot of the reused batch buffer).
   * @param slot - The item's place in its batch.
   */
  writeImage(index: number, image: Float32Array, slot: number): void;
  /**
   * The same items as masks of the image. When given, a backend with `masked-inputs` receives
   * these instead of the full images; other backends still get {@link ScoringJobs.writeImage}.
   */
  readonly masks?: LowResolutionMasks;
  /**
   * Receives each item's score once its batch has run, in index order.
   *
   * @param index - The item.
   * @param score - `target.score` of its output row, unrounded.
   * @param slot - The item's place in its batch, as it was given to the writer.
   */
  scored?(index: number, score: number, slot: number): void;
  /**
   * Names item `index`'s pass in errors, such as `masked pass 3 of layer 'relu2'`; by default
   * `masked pass <index + 1> of <count>`.
   *
   * @param index - The item.
   * @returns The pass, as a phrase.
   */
  describe?(index: number): string;
}
