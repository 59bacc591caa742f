/**
 * The bundled demo model's metadata file (`demo-cnn.json`), written when the model is trained.
 */
export interface DemoModelMetadata {
  /** A human-readable name. */
  readonly name: string;
  /** The ONNX file, relative to the metadata file. */
  readonly file: string;
  /** The model's input, `[C, H, W]`, channels first. */
  readonly inputShape: readonly [number, number, number];
  /** The per-channel mean the model was trained with (after scaling pixels to [0, 1]). */
  readonly mean: readonly number[];
  /** The per-channel standard deviation the model was trained with. */
  readonly std: readonly number[];
  /** The class names, by output index. */
  readonly classes: readonly string[];
  /** The layers to fuse: what `--layers auto` discovers on this model, in forward order. */
  readonly recommendedLayers: readonly string[];
  /** How it was trained and how well it does on the held-out test split. */
  readonly training: {
    readonly command: string;
    readonly datasetSeed: number;
    readonly trainImages: number;
    readonly testImages: number;
    readonly testAccuracy: number;
    readonly validationAccuracy: number;
    readonly epochs: number;
    readonly trainingSeconds: number;
  };
}
