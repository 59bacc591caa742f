import {
  scoreInBatches,
  type BackendCapability,
  type WeightingContext,
  type WeightingStrategy,
} from '@polycam/core';
import { resizeBilinear } from '@polycam/core/kernels';

/**
 * A weighting strategy written from the public API alone: each channel's activation, upsampled
 * to the image, becomes a binary mask (1 where the channel is above its own mean), and the
 * channel weighs the class score of the image kept under that mask, `w_k = s(X ⊙ B_k)`.
 * One masked image per channel.
 */
export class BinaryMaskStrategy implements WeightingStrategy {
  /** The id that presets and `ExplainRequest.strategy` use. */
  public readonly id = 'binary-cic';
  /** One line for `polycam methods` and the docs. */
  public readonly description = 'w = s(X ⊙ B), B = [upsampled channel > its mean]';
  /** Plain forward passes are all it needs, so every backend can run it. */
  public readonly requires: readonly BackendCapability[] = ['forward'];

  /**
   * @param channels - The layer's channel count K.
   * @returns K: one masked image per channel.
   */
  public plannedEvaluations(channels: number): number {
    return channels;
  }

  /**
   * @param context - The layer, the image, the model and the accounting for this call.
   * @returns `s(X ⊙ B_k)` for each channel k.
   */
  public async computeWeights(context: WeightingContext): Promise<Float32Array> {
    const { activation, input } = context;
    const [channels, h, w] = activation.shape as [number, number, number];
    const [, imageChannels, height, width] = input.shape as [number, number, number, number];
    const pixels = height * width;

    // scoreInBatches fills one reused batch of at most batchSize images through writeImage,
    // runs it, scores each image with the target, reports the batch to the ledger and checks
    // the signal before the next batch.
    return scoreInBatches(context, {
      count: channels,
      writeImage: (k, image) => {
        const plane = activation.data.slice(k * h * w, (k + 1) * h * w);
        const mask = resizeBilinear({ height: h, width: w, data: plane }, height, width).data;
        const mean = mask.reduce((sum, value) => sum + value, 0) / pixels;
        for (let c = 0; c < imageChannels; c += 1) {
          for (let p = 0; p < pixels; p += 1) image[c * pixels + p] = input.data[c * pixels + p]! * (mask[p]! > mean ? 1 : 0);
        }
      },
    });
  }
}
