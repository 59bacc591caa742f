import type { Map2D } from '@polycam/core';
import type { RandomizationStep } from './RandomizationStep.js';

/**
 * What {@link cascadingRandomization} reports.
 */
export interface CascadingRandomizationResult {
  /** The map explained on the original model. */
  readonly original: Map2D;
  /** One step per randomised layer, from the last layer towards the first. */
  readonly steps: readonly RandomizationStep[];
}
