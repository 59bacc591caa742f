import type { InputLayout } from '@polycam/core';

const CHANNEL_COUNTS = new Set([1, 3, 4]);

/**
 * Guesses a TF.js model's input layout from its shape: TF.js works channels-last, so NHWC
 * unless the last axis cannot be a channel count and the second can.
 *
 * @internal
 * @param shape - The input's shape with its batch axis.
 */
export function detectTfjsLayout(shape: readonly (number | null)[]): InputLayout {
  const second = shape[1];
  const last = shape[3];
  if (last != null && !CHANNEL_COUNTS.has(last) && second != null && CHANNEL_COUNTS.has(second)) {
    return 'NCHW';
  }
  return 'NHWC';
}
