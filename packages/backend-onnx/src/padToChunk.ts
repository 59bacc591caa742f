/**
 * Gives a chunk of a fixed-size batch its full length, padding with zeros when the last chunk is
 * short. A full chunk is returned as it is.
 *
 * @internal
 * @param values - The chunk's values.
 * @param length - The full chunk's length.
 * @returns `values`, or a zero-padded copy.
 */
export function padToChunk(values: Float32Array, length: number): Float32Array {
  if (values.length >= length) return values;
  const padded = new Float32Array(length);
  padded.set(values);
  return padded;
}
