import type { InputLayout } from '@polycam/core';
import { transpose, type Tensor } from '@tensorflow/tfjs-core';

/**
 * Turns a tensor of the model's layout into polycam's channels-first order: `[N, h, w, K]`
 * becomes `[N, K, h, w]` for NHWC models; vectors and NCHW tensors pass unchanged.
 *
 * @internal
 * @param tensor - A tapped tensor or a gradient.
 * @param layout - The model's layout.
 * @returns The tensor in channels-first order.
 */
export function toChannelsFirst(tensor: Tensor, layout: InputLayout): Tensor {
  return layout === 'NHWC' && tensor.rank === 4 ? transpose(tensor, [0, 3, 1, 2]) : tensor;
}
