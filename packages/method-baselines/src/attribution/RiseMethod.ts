import {
  PolycamError,
  scoreInBatches,
  seededRandom,
  type AttributionContext,
  type AttributionMethod,
  type BackendCapability,
  type Map2D,
} from '@polycam/core';
import type { RiseOptions } from './RiseOptions.js';
import { writeRiseMask } from './writeRiseMask.js';

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new PolycamError('invalid-argument', `RISE ${name} must be a positive integer, got ${value}`);
  }
  return value;
}

/**
 * RISE, Randomized Input Sampling for Explanation (Petsiuk et al., BMVC 2018): the saliency of
 * a pixel is the expected score of randomly masked images that keep it,
 * `S = (1 / (N · p)) Σ_i s(X ⊙ M_i) · M_i`, over N masks: each an s×s grid of cells kept with
 * probability p, upsampled bilinearly and cropped to H×W at a random offset. The masks multiply the normalised image, so a masked pixel takes the dataset's mean colour, as
 * in the authors' code. Masks are drawn from a seeded generator one batch at a time, so memory
 * stays bounded and the map does not depend on the batch size. N forward passes.
 */
export class RiseMethod implements AttributionMethod {
  public readonly id = 'rise';
  /** No aliases. */
  public readonly aliases: readonly string[] = [];
  public readonly description: string;
  /** Only forward passes. */
  public readonly requires: readonly BackendCapability[] = ['forward'];
  readonly #masks: number;
  readonly #cells: number;
  readonly #probability: number;
  readonly #seed: number;

  /**
   * @param options - N, s, p and the seed.
   * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-argument` for a non-positive count or a probability
   *   outside (0, 1].
   */
  public constructor(options: RiseOptions = {}) {
    this.#masks = positiveInteger('mask count', options.masks ?? 4000);
    this.#cells = positiveInteger('cell count', options.cells ?? 7);
    this.#probability = options.probability ?? 0.5;
    if (!(this.#probability > 0 && this.#probability <= 1)) {
      throw new PolycamError('invalid-argument', `RISE probability must be in (0, 1], got ${this.#probability}`);
    }
    this.#seed = options.seed ?? 0;
    this.description = `RISE: mean score of ${this.#masks} random masks (${this.#cells}×${this.#cells} cells, p = ${this.#probability})`;
  }

  /**
   * @returns N: one masked image per mask.
   */
  public plannedEvaluations(): number {
    return this.#masks;
  }

  /**
   * @param context - The image, the model and the accounting.
   * @returns `Σ_i s(X ⊙ M_i) M_i / (N p)`, H×W.
   * @throws {@link @polycam/core!index.PolycamError | PolycamError} `aborted` when the signal fires.
   */
  public async attribute(context: AttributionContext): Promise<Map2D> {
    const { input, batchSize } = context;
    const [, channels, height, width] = input.shape as [number, number, number, number];
    const plane = height * width;
    const random = seededRandom(this.#seed);
    const masks = new Float32Array(Math.min(batchSize, this.#masks) * plane);
    const sum = new Float64Array(plane);
    await scoreInBatches(context, {
      count: this.#masks,
      writeImage: (_, image, slot) => {
        const mask = masks.subarray(slot * plane, (slot + 1) * plane);
        writeRiseMask(random, this.#cells, this.#probability, height, width, mask);
        for (let c = 0; c < channels; c += 1) {
          for (let index = 0; index < plane; index += 1) image[c * plane + index] = input.data[c * plane + index]! * mask[index]!;
        }
      },
      scored: (_, score, slot) => {
        for (let index = 0; index < plane; index += 1) sum[index]! += score * masks[slot * plane + index]!;
      },
    });
    const scale = this.#masks * this.#probability;
    return { height, width, data: Float32Array.from(sum, (value) => value / scale) };
  }
}
