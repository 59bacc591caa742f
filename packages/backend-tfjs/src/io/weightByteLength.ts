import type { io } from '@tensorflow/tfjs-core';

/**
 * How many bytes a weight takes in a model's weight files: its element count times the size of
 * its stored type (the quantized type when it is quantized).
 *
 * @internal
 * @param spec - The weight's manifest entry.
 * @returns Its length in bytes.
 */
export function weightByteLength(spec: io.WeightsManifestEntry): number {
  const stored = spec.quantization?.dtype ?? spec.dtype;
  const bytes = stored === 'uint8' || stored === 'bool' ? 1 : stored === 'uint16' || stored === 'float16' ? 2 : 4;
  return spec.shape.reduce((product, axis) => product * axis, 1) * bytes;
}
