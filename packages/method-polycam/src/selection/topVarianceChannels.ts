import type { Tensor } from '@polycam/core';

/**
 * Picks the channels of a layer's activation whose values vary the most over the layer's
 * h×w positions (population variance), as tf-keras-vis's Faster Score-CAM does: a channel that
 * is flat over the image makes a mask that says little about where the object is.
 *
 * @param activation - One image's activation, `[K, h, w]`.
 * @param keep - How many channels to keep; all K when `keep >= K`.
 * @returns The kept channels' indexes, in increasing order. Equal variances are broken by the
 *   lower index, so the choice is reproducible.
 */
export function topVarianceChannels(activation: Tensor, keep: number): Int32Array {
  const [channels, height, width] = activation.shape as [number, number, number];
  const plane = height * width;
  const variances = new Float64Array(channels);
  for (let channel = 0; channel < channels; channel += 1) {
    let sum = 0;
    let squares = 0;
    for (let index = channel * plane; index < (channel + 1) * plane; index += 1) {
      const value = activation.data[index]!;
      sum += value;
      squares += value * value;
    }
    const mean = sum / plane;
    variances[channel] = Math.max(squares / plane - mean * mean, 0);
  }
  const order = Array.from({ length: channels }, (_, channel) => channel);
  order.sort((a, b) => variances[b]! - variances[a]! || a - b);
  return Int32Array.from(order.slice(0, Math.min(keep, channels))).sort();
}
