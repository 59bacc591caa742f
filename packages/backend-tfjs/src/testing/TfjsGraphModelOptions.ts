/** Options of {@link writeTfjsGraphModel}. */
export interface TfjsGraphModelOptions {
  /** Seeds the weights. Default 1. */
  readonly seed?: number;
  /** The image side in pixels. Default 16. */
  readonly size?: number;
  /** The number of classes. Default 4. */
  readonly classes?: number;
  /** Fixes the batch axis to this size. */
  readonly fixedBatchSize?: number;
}
