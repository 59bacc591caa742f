import type { SplitSizes } from './SplitSizes.js';

/**
 * What {@link generateDataset} writes.
 */
export interface DatasetOptions {
  /** The folder to create; it must not exist, or be empty. It appears only once complete. */
  readonly folder: string;
  /** Seeds everything: the same seed gives byte-identical files. */
  readonly seed: number;
  /** The images' side length in pixels, 48 to 512. Default 128. */
  readonly size?: number;
  /** How many of the eight classes to use (the first ones). Default 8. */
  readonly classes?: number;
  /** The sizes of the train, validation and test splits. */
  readonly splits: {
    /** The training split. */
    readonly train: SplitSizes;
    /** The validation split. */
    readonly validation: SplitSizes;
    /** The held-out test split. */
    readonly test: SplitSizes;
  };
  /** Called after each image is written, for progress. */
  readonly onImage?: (done: number, total: number) => void;
  /** Cancels the generation, checked before each image and mask; nothing is left behind. */
  readonly signal?: AbortSignal;
}
