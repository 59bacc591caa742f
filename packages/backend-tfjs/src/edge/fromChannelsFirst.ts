import type { InputLayout } from '@polycam/core';
import { transpose, type Tensor } from '@tensorflow/tfjs-core';

/**
 * The inverse of {@link toChannelsFirst}: turns a channels-first `[N, K, h, w]` tensor into the
 * model's layout, `[N, h, w, K]` for NHWC models; vectors and NCHW tensors pass unchanged.
 *
 * @internal
 * @param tensor - A channels-first tensor, such as a gradient seed over the output.
 * @param layout - The model's layout.
 * @returns The tensor in the model's layout.
 */
export function fromChannelsFirst(tensor: Tensor, layout: InputLayout): Tensor {
  return layout === 'NHWC' && tensor.rank === 4 ? transpose(tensor, [0, 2, 3, 1]) : tensor;
}
