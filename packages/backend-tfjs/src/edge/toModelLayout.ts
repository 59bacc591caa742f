import type { InputLayout } from '@polycam/core';
import { tensor4d, transpose, type Tensor } from '@tensorflow/tfjs-core';

/**
 * Turns a batch of images in polycam's NCHW into a TF.js tensor in the model's layout.
 *
 * @internal
 * @param data - `N·C·H·W` values.
 * @param shape - `[N, C, H, W]`.
 * @param layout - The model's input layout.
 * @returns The tensor, `[N, H, W, C]` for NHWC models.
 */
export function toModelLayout(data: Float32Array, shape: readonly [number, number, number, number], layout: InputLayout): Tensor {
  const nchw = tensor4d(data, [...shape]);
  return layout === 'NHWC' ? transpose(nchw, [0, 2, 3, 1]) : nchw;
}
