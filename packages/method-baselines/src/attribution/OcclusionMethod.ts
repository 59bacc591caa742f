import {
  PolycamError,
  scoreInBatches,
  type AttributionContext,
  type AttributionMethod,
  type BackendCapability,
  type Map2D,
  type ModelDescription,
} from '@polycam/core';
import type { OcclusionOptions } from './OcclusionOptions.js';
import { windowStarts } from './windowStarts.js';

interface Geometry {
  readonly patchY: number;
  readonly patchX: number;
  readonly startsY: number[];
  readonly startsX: number[];
}

/**
 * Occlusion (Zeiler & Fergus, "Visualizing and Understanding Convolutional Networks", ECCV
 * 2014), as Captum's `Occlusion` computes it: slide a square patch over the image, set it to a
 * baseline value in every channel, and credit each pixel with the mean score drop
 * `s(X) − s(X with the patch occluded)` over the patches that cover it. Patch and stride default
 * to the paper's 64 and 8 at 224×224, scaled to the input (see {@link OcclusionOptions}); unlike
 * Captum, a last patch flush with the far edge covers the pixels the stride would miss. One
 * forward pass per patch position.
 */
export class OcclusionMethod implements AttributionMethod {
  public readonly id = 'occlusion';
  /** No aliases. */
  public readonly aliases: readonly string[] = [];
  public readonly description: string;
  /** Only forward passes. */
  public readonly requires: readonly BackendCapability[] = ['forward'];
  readonly #options: OcclusionOptions;

  /**
   * @param options - Patch, stride and baseline.
   * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-argument` for a patch or stride that is not a
   *   positive integer.
   */
  public constructor(options: OcclusionOptions = {}) {
    for (const [name, value] of [['patch', options.patch], ['stride', options.stride]] as const) {
      if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
        throw new PolycamError('invalid-argument', `occlusion ${name} must be a positive integer, got ${value}`);
      }
    }
    this.#options = options;
    this.description =
      options.patch === undefined && options.stride === undefined
        ? 'Occlusion: mean score drop under a sliding patch (64 px, stride 8 at 224×224, scaled)'
        : `Occlusion: mean score drop under a sliding ${options.patch ?? 'scaled'} px patch, stride ${options.stride ?? 'scaled'}`;
  }

  #geometry(height: number, width: number): Geometry {
    const patchFor = (side: number): number => Math.min(side, this.#options.patch ?? Math.max(1, Math.round((64 * side) / 224)));
    const strideFor = (side: number): number => this.#options.stride ?? Math.max(1, Math.round((8 * side) / 224));
    const patchY = patchFor(height);
    const patchX = patchFor(width);
    return { patchY, patchX, startsY: windowStarts(height, patchY, strideFor(height)), startsX: windowStarts(width, patchX, strideFor(width)) };
  }

  /**
   * @param model - The model; its input size fixes the patch positions.
   * @returns The number of patch positions.
   */
  public plannedEvaluations(model: ModelDescription): number {
    const { startsY, startsX } = this.#geometry(model.input.shape[1], model.input.shape[2]);
    return startsY.length * startsX.length;
  }

  /**
   * @param context - The image, the model and the accounting.
   * @returns Each pixel's mean score drop over the patches covering it, H×W.
   * @throws {@link @polycam/core!index.PolycamError | PolycamError} `aborted` when the signal fires.
   */
  public async attribute(context: AttributionContext): Promise<Map2D> {
    const { input, baseScore } = context;
    const [, channels, height, width] = input.shape as [number, number, number, number];
    const plane = height * width;
    const { patchY, patchX, startsY, startsX } = this.#geometry(height, width);
    const positions = startsY.flatMap((y) => startsX.map((x) => [y, x] as const));
    const baseline = this.#options.baseline ?? 0;
    const drop = new Float64Array(plane);
    const cover = new Float64Array(plane);
    await scoreInBatches(context, {
      count: positions.length,
      writeImage: (index, image) => {
        const [y0, x0] = positions[index]!;
        image.set(input.data.subarray(0, channels * plane));
        for (let c = 0; c < channels; c += 1) {
          for (let y = y0; y < y0 + patchY; y += 1) image.fill(baseline, c * plane + y * width + x0, c * plane + y * width + x0 + patchX);
        }
      },
      scored: (index, score) => {
        const [y0, x0] = positions[index]!;
        const difference = baseScore - score;
        for (let y = y0; y < y0 + patchY; y += 1) {
          for (let x = x0; x < x0 + patchX; x += 1) {
            drop[y * width + x]! += difference;
            cover[y * width + x]! += 1;
          }
        }
      },
    });
    return { height, width, data: Float32Array.from(drop, (value, index) => value / cover[index]!) };
  }
}
