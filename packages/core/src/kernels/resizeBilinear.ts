import type { Map2D } from '../tensor/Map2D.js';

/**
 * One axis of a bilinear resize: for each output index, the two source indices and their
 * weights.
 */
interface AxisTaps {
  readonly first: Int32Array;
  readonly second: Int32Array;
  readonly firstWeight: Float32Array;
  readonly secondWeight: Float32Array;
}

function axisTaps(inputSize: number, outputSize: number): AxisTaps {
  const first = new Int32Array(outputSize);
  const second = new Int32Array(outputSize);
  const firstWeight = new Float32Array(outputSize);
  const secondWeight = new Float32Array(outputSize);
  // PyTorch computes the scale and the source coordinate in float32 (align_corners=false).
  const scale = Math.fround(inputSize / outputSize);
  for (let index = 0; index < outputSize; index += 1) {
    let source = Math.fround(Math.fround(scale * Math.fround(index + 0.5)) - 0.5);
    if (source < 0) {
      source = 0;
    }
    const lower = Math.floor(source);
    const upper = lower < inputSize - 1 ? lower + 1 : lower;
    const upperWeight = Math.fround(source - lower);
    first[index] = lower;
    second[index] = upper;
    secondWeight[index] = upperWeight;
    firstWeight[index] = Math.fround(1 - upperWeight);
  }
  return { first, second, firstWeight, secondWeight };
}

/**
 * Resizes a map bilinearly with half-pixel centres, exactly as PyTorch's
 * `F.interpolate(mode='bilinear', align_corners=False)` does, for upsampling and downsampling
 * alike and with no anti-aliasing.
 *
 * @param source - The map to resize.
 * @param height - The output height, at least 1.
 * @param width - The output width, at least 1.
 * @returns A new map of `height × width` (a copy when the size is unchanged).
 */
export function resizeBilinear(source: Map2D, height: number, width: number): Map2D {
  if (source.height === height && source.width === width) {
    return { height, width, data: source.data.slice() };
  }
  const rows = axisTaps(source.height, height);
  const columns = axisTaps(source.width, width);
  const input = source.data;
  const output = new Float32Array(height * width);
  const inputWidth = source.width;
  for (let y = 0; y < height; y += 1) {
    const top = rows.first[y]! * inputWidth;
    const bottom = rows.second[y]! * inputWidth;
    const topWeight = rows.firstWeight[y]!;
    const bottomWeight = rows.secondWeight[y]!;
    const rowOffset = y * width;
    for (let x = 0; x < width; x += 1) {
      const left = columns.first[x]!;
      const right = columns.second[x]!;
      const leftWeight = columns.firstWeight[x]!;
      const rightWeight = columns.secondWeight[x]!;
      output[rowOffset + x] =
        topWeight * (leftWeight * input[top + left]! + rightWeight * input[top + right]!) +
        bottomWeight * (leftWeight * input[bottom + left]! + rightWeight * input[bottom + right]!);
    }
  }
  return { height, width, data: output };
}
