import type { LayerInfo } from '@polycam/core';
import type { Tensor } from '@tensorflow/tfjs-core';

/**
 * What {@link TfjsBackend} needs of a loaded TF.js model, whether a LayersModel or a GraphModel.
 * Shapes and tensors are in the model's own layout; the backend converts at its edge. Every
 * method runs synchronously and must be called inside `tf.tidy`.
 *
 * @internal
 */
export interface TfjsModelAdapter {
  /** `layers` or `graph`. */
  readonly format: 'layers' | 'graph';
  /** The image input's name. */
  readonly inputName: string;
  /** The image input's shape with its batch axis (`null` or -1 when dynamic). */
  readonly inputShape: readonly (number | null)[];
  /** The scored output's name. */
  readonly outputName: string;
  /** The scored output's per-image shape in the model's layout (`[K]`, or `[h, w, K]` for an NHWC map). */
  readonly outputShape: readonly number[];
  /** The scored output's number of entries per image. */
  readonly outputSize: number;
  /**
   * Each layer that holds weights, with its weights' names in the manifest, in forward order;
   * undefined when the model's weights cannot be told apart by layer (GraphModels).
   */
  readonly parameterTensors?: ReadonlyMap<string, readonly string[]>;
  /** Every tappable tensor in forward order, with its per-image shape in the model's layout. */
  readonly layers: readonly LayerInfo[];
  /**
   * Runs a batch.
   *
   * @param input - The batch in the model's layout.
   * @param taps - Names from {@link TfjsModelAdapter.layers}.
   * @returns The output `[N, ...outputShape]` and each tap, in the order asked.
   */
  execute(input: Tensor, taps: readonly string[]): { output: Tensor; taps: Tensor[] };
  /**
   * Splits the model at a layer for differentiation.
   *
   * @param input - One image in the model's layout.
   * @param layer - The layer to differentiate with respect to.
   * @returns The layer's activation, and the rest of the model as a function of it (or
   *   undefined when the output does not depend on the layer).
   */
  split(input: Tensor, layer: string): { activation: Tensor; head: ((activation: Tensor) => Tensor) | undefined };
  /** Releases the model's weights. */
  dispose(): void;
}
