/**
 * The bundled demo segmentation network's metadata file (`demo-seg.json`), written when the
 * network is trained.
 */
export interface DemoSegmentationModelMetadata {
  /** A human-readable name. */
  readonly name: string;
  /** The ONNX file, relative to the metadata file. */
  readonly file: string;
  /** The model's input, `[C, H, W]`, channels first. */
  readonly inputShape: readonly [number, number, number];
  /** The model's output, `[labels, H, W]`: one logit per label and pixel. */
  readonly outputShape: readonly [number, number, number];
  /** The per-channel mean the model was trained with (after scaling pixels to [0, 1]). */
  readonly mean: readonly number[];
  /** The per-channel standard deviation the model was trained with. */
  readonly std: readonly number[];
  /**
   * The label names, by output channel: `background` first, then the benchmark's classes in the
   * demo classifier's order, so that channel `1 + k` is the classifier's class `k`.
   */
  readonly classes: readonly string[];
  /** The layers to fuse: what `--layers auto` discovers on this model, in forward order. */
  readonly recommendedLayers: readonly string[];
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
