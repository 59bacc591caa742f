import type { ModelBackend } from './ModelBackend.js';

/**
 * The optional `weight-randomization` capability, for the model-randomisation sanity check
 * (Adebayo et al., 2018): copies of the model whose chosen layers have freshly drawn random
 * weights. A backend that cannot rewrite its weights simply has none.
 */
export interface WeightRandomizer {
  /** The layers that hold trainable weights (convolutions, fully connected), in forward order. */
  readonly parameterizedLayers: readonly string[];
  /**
   * Loads a copy of the model whose given layers' weights and biases are redrawn at random, each
   * tensor from a Gaussian with its original mean and standard deviation. The original backend
   * is left as it was.
   *
   * @param layers - Names from {@link WeightRandomizer.parameterizedLayers}.
   * @param seed - Seeds the random weights.
   * @returns A new backend; dispose it when done.
   * @throws {@link PolycamError} `unknown-layer` for a name that holds no weights.
   */
  randomized(layers: readonly string[], seed: number): Promise<ModelBackend>;
}
