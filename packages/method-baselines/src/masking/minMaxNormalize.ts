/**
 * Min-max normalisation, `(x − min) / (max − min)`, as torchcam's Score-CAM normalises each
 * channel at the layer's own resolution before upsampling it into a mask. A constant channel,
 * where torchcam would divide 0 by 0, becomes all zero (an all-zero mask); NaN values become 0.
 *
 * @param values - One channel's values.
 * @returns A new array with values in [0, 1].
 */
export function minMaxNormalize(values: Float32Array): Float32Array {
  let low = Infinity;
  let high = -Infinity;
  for (const value of values) {
    if (value < low) low = value;
    if (value > high) high = value;
  }
  const range = Math.fround(high - low);
  const output = new Float32Array(values.length);
  if (!(range > 0) || !Number.isFinite(range)) return output;
  for (let index = 0; index < values.length; index += 1) {
    const scaled = Math.fround(values[index]! - low) / range;
    output[index] = scaled > 0 ? Math.min(scaled, 1) : 0;
  }
  return output;
}
