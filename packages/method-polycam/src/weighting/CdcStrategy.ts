import type { BackendCapability, Tensor, WeightingContext, WeightingStrategy } from '@polycam/core';
import { countChannelMaskPasses, planChannelMasks, scoreChannelMasks } from '@polycam/core/masking';

/**
 * CDC, Channel-wise Decrease of Confidence (PCAM−): each channel weighs how much the score drops
 * when the image is removed where the channel is active,
 * `w_k = ReLU(s(X) − s(X ⊙ (1 − M_k)))`. K masked passes per layer.
 */
export class CdcStrategy implements WeightingStrategy {
  public readonly id = 'cdc';
  public readonly description = 'CDC (PCAM−): w = ReLU(s(X) − s(X ⊙ (1 − M)))';
  /** Only forward passes. */
  public readonly requires: readonly BackendCapability[] = ['forward'];

  /** K: one complement-masked image per channel. */
  public plannedEvaluations(channels: number): number {
    return channels;
  }

  /** One pass per distinct non-zero mask and variant, plus the shared zero input where it is needed. */
  public passesFor(activation: Tensor): number {
    return countChannelMaskPasses(planChannelMasks(activation), { direct: false, complement: true });
  }

  /** Weighs channel k by `ReLU(s(X) − s(X ⊙ (1 − M_k)))`. */
  public async computeWeights(context: WeightingContext): Promise<Float32Array> {
    const { complement } = await scoreChannelMasks(context, { direct: false, complement: true });
    return complement!.map((score) => Math.max(Math.fround(context.baseScore - score), 0));
  }
}
