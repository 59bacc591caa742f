import { PolycamError, type BackendCapability, type WeightingContext, type WeightingStrategy } from '@polycam/core';
import { selectChannels } from '../selection/selectChannels.js';
import { topVarianceChannels } from '../selection/topVarianceChannels.js';
import { defaultKeep } from './defaultKeep.js';
import type { FasterPolycamOptions } from './FasterPolycamOptions.js';

/**
 * "Faster Poly-CAM": any per-channel weighting strategy (CIC, CDC, CVC, or a third party's)
 * applied to only the `keep` channels of each layer whose activation varies the most; the
 * other channels weigh 0. This is tf-keras-vis's Faster Score-CAM idea carried over to every
 * layer of Poly-CAM: a layer of K channels costs `keep` masked passes (2·`keep` for CVC)
 * instead of K (2K), an approximation whose effect on the map is measured in the README.
 *
 * The wrapped strategy sees a smaller activation holding only the kept channels, so its own
 * batching, shortcuts, accounting and cancellation apply unchanged.
 *
 * @example
 * ```ts
 * const fasterCvc = new FasterPolycamStrategy(new CvcStrategy(), { keep: 16 }); // id 'faster-cvc'
 * ```
 */
export class FasterPolycamStrategy implements WeightingStrategy {
  /** `faster-` followed by the wrapped strategy's id, such as `faster-cvc`. */
  public readonly id: string;
  public readonly description: string;
  /** What the wrapped strategy requires. */
  public readonly requires: readonly BackendCapability[];
  /** The channels scored per layer. */
  public readonly keep: number;
  readonly #inner: WeightingStrategy;

  /**
   * @param inner - The strategy that weighs the kept channels.
   * @param options - How many channels to keep per layer.
   * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-argument` when `keep` is not a positive integer.
   */
  public constructor(inner: WeightingStrategy, options: FasterPolycamOptions = {}) {
    const keep = options.keep ?? defaultKeep;
    if (!(Number.isInteger(keep) && keep >= 1)) {
      throw new PolycamError('invalid-argument', `keep must be a positive integer, got ${keep}`);
    }
    this.#inner = inner;
    this.keep = keep;
    this.id = `faster-${inner.id}`;
    this.description = `${inner.id} on the ${keep} channels of highest activation variance per layer, 0 elsewhere`;
    this.requires = inner.requires;
  }

  /**
   * @param channels - The layer's channel count K.
   * @returns What the wrapped strategy plans for `min(keep, K)` channels.
   */
  public plannedEvaluations(channels: number): number {
    return this.#inner.plannedEvaluations(Math.min(this.keep, channels));
  }

  /**
   * @param context - The layer, the image, the model and the accounting.
   * @returns The wrapped strategy's weight for each kept channel, 0 for the others.
   * @throws {@link @polycam/core!index.PolycamError | PolycamError} `aborted` when the context's signal fires.
   */
  public async computeWeights(context: WeightingContext): Promise<Float32Array> {
    const kept = topVarianceChannels(context.activation, this.keep);
    const innerWeights = await this.#inner.computeWeights({ ...context, activation: selectChannels(context.activation, kept) });
    const weights = new Float32Array(context.activation.shape[0]!);
    kept.forEach((channel, slot) => {
      weights[channel] = innerWeights[slot]!;
    });
    return weights;
  }
}
