import type { DemoModelMetadata } from './DemoModelMetadata.js';

/**
 * The bundled demo segmentation network's metadata file (`demo-seg.json`), written when the
 * network is trained: its name, file, input, normalisation and recommended layers as the
 * classifier's metadata has them, and the following.
 */
export interface DemoSegmentationModelMetadata extends Pick<DemoModelMetadata, 'name' | 'file' | 'inputShape' | 'mean' | 'std' | 'recommendedLayers'> {
  /** The model's output, `[labels, H, W]`: one logit per label and pixel. */
  readonly outputShape: readonly [number, number, number];
  /**
   * The label names, by output channel: `background` first, then the benchmark's classes in the
   * demo classifier's order, so that channel `1 + k` is the classifier's class `k`.
   */
  readonly classes: readonly string[];
  /** How it was trained and how well it does on the held-out test split. */
  readonly training: {
    /** The command that trained it. */
    readonly command: string;
    /** The seed of the synthetic benchmark it was trained on. */
    readonly datasetSeed: number;
    /** How many one-object training images it saw. */
    readonly trainSingles: number;
    /** How many two-object training images it saw. */
    readonly trainPairs: number;
    /** How many held-out test images it was measured on (one- and two-object). */
    readonly testImages: number;
    /** The share of the test images' pixels whose label it predicts, in [0, 1]. */
    readonly testPixelAccuracy: number;
    /** The mean over the labels (background included) of the test pixels' intersection over union, in [0, 1]. */
    readonly testMeanIou: number;
    /** The validation images' mean IoU, in [0, 1], which picked the epoch kept. */
    readonly validationMeanIou: number;
    /** How many epochs it trained for. */
    readonly epochs: number;
    /** How long training took, in seconds. */
    readonly trainingSeconds: number;
  };
}
