import type { InputLayout } from '@polycam/core';

const channelCounts = new Set([1, 3, 4]);

function looksLikeChannels(dim: number | string | undefined): boolean {
  return typeof dim === 'number' && channelCounts.has(dim);
}

/**
 * Guesses an image input's layout from its declared shape `[N, a, b, c]`: channels first
 * (`NCHW`) when axis 1 holds 1, 3 or 4 channels and axis 3 does not, channels last (`NHWC`) in
 * the reverse case, and ONNX's convention, `NCHW`, when the shape cannot tell.
 *
 * @param dims - The input's four axes; symbolic axes are strings or undefined.
 * @returns The detected layout.
 */
export function detectLayout(dims: readonly (number | string | undefined)[]): InputLayout {
  if (looksLikeChannels(dims[3]) && !looksLikeChannels(dims[1])) {
    return 'NHWC';
  }
  return 'NCHW';
}
