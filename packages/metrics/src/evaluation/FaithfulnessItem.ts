import type { Map2D, TargetRequest, Tensor } from '@polycam/core';

/** One image of an evaluation and the saliency map to score on it. */
export interface FaithfulnessItem {
  /** Names the image in the report and in the CSV files, such as its file name. Unique. */
  readonly key: string;
  /** The preprocessed image, `[C, H, W]` or `[1, C, H, W]`. */
  readonly input: Tensor;
  /** Its saliency map: `H × W`, or smaller with the input's aspect ratio, then upsampled bilinearly. */
  readonly saliency: Map2D;
  /** This image's own class, instead of the options' class or target (as `--class N,M` gives one per image). Not with `target`. */
  readonly classIndex?: number;
  /** This image's own target, instead of the options' class or target, bound to this image's output. Not with `classIndex`. */
  readonly target?: TargetRequest;
}
