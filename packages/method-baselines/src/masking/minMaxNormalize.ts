/**
 * Min-max normalisation, `(x − min) / (max − min + ε)`. With ε = 0 (the default) it is how
 * torchcam's Score-CAM normalises each channel at the layer's own resolution before upsampling
 * it into a mask; with ε = 1e−7 it is pytorch-grad-cam's `scale_cam_image`, which RefineCAM
 * applies to every map. A constant map, where the range is 0, becomes all zero (torchcam would
 * divide 0 by 0 for ε = 0); NaN values become 0.
 *
 * @param values - One channel's values.
 * @param epsilon - Added to the range `max − min` before dividing, in float32 as the references
 *   compute it; 0 by default.
 * @returns A new array with values in [0, 1].
 */
export function minMaxNormalize(values: Float32Array, epsilon = 0): Float32Array {
  let low = Infinity;
  let high = -Infinity;
  for (const value of values) {
    if (value < low) low = value;
    if (value > high) high = value;
  }
  const range = Math.fround(Math.fround(high - low) + epsilon);
  const output = new Float32Array(values.length);
  if (!(range > 0) || !Number.isFinite(range)) return output;
  for (let index = 0; index < values.length; index += 1) {
    const scaled = Math.fround(values[index]! - low) / range;
    output[index] = scaled > 0 ? Math.min(scaled, 1) : 0;
  }
  return output;
}
