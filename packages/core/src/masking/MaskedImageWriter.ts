import { resizeBilinear } from '../kernels/resizeBilinear.js';
import type { Tensor } from '../tensor/Tensor.js';
import type { ChannelMaskPlan } from './ChannelMaskPlan.js';
import type { MaskJob } from './MaskJob.js';

/**
 * Builds full masked images `X ⊙ M` or `X ⊙ (1 − M)`, with `M = resize(u(A^k), H×W)`, for
 * backends that only run plain batches. A channel's direct and complement images are adjacent
 * jobs, so its upsampled mask is kept for the next job.
 *
 * @internal
 */
export class MaskedImageWriter {
  readonly #plan: ChannelMaskPlan;
  readonly #input: Tensor;
  #channel = -1;
  #mask: Float32Array = new Float32Array(0);
  #complement: Float32Array | undefined;

  /**
   * @param plan - The layer's low-resolution masks.
   * @param input - The image `X`, `[1, C, H, W]`.
   */
  public constructor(plan: ChannelMaskPlan, input: Tensor) {
    this.#plan = plan;
    this.#input = input;
  }

  /**
   * Writes one job's masked image.
   *
   * @param job - The job.
   * @param image - Where to write its `C · H · W` values.
   */
  public write(job: MaskJob, image: Float32Array): void {
    if (job.kind === 'zero-input') {
      image.fill(0);
    } else {
      multiplyChannels(this.#input.data, this.#maskFor(job.channel, job.complement), image);
    }
  }

  #maskFor(channel: number, complement: boolean): Float32Array {
    const { height, width, masks } = this.#plan;
    if (channel !== this.#channel) {
      const [, , inputHeight, inputWidth] = this.#input.shape as [number, number, number, number];
      const plane = masks.subarray(channel * height * width, (channel + 1) * height * width);
      this.#mask = resizeBilinear({ height, width, data: plane }, inputHeight, inputWidth).data;
      this.#complement = undefined;
      this.#channel = channel;
    }
    if (!complement) return this.#mask;
    if (this.#complement === undefined) {
      this.#complement = new Float32Array(this.#mask.length);
      for (let pixel = 0; pixel < this.#mask.length; pixel += 1) this.#complement[pixel] = 1 - this.#mask[pixel]!;
    }
    return this.#complement;
  }
}

/** Writes `image[c, p] = input[c, p] · mask[p]` for every channel c. */
function multiplyChannels(input: Float32Array, mask: Float32Array, image: Float32Array): void {
  const planeSize = mask.length;
  for (let offset = 0; offset < input.length; offset += planeSize) {
    for (let pixel = 0; pixel < planeSize; pixel += 1) {
      image[offset + pixel] = input[offset + pixel]! * mask[pixel]!;
    }
  }
}
