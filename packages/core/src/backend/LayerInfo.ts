/**
 * One tensor inside a model that can be tapped: its name and its shape for one image.
 */
export interface LayerInfo {
  /** The tensor's name, which is what taps, layer lists and `--layers` use. */
  readonly name: string;
  /** The name of the operation that produces it, when the runtime has one. */
  readonly node?: string;
  /** The operation's type, such as `Conv`, `Relu` or `MaxPool`, when known. */
  readonly op?: string;
  /**
   * The tensor's shape for one image, without the batch axis: `[K, h, w]` for a spatial layer
   * (always channels first, whatever the runtime's layout), `[K]` for a vector.
   */
  readonly shape: readonly number[];
}
