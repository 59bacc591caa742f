import type { BackendCapability, Tensor, WeightingContext, WeightingStrategy } from '@polycam/core';
import { countChannelMaskPasses, planChannelMasks, scoreChannelMasks } from '@polycam/core/masking';

/**
 * CIC, Channel-wise Increase of Confidence (PCAM+): each channel weighs the score of the image
 * kept where the channel is active, `w_k = s(X ⊙ M_k)`, taking the baseline score as 0 as the
 * paper does. K masked passes per layer.
 */
export class CicStrategy implements WeightingStrategy {
  public readonly id = 'cic';
  public readonly description = 'CIC (PCAM+): w = s(X ⊙ M)';
  /** Only forward passes. */
  public readonly requires: readonly BackendCapability[] = ['forward'];

  /** K: one masked image per channel. */
  public plannedEvaluations(channels: number): number {
    return channels;
  }

  /** One pass per distinct non-zero mask and variant, plus the shared zero input where it is needed. */
  public passesFor(activation: Tensor): number {
    return countChannelMaskPasses(planChannelMasks(activation), { direct: true, complement: false });
  }

  /** Weighs channel k by `s(X ⊙ M_k)`. */
  public async computeWeights(context: WeightingContext): Promise<Float32Array> {
    const { direct } = await scoreChannelMasks(context, { direct: true, complement: false });
    return direct!;
  }
}
