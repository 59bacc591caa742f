/** Options of {@link buildTfjsLayersCnn}. */
export interface TfjsLayersCnnOptions {
  /** Seeds the weights. Default 1. */
  readonly seed?: number;
  /** The image side in pixels. Default 16. */
  readonly size?: number;
  /** The number of classes. Default 5. */
  readonly classes?: number;
  /** Adds a residual block (a convolution whose output is added to its input) after `relu2`. */
  readonly residual?: boolean;
  /** Fixes the batch axis to this size. */
  readonly fixedBatchSize?: number;
}
