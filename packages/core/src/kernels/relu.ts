/**
 * The rectifier `max(x, 0)`, element-wise, into a new array. NaN becomes 0, so that no NaN ever
 * reaches a saliency map.
 *
 * @param values - The input values.
 * @returns A new array with every negative or NaN value replaced by 0.
 */
export function relu(values: Float32Array): Float32Array {
  const output = new Float32Array(values.length);
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index]!;
    output[index] = value > 0 ? value : 0;
  }
  return output;
}
