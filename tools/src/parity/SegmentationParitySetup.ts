import type { ManifestImage } from '@polycam/synthetic';

/** The score functions the parity cases use. */
export type ParityScore = 'softmax' | 'identity';

/** One case of the segmentation parity check, as the Python side describes it. */
export interface SegmentationParityCase {
  /** The ONNX file, in the working folder. */
  readonly model: string;
  /** The explained class: the square's, 0 for a one-channel (binary) head. */
  readonly classIndex: number;
  /** Whether the model's height and width are dynamic (exported with `dynamic_axes` on them). */
  readonly dynamicSize: boolean;
  /** The segmentation score: summed probabilities (`softmax`) or summed logits (`identity`). */
  readonly score: ParityScore;
  /** `predicted`: the pixels predicted as the class; otherwise a mask's name: the pixels set in
   * `NAME.png` (white on black; the command line's argument) and `NAME.npy` (its 0/1 float32
   * copy, which the library path passes as the region's map). */
  readonly region: string;
  /** Whether polycam picks the layers (`--layers auto`); its pick must be `layers`. */
  readonly auto: boolean;
  /** The PyTorch modules whose outputs are the layers. */
  readonly modules: readonly string[];
  /** The layers' ONNX tensor names, shallow to deep: the encoder's ReLUs, or what METHOD.md's
   * discovery picks on the PyTorch modules when `auto`. */
  readonly layers: readonly string[];
  /** The forward passes the brute force ran. */
  readonly passes: number;
}

/**
 * `cases.json`, written by `tools/python/segmentation_parity.py prepare`: the image and the
 * cases to explain.
 */
export interface SegmentationParitySetup {
  /** The explained image's PNG, in the working folder. */
  readonly image: string;
  /** Its height and width. */
  readonly imageSize: readonly [number, number];
  /** The image as a benchmark manifest entry, so that `readDatasetImage` reads it as the CLI does. */
  readonly manifestItem: ManifestImage;
  /** The cases, by name. */
  readonly cases: Readonly<Record<string, SegmentationParityCase>>;
  /** The methods, from the npz keys' short ids (`pcampm`) to polycam's ids (`pcam±`). */
  readonly methods: Readonly<Record<string, string>>;
}
