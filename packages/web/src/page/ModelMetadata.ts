/**
 * A model's metadata JSON, in the bundled demo model's format: every field optional.
 */
export interface ModelMetadata {
  /** A display name. */
  readonly name?: string;
  /** The class names by output index. */
  readonly classes?: readonly string[];
  /** The per-channel mean. */
  readonly mean?: readonly number[];
  /** The per-channel standard deviation. */
  readonly std?: readonly number[];
  /** Layers the model's authors recommend fusing, in forward order. */
  readonly recommendedLayers?: readonly string[];
}
