import type { BackendCapability, WeightingContext, WeightingStrategy } from '@polycam/core';
import { planChannelMasks, scoreChannelMasks } from '@polycam/core/masking';
import { scoreTarget } from '../gradients/scoreTarget.js';
import { minMaxNormalize } from '../masking/minMaxNormalize.js';
import type { ScoreCamOptions } from './ScoreCamOptions.js';
import type { ScoreCamWeights } from './ScoreCamWeights.js';

function softmax(values: Float32Array): Float32Array {
  const maximum = values.reduce((best, value) => Math.max(best, value), -Infinity);
  const exponentials = Float64Array.from(values, (value) => Math.exp(value - maximum));
  const total = exponentials.reduce((sum, value) => sum + value, 0);
  return Float32Array.from(exponentials, (value) => value / total);
}

/**
 * Score-CAM (Wang et al., "Score-CAM: Score-Weighted Visual Explanations for Convolutional
 * Neural Networks", CVPR Workshops 2020): CIC with torchcam's masks. Each channel is min-max
 * normalised at the layer's resolution, `(A_k − min) / (max − min)`, then upsampled bilinearly
 * into the mask `M_k`, and weighs the score of `X ⊙ M_k` (see {@link ScoreCamWeights}). It
 * reuses Poly-CAM's masked-scoring helper from `@polycam/core/masking`, so batching and the
 * exact shortcuts (one pass for all constant channels, one per group of identical masks) apply.
 * K masked passes per layer; the `score-cam` presets run it on the last layer only.
 */
export class ScoreCamStrategy implements WeightingStrategy {
  /** `score-cam`, or `score-cam-softmax` for the softmax-of-logit-difference weights. */
  public readonly id: string;
  public readonly description: string;
  /** Only forward passes. */
  public readonly requires: readonly BackendCapability[] = ['forward'];
  readonly #weights: ScoreCamWeights;

  /**
   * @param options - How scores become weights.
   */
  public constructor(options: ScoreCamOptions = {}) {
    this.#weights = options.weights ?? 'score';
    const softmaxWeights = this.#weights === 'softmax-logit-difference';
    this.id = softmaxWeights ? 'score-cam-softmax' : 'score-cam';
    this.description = softmaxWeights
      ? 'Score-CAM: w = softmax_k(z_c(X ⊙ M_k) − z_c(X)), min-max masks'
      : 'Score-CAM: w = s(X ⊙ M), min-max masks';
  }

  /** K: one masked image per channel. */
  public plannedEvaluations(channels: number): number {
    return channels;
  }

  /**
   * @param context - The layer and the image.
   * @returns The weight of each channel.
   * @throws {@link @polycam/core!index.PolycamError | PolycamError} `aborted` when the signal fires.
   */
  public async computeWeights(context: WeightingContext): Promise<Float32Array> {
    const plan = planChannelMasks(context.activation, minMaxNormalize);
    if (this.#weights === 'score') {
      return (await scoreChannelMasks(context, { direct: true, complement: false }, plan)).direct!;
    }
    const logits = { ...context, target: scoreTarget(context.target, 'logit', context.backend.description.output.size) };
    return softmax((await scoreChannelMasks(logits, { direct: true, complement: false }, plan)).direct!);
  }
}
