import type { Map2D } from '../tensor/Map2D.js';
import { resizeBilinear } from './resizeBilinear.js';

/** For one output index: the first source index and the normalised weights that follow it. */
interface Footprint {
  readonly start: number;
  readonly weights: Float64Array;
}

function footprints(inputSize: number, outputSize: number): Footprint[] {
  const scale = inputSize / outputSize;
  const support = scale; // the triangle filter's support (1) stretched by the scale
  const result: Footprint[] = [];
  for (let index = 0; index < outputSize; index += 1) {
    const centre = scale * (index + 0.5);
    const start = Math.max(Math.trunc(centre - support + 0.5), 0);
    const end = Math.min(Math.trunc(centre + support + 0.5), inputSize);
    const weights = new Float64Array(end - start);
    let total = 0;
    for (let offset = 0; offset < weights.length; offset += 1) {
      const distance = (start + offset - centre + 0.5) / scale;
      const weight = Math.max(0, 1 - Math.abs(distance));
      weights[offset] = weight;
      total += weight;
    }
    for (let offset = 0; offset < weights.length; offset += 1) {
      weights[offset] = total > 0 ? weights[offset]! / total : 0;
    }
    result.push({ start, weights });
  }
  return result;
}

/**
 * Resizes a map bilinearly with anti-aliasing, as PyTorch's
 * `F.interpolate(mode='bilinear', antialias=True, align_corners=False)` and torchvision's
 * `Resize` do: when shrinking, the triangle filter widens with the scale so that every source
 * pixel contributes. When growing, it equals {@link resizeBilinear}. Used to bring input images
 * to the model's size; the Poly-CAM semantics themselves use the plain kernel.
 *
 * @param source - The map to resize.
 * @param height - The output height, at least 1.
 * @param width - The output width, at least 1.
 * @returns A new map of `height × width`.
 */
export function resizeBilinearAntialiased(source: Map2D, height: number, width: number): Map2D {
  if (height >= source.height && width >= source.width) {
    return resizeBilinear(source, height, width);
  }
  // Separable: along the width first, then along the height.
  const horizontal =
    width < source.width ? footprints(source.width, width) : undefined;
  const vertical = height < source.height ? footprints(source.height, height) : undefined;
  let current = source;
  if (horizontal) {
    const output = new Float32Array(current.height * width);
    for (let y = 0; y < current.height; y += 1) {
      const row = y * current.width;
      for (let x = 0; x < width; x += 1) {
        const { start, weights } = horizontal[x]!;
        let sum = 0;
        for (let offset = 0; offset < weights.length; offset += 1) {
          sum += weights[offset]! * current.data[row + start + offset]!;
        }
        output[y * width + x] = sum;
      }
    }
    current = { height: current.height, width, data: output };
  } else if (width !== current.width) {
    current = resizeBilinear(current, current.height, width);
  }
  if (vertical) {
    const output = new Float32Array(height * current.width);
    for (let y = 0; y < height; y += 1) {
      const { start, weights } = vertical[y]!;
      for (let x = 0; x < current.width; x += 1) {
        let sum = 0;
        for (let offset = 0; offset < weights.length; offset += 1) {
          sum += weights[offset]! * current.data[(start + offset) * current.width + x]!;
        }
        output[y * current.width + x] = sum;
      }
    }
    current = { height, width: current.width, data: output };
  } else if (height !== current.height) {
    current = resizeBilinear(current, height, current.width);
  }
  return current;
}
