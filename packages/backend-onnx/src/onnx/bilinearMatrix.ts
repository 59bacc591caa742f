/**
 * The matrix of one axis of a bilinear resize with half-pixel centres (PyTorch's
 * `align_corners=False`, ONNX Resize's `half_pixel`, without anti-aliasing): output index i is
 * `Σ_j R[i, j] · input[j]`, with at most two non-zero weights per output, summing to one. The
 * source coordinate is computed in float32, as PyTorch and core's `resizeBilinear` compute it.
 *
 * `rows · M · columns` is then the resize of a map M, with `rows = bilinearMatrix(H, h, false)`
 * and `columns = bilinearMatrix(W, w, true)`: the graph that {@link withMaskedInput} writes
 * upsamples its masks with these two products, and a runtime feeds it these matrices.
 *
 * @example
 * ```ts
 * // A 7×7 mask to 224×224: rows [224, 7] and columns [7, 224].
 * const rows = bilinearMatrix(224, 7, false);
 * const columns = bilinearMatrix(224, 7, true);
 * ```
 *
 * @param outputSize - The resized axis's length.
 * @param inputSize - The source axis's length.
 * @param transposed - Whether to lay it out as `[inputSize, outputSize]` (to multiply on the right).
 * @returns `[outputSize, inputSize]` weights, row-major, or their transpose.
 */
export function bilinearMatrix(outputSize: number, inputSize: number, transposed: boolean): Float32Array {
  const matrix = new Float32Array(outputSize * inputSize);
  const scale = Math.fround(inputSize / outputSize);
  const at = (output: number, input: number): number => (transposed ? input * outputSize + output : output * inputSize + input);
  for (let index = 0; index < outputSize; index += 1) {
    const source = Math.max(Math.fround(Math.fround(scale * Math.fround(index + 0.5)) - 0.5), 0);
    const lower = Math.min(Math.floor(source), inputSize - 1);
    if (lower === inputSize - 1) {
      // Past the last source centre both taps are the last value: its weight is exactly one.
      matrix[at(index, lower)] = 1;
      continue;
    }
    const upperWeight = Math.fround(source - lower);
    matrix[at(index, lower)] = Math.fround(1 - upperWeight);
    matrix[at(index, lower + 1)] = upperWeight;
  }
  return matrix;
}
