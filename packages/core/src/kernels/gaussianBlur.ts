import { PolycamError } from '../errors/PolycamError.js';
import type { Map2D } from '../tensor/Map2D.js';

/**
 * The normalised 1-D Gaussian kernel, computed in float32 as torchvision does:
 * `x = linspace(−r, r, size)`, `pdf = exp(−0.5 · (x/σ)²)`, `kernel = pdf / Σ pdf`.
 */
function gaussianKernel1d(kernelSize: number, sigma: number): Float64Array {
  const radius = (kernelSize - 1) / 2;
  const pdf = new Float64Array(kernelSize);
  let total = 0;
  for (let index = 0; index < kernelSize; index += 1) {
    const x = index - radius;
    const scaled = Math.fround(x / sigma);
    const value = Math.fround(Math.exp(Math.fround(-0.5 * Math.fround(scaled * scaled))));
    pdf[index] = value;
    total = Math.fround(total + value);
  }
  for (let index = 0; index < kernelSize; index += 1) {
    pdf[index] = Math.fround(pdf[index]! / total);
  }
  return pdf;
}

/** Index `index` of an axis of `size` under reflect padding (−1 → 1, size → size − 2). */
function reflect(index: number, size: number): number {
  if (index < 0) return -index;
  if (index >= size) return 2 * (size - 1) - index;
  return index;
}

/**
 * Blurs a map with a Gaussian kernel exactly as torchvision's
 * `gaussian_blur(img, kernel_size=[k, k], sigma=[σ, σ])` does on one channel: the separable
 * kernel `x = linspace(−(k−1)/2, (k−1)/2, k)`, `pdf = exp(−0.5·(x/σ)²)` normalised to sum 1
 * (computed in float32), applied along rows and columns with *reflect* padding of `⌊k/2⌋`
 * (index −1 reads index 1, as numpy's and torch's `reflect` modes do).
 *
 * The two passes accumulate in double precision and round the result to float32; torchvision
 * convolves once with the float32 outer-product kernel, which differs by float32 rounding only.
 * The faithfulness metrics use it with the defaults (11, 5) to build the blurred baseline of the
 * authors' insertion and deletion protocol.
 *
 * Like torch, which refuses reflect padding that is not smaller than the padded size, it needs a
 * map larger than `⌊k/2⌋` pixels along each axis (at least 6×6 with the default kernel).
 *
 * @param map - The map to blur (one channel).
 * @param kernelSize - The side of the square kernel, a positive odd integer; 11 by default.
 * @param sigma - The standard deviation of the Gaussian, in pixels, positive; 5 by default.
 * @returns A new map of the same size.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-argument` when the kernel size is not a positive odd
 *   integer, sigma is not a positive finite number, the map's data does not hold
 *   `height × width` values, or the map is not larger than the padding `⌊k/2⌋` along each axis.
 */
export function gaussianBlur(map: Map2D, kernelSize = 11, sigma = 5): Map2D {
  if (!Number.isInteger(kernelSize) || kernelSize < 1 || kernelSize % 2 === 0) {
    throw new PolycamError('invalid-argument', `the blur kernel size must be a positive odd integer, got ${kernelSize}`);
  }
  if (!Number.isFinite(sigma) || sigma <= 0) {
    throw new PolycamError('invalid-argument', `the blur sigma must be a positive number, got ${sigma}`);
  }
  const { height, width } = map;
  if (!Number.isInteger(height) || !Number.isInteger(width) || height < 1 || width < 1 || map.data.length !== height * width) {
    throw new PolycamError(
      'invalid-argument',
      `the map to blur must hold height × width values, got ${map.data.length} values for ${height}×${width}`,
    );
  }
  const radius = (kernelSize - 1) / 2;
  if (radius >= height || radius >= width) {
    throw new PolycamError(
      'invalid-argument',
      `reflect padding of ${radius} needs a map larger than ${radius} pixels along each axis ` +
        `(at least ${radius + 1}×${radius + 1}), got ${height}×${width}`,
    );
  }
  const kernel = gaussianKernel1d(kernelSize, sigma);
  const source = map.data;
  const rows = new Float64Array(height * width);
  for (let y = 0; y < height; y += 1) {
    const offset = y * width;
    for (let x = 0; x < width; x += 1) {
      let sum = 0;
      for (let tap = 0; tap < kernelSize; tap += 1) {
        sum += kernel[tap]! * source[offset + reflect(x + tap - radius, width)]!;
      }
      rows[offset + x] = sum;
    }
  }
  const output = new Float32Array(height * width);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let sum = 0;
      for (let tap = 0; tap < kernelSize; tap += 1) {
        sum += kernel[tap]! * rows[reflect(y + tap - radius, height) * width + x]!;
      }
      output[y * width + x] = sum;
    }
  }
  return { height, width, data: output };
}
