import type { ModelDescription } from '../backend/ModelDescription.js';
import { PolycamError } from '../errors/PolycamError.js';
import type { Map2D } from '../tensor/Map2D.js';
import { checkTargetClass } from './checkTargetClass.js';
import { parseTargetClass } from './parseTargetClass.js';
import type { SegmentationTargetOptions } from './SegmentationTargetOptions.js';
import { segmentationTarget } from './segmentationTarget.js';
import type { TargetArgumentLoader } from './TargetArgumentLoader.js';
import type { TargetBindContext } from './TargetBindContext.js';
import type { TargetFunction } from './TargetFunction.js';
import type { TargetPlugin } from './TargetPlugin.js';
import { targetOptionsRecord } from './targetOptionsRecord.js';

type Shape3 = readonly [number, number, number];

function segmentationShape(output: ModelDescription['output']): Shape3 {
  const { shape } = output;
  if (shape.length !== 3 || shape.some((dimension) => !Number.isInteger(dimension) || dimension < 1)) {
    throw new PolycamError(
      'invalid-argument',
      `the segmentation target needs a [C, H, W] output, but output '${output.name}' has shape [${shape.join(', ')}]`,
    );
  }
  return shape as unknown as Shape3;
}

function isMap2D(value: unknown): value is Map2D {
  if (typeof value !== 'object' || value === null) return false;
  const { height, width, data } = value as Partial<Map2D>;
  return (
    Number.isInteger(height) && Number.isInteger(width) && height! > 0 && width! > 0 &&
    ArrayBuffer.isView(data) && (data as Float32Array).length === height! * width!
  );
}

/** The region resized nearest-neighbour to H×W: 1 where the source pixel is non-zero (and not NaN), 0 elsewhere. */
function regionAt(region: Map2D, height: number, width: number): Map2D {
  const data = new Float32Array(height * width);
  for (let y = 0; y < height; y += 1) {
    const sourceY = Math.min(region.height - 1, Math.floor(((y + 0.5) * region.height) / height));
    for (let x = 0; x < width; x += 1) {
      const sourceX = Math.min(region.width - 1, Math.floor(((x + 0.5) * region.width) / width));
      const value = region.data[sourceY * region.width + sourceX]!;
      data[y * width + x] = value !== 0 && !Number.isNaN(value) ? 1 : 0;
    }
  }
  return { height, width, data };
}

function pixelsOf(region: Map2D): Int32Array {
  const pixels: number[] = [];
  region.data.forEach((value, pixel) => {
    if (value !== 0) pixels.push(pixel);
  });
  return Int32Array.from(pixels);
}

/** The pixels the output predicts as `c`: those whose channel argmax (first on ties, never NaN) is `c`; for one channel, those with `z > 0`. */
function predictedPixels(unmasked: Float32Array, [channels, height, width]: Shape3, classIndex: number): Int32Array {
  const plane = height * width;
  const pixels: number[] = [];
  for (let pixel = 0; pixel < plane; pixel += 1) {
    if (channels === 1) {
      if (unmasked[pixel]! > 0) pixels.push(pixel);
      continue;
    }
    let best = 0;
    let bestValue = -Infinity;
    for (let k = 0; k < channels; k += 1) {
      const value = unmasked[k * plane + pixel]!;
      if (value > bestValue) {
        bestValue = value;
        best = k;
      }
    }
    if (best === classIndex) pixels.push(pixel);
  }
  return Int32Array.from(pixels);
}

/**
 * The built-in `segmentation` target: the score of class `c` summed over a region R of a
 * segmentation output `z` of per-image shape `[C, H, W]` (channels first; a PyTorch export's
 * `[N, C, H, W]` logits), in float64 and rounded to float32 once:
 *
 * - `softmax` (the default score function): `s = Σ_{p∈R} softmax_k(z[·, p])[c]`, the
 *   probability of `c` at each pixel, the softmax running over the channel axis;
 * - `sigmoid`: `s = Σ_{p∈R} sigmoid(z[c, p])`;
 * - `identity`: `s = Σ_{p∈R} z[c, p]`, the summed logits (pytorch-grad-cam's
 *   `SemanticSegmentationTarget` on a mask).
 *
 * R is the given {@link SegmentationTargetOptions.region} (its non-zero pixels, resized
 * nearest-neighbour to H×W), or, by default, the pixels whose argmax over channels on the
 * unmasked output is `c` (first channel on ties); it is fixed for the whole explanation. An
 * empty R is an `invalid-argument` error.
 *
 * A single-channel head `[1, H, W]` is a binary segmenter whose one channel is the foreground's
 * logit: the class is 0, `softmax` scores `sigmoid(z[0, p])` (as the class target does for one
 * output), and the default region is the pixels with `z[0, p] > 0`.
 *
 * Command line: `--target segmentation:CLASS` or `--target segmentation:CLASS:MASK.png`.
 */
export class SegmentationTargetPlugin implements TargetPlugin<SegmentationTargetOptions> {
  /** `segmentation`. */
  public readonly id = 'segmentation';
  /** One line on the score. */
  public readonly description = "class c's summed per-pixel probability (or logit) over a region of a [C, H, W] output; the pixels predicted as c by default";
  /** `CLASS[:MASK.png]`. */
  public readonly syntax = 'CLASS[:MASK.png]';

  /**
   * @param argument - `CLASS` or `CLASS:MASK.png`.
   * @param loader - Reads the mask.
   * @returns The options.
   * @throws {@link PolycamError} `invalid-argument` when the class is not an index, or what the
   *   loader throws for the mask.
   */
  public async parse(argument: string, loader: TargetArgumentLoader): Promise<SegmentationTargetOptions> {
    const colon = argument.indexOf(':');
    const classIndex = parseTargetClass(this.id, colon < 0 ? argument : argument.slice(0, colon));
    if (colon < 0) return { classIndex };
    const path = argument.slice(colon + 1);
    if (path === '') throw new PolycamError('invalid-argument', `--target ${this.id}: no mask file after '${argument}'`);
    return { classIndex, region: await loader.readMask(path) };
  }

  /**
   * @param options - `{ classIndex, region? }`.
   * @param output - The explained output, `[C, H, W]`.
   * @returns The checked options, the region (if any) resized to H×W as 0/1.
   * @throws {@link PolycamError} `invalid-argument` for an output that is not `[C, H, W]`,
   *   options that are not an object, a region that is not a map or has no pixel set;
   *   `class-out-of-range` for a class outside `[0, C)`.
   */
  public check(options: unknown, output: ModelDescription['output']): SegmentationTargetOptions {
    const shape = segmentationShape(output);
    const { classIndex, region } = targetOptionsRecord(this.id, options, false);
    const checkedClass = checkTargetClass(classIndex, shape[0], `output '${output.name}' ([${shape.join(', ')}])`);
    if (region === undefined) return { classIndex: checkedClass };
    if (!isMap2D(region)) {
      throw new PolycamError('invalid-argument', 'the segmentation target\'s region must be a map: { height, width, data } with height·width values');
    }
    const resized = regionAt(region, shape[1], shape[2]);
    if (!resized.data.includes(1)) {
      throw new PolycamError('invalid-argument', `the segmentation target's region (${region.width}×${region.height}) has no pixel set at the output's ${shape[2]}×${shape[1]}`);
    }
    return { classIndex: checkedClass, region: resized };
  }

  /**
   * @param options - Checked options.
   * @param context - The output, the unmasked output (for the predicted region) and the score function.
   * @returns The region's target.
   * @throws {@link PolycamError} `invalid-argument` when no pixel is predicted as the class.
   */
  public bind(options: SegmentationTargetOptions, context: TargetBindContext): TargetFunction {
    const shape = segmentationShape(context.output);
    const { classIndex, region } = options;
    const pixels = region === undefined ? predictedPixels(context.unmasked, shape, classIndex) : pixelsOf(regionAt(region, shape[1], shape[2]));
    if (pixels.length === 0) {
      throw new PolycamError(
        'invalid-argument',
        `no pixel of output '${context.output.name}' is predicted as class ${classIndex} on the unmasked image, so the segmentation region is empty; give a mask (segmentation:${classIndex}:MASK.png)`,
      );
    }
    return segmentationTarget(classIndex, pixels, shape, context.scoreFunction);
  }
}
