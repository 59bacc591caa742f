import type { Tensor } from '@polycam/core';

/**
 * Copies chosen channels of an activation into a smaller activation.
 *
 * @param activation - One image's activation, `[K, h, w]`.
 * @param channels - The channels to copy, in the order wanted.
 * @returns A new `[channels.length, h, w]` activation; the original is left untouched.
 */
export function selectChannels(activation: Tensor, channels: Int32Array): Tensor {
  const [, height, width] = activation.shape as [number, number, number];
  const plane = height * width;
  const data = new Float32Array(channels.length * plane);
  channels.forEach((channel, slot) => {
    data.set(activation.data.subarray(channel * plane, (channel + 1) * plane), slot * plane);
  });
  return { shape: [channels.length, height, width], data };
}
