import type { Map2D, Tensor } from '@polycam/core';

/** One image of an evaluation and the saliency map to score on it. */
export interface FaithfulnessItem {
  /** Names the image in the report and in the CSV files, such as its file name. Unique. */
  readonly key: string;
  /** The preprocessed image, `[C, H, W]` or `[1, C, H, W]`. */
  readonly input: Tensor;
  /** Its saliency map: `H × W`, or smaller with the input's aspect ratio, then upsampled bilinearly. */
  readonly saliency: Map2D;
}
