import type { Map2D } from '@polycam/core';

/**
 * One step of {@link cascadingRandomization}: the model with its layers from the last one down
 * to `layer` randomised.
 */
export interface RandomizationStep {
  /** The layer randomised at this step, on top of those of the earlier steps. */
  readonly layer: string;
  /** Spearman's rank correlation of this step's map with the original map, in [−1, 1]. */
  readonly correlation: number;
  /** The map explained on the randomised model. */
  readonly map: Map2D;
}
