import { PolycamError } from '../errors/PolycamError.js';
import type { Tensor } from '../tensor/Tensor.js';
import type { WeightingStrategy } from '../weighting/WeightingStrategy.js';

/**
 * Checks what a strategy returned for a layer before the weights are summed: K weights for a
 * `channel` strategy, K·h·w for an `element` one. A wrong count is the plugin's bug, not the
 * caller's, so it is reported as `invalid-plugin`, naming the strategy and the layer.
 *
 * @internal
 */
export function checkStrategyWeights(strategy: WeightingStrategy, layer: string, activation: Tensor, weights: Float32Array): Float32Array {
  const [channels, height, width] = activation.shape as [number, number, number];
  const element = strategy.granularity === 'element';
  const expected = element ? channels * height * width : channels;
  if (weights.length !== expected) {
    throw new PolycamError(
      'invalid-plugin',
      `weighting strategy '${strategy.id}' returned ${weights.length} weights for layer '${layer}', ` +
        `which needs ${expected} (${element ? 'one per activation element' : 'one per channel'})`,
    );
  }
  return weights;
}
