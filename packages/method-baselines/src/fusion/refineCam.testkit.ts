import type { Map2D, Tensor } from '@polycam/core';

// RefineCAM's map by brute force, written apart from the fusion and with none of its kernels: a
// float64 bilinear resize with half-pixel centres (PyTorch's align_corners=False, OpenCV's
// INTER_LINEAR when upsampling), pytorch-grad-cam's scale_cam_image, and the whole product at
// once, as its RefineCAM takes it: mm(Π_l mm(resize(mm(ReLU(C_l)), H×W))).

/** pytorch-grad-cam's scale_cam_image without a resize: (x − min) / (1e−7 + max(x − min)). */
export function scaleCamImage(values: ArrayLike<number>): number[] {
  const list = Array.from(values);
  const low = Math.min(...list);
  const shifted = list.map((value) => value - low);
  const divisor = 1e-7 + Math.max(...shifted);
  return shifted.map((value) => value / divisor);
}

/** Where output index `index` samples a source axis of `from` cells resized to `to`. */
function sourceOf(index: number, from: number, to: number): [number, number, number] {
  const position = Math.max(((index + 0.5) * from) / to - 0.5, 0);
  const lower = Math.min(Math.floor(position), from - 1);
  return [lower, Math.min(lower + 1, from - 1), position - lower];
}

/** A bilinear resize of a row-major `height × width` map to `toHeight × toWidth`. */
export function bilinear(values: ArrayLike<number>, height: number, width: number, toHeight: number, toWidth: number): number[] {
  const output: number[] = [];
  for (let y = 0; y < toHeight; y += 1) {
    const [top, bottom, down] = sourceOf(y, height, toHeight);
    for (let x = 0; x < toWidth; x += 1) {
      const [left, right, across] = sourceOf(x, width, toWidth);
      const at = (row: number, column: number): number => values[row * width + column]!;
      const upper = at(top, left) * (1 - across) + at(top, right) * across;
      const lower = at(bottom, left) * (1 - across) + at(bottom, right) * across;
      output.push(upper * (1 - down) + lower * down);
    }
  }
  return output;
}

/**
 * RefineCAM of the given CAMs (any order: the product commutes) at `height × width`.
 *
 * @param cams - The layers' CAMs, rectified here.
 */
export function bruteRefineCam(cams: readonly Map2D[], height: number, width: number): number[] {
  const product = new Array<number>(height * width).fill(1);
  for (const cam of cams) {
    const rectified = Array.from(cam.data, (value) => Math.max(value, 0));
    const layer = scaleCamImage(bilinear(scaleCamImage(rectified), cam.height, cam.width, height, width));
    layer.forEach((value, index) => (product[index]! *= value));
  }
  return scaleCamImage(product);
}

/** `ReLU(Σ_k w_k A^k)` by loops in float64, from a `[1, K, h, w]` activation and K weights. */
export function camOf(activation: Tensor, weights: ArrayLike<number>): Map2D {
  const [, channels, height, width] = activation.shape as [number, number, number, number];
  const data = new Float32Array(height * width);
  for (let pixel = 0; pixel < height * width; pixel += 1) {
    let sum = 0;
    for (let k = 0; k < channels; k += 1) sum += weights[k]! * activation.data[k * height * width + pixel]!;
    data[pixel] = Math.max(sum, 0);
  }
  return { height, width, data };
}

/** The largest absolute difference between two maps' values. */
export function largestDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let largest = 0;
  for (let index = 0; index < a.length; index += 1) largest = Math.max(largest, Math.abs(a[index]! - b[index]!));
  return largest;
}
