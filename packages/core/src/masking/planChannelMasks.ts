import { normalizeMap } from '../kernels/normalizeMap.js';
import type { Tensor } from '../tensor/Tensor.js';
import type { ChannelMaskPlan } from './ChannelMaskPlan.js';
import type { MaskKind } from './MaskKind.js';

function kindOf(mask: Float32Array): MaskKind {
  for (let index = 0; index < mask.length; index += 1) {
    if (mask[index] !== 0) return 'general';
  }
  return 'zero';
}

function fingerprint(mask: Float32Array): number {
  // FNV-1a over the raw bits: a fast key to find identical masks, confirmed by comparison.
  const words = new Uint32Array(mask.buffer, mask.byteOffset, mask.length);
  let hash = 0x811c9dc5;
  for (let index = 0; index < words.length; index += 1) {
    hash = Math.imul(hash ^ words[index]!, 0x01000193);
  }
  return hash >>> 0;
}

function sameValues(a: Float32Array, b: Float32Array): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/**
 * Normalises each channel of a layer's activation into a mask, `u(A^k)` at the layer's own
 * resolution (normalise first, upsample later, as the authors do), and finds the masks that are
 * all zero or identical to an earlier channel's.
 *
 * @param activation - One image's activation, `[K, h, w]`.
 * @param normalize - Turns one channel's values into a mask in [0, 1]; the authors' `u`
 *   ({@link normalizeMap}) by default. Score-CAM passes a min-max normalisation.
 * @returns The masks and their kinds.
 */
export function planChannelMasks(
  activation: Tensor,
  normalize: (plane: Float32Array) => Float32Array = (plane) => normalizeMap(plane),
): ChannelMaskPlan {
  const [channels, height, width] = activation.shape as [number, number, number];
  const planeSize = height * width;
  const masks = new Float32Array(channels * planeSize);
  const kinds: MaskKind[] = [];
  const representative = new Int32Array(channels);
  const seen = new Map<number, number[]>();
  for (let channel = 0; channel < channels; channel += 1) {
    const plane = activation.data.subarray(channel * planeSize, (channel + 1) * planeSize);
    const mask = normalize(plane);
    masks.set(mask, channel * planeSize);
    const kind = kindOf(mask);
    kinds.push(kind);
    representative[channel] = channel;
    if (kind !== 'general') continue;
    const key = fingerprint(mask);
    const candidates = seen.get(key) ?? [];
    const twin = candidates.find((other) =>
      sameValues(masks.subarray(other * planeSize, (other + 1) * planeSize), mask),
    );
    if (twin === undefined) {
      seen.set(key, [...candidates, channel]);
    } else {
      representative[channel] = twin;
    }
  }
  return { channels, height, width, masks, kinds, representative };
}
