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
  /** The same weights as a TF.js LayersModel, written by `npm run export:demo-tfjs`. */
  readonly tfjs: {
    /** Its `model.json`, relative to the metadata file. */
    readonly file: string;
    /** The same layers as {@link DemoModelMetadata.recommendedLayers}, by their TF.js names. */
    readonly recommendedLayers: readonly string[];
  };
  /** How it was trained and how well it does on the held-out test split. */
  readonly training: {
    /** The command that trained it. */
    readonly command: string;
    /** The seed of the synthetic benchmark it was trained on. */
    readonly datasetSeed: number;
    /** How many training images it saw. */
    readonly trainImages: number;
    /** How many held-out test images it was measured on. */
    readonly testImages: number;
    /** Its accuracy on the test images, in [0, 1]. */
    readonly testAccuracy: number;
    /** Its accuracy on the validation images, in [0, 1]. */
    readonly validationAccuracy: number;
    /** How many epochs it trained for. */
    readonly epochs: number;
    /** How long training took, in seconds. */
    readonly trainingSeconds: number;
  };
}
