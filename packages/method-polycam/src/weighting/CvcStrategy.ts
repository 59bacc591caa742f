import type { BackendCapability, Tensor, WeightingContext, WeightingStrategy } from '@polycam/core';
import { countChannelMaskPasses, planChannelMasks, scoreChannelMasks } from '@polycam/core/masking';

/**
 * CVC, Channel-wise Variation of Confidence (PCAM±): the increase and the decrease together,
 * `w_k = ReLU(s(X ⊙ M_k) + s(X) − s(X ⊙ (1 − M_k)))`. 2K masked passes per layer.
 */
export class CvcStrategy implements WeightingStrategy {
  public readonly id = 'cvc';
  public readonly description = 'CVC (PCAM±): w = ReLU(s(X ⊙ M) + s(X) − s(X ⊙ (1 − M)))';
  /** Only forward passes. */
  public readonly requires: readonly BackendCapability[] = ['forward'];

  /** 2K: a masked and a complement-masked image per channel. */
  public plannedEvaluations(channels: number): number {
    return 2 * channels;
  }

  /** One pass per distinct non-zero mask and variant, plus the shared zero input where it is needed. */
  public passesFor(activation: Tensor): number {
    return countChannelMaskPasses(planChannelMasks(activation), { direct: true, complement: true });
  }

  /** Weighs channel k by `ReLU(s(X ⊙ M_k) + s(X) − s(X ⊙ (1 − M_k)))`. */
  public async computeWeights(context: WeightingContext): Promise<Float32Array> {
    const { direct, complement } = await scoreChannelMasks(context, { direct: true, complement: true });
    return direct!.map((score, channel) =>
      Math.max(Math.fround(Math.fround(score + context.baseScore) - complement![channel]!), 0),
    );
  }
}
