/**
 * ROAD's noise-free linear imputation solved the plain way, for the specs: the equations are
 * written out from the definition (each removed pixel equals the weighted mean of its in-image
 * neighbours, direct ones weighing 1/6 and diagonal ones 1/12), into a dense matrix, and solved
 * by Gaussian elimination with partial pivoting. Nothing here is shared with the code under test.
 *
 * @param image - `C·H·W` values, channels first.
 * @param channels - C.
 * @param height - H.
 * @param width - W.
 * @param removed - `H·W` flags, non-zero for a removed pixel.
 * @returns The image with every removed pixel imputed, in float64.
 */
export function denseImputation(image: ArrayLike<number>, channels: number, height: number, width: number, removed: ArrayLike<number>): Float64Array {
  const pixels = height * width;
  const result = Float64Array.from(image);
  const list: number[] = [];
  for (let pixel = 0; pixel < pixels; pixel += 1) if (removed[pixel]) list.push(pixel);
  const n = list.length;
  for (let channel = 0; channel < channels; channel += 1) {
    // Row i: Σ_j w_j · (x_i − v_j) = 0 over the in-image neighbours j of removed pixel i.
    const matrix = Array.from({ length: n }, () => new Float64Array(n + 1));
    list.forEach((pixel, i) => {
      const row = Math.floor(pixel / width);
      const column = pixel % width;
      for (let dr = -1; dr <= 1; dr += 1) {
        for (let dc = -1; dc <= 1; dc += 1) {
          if (dr === 0 && dc === 0) continue;
          const r = row + dr;
          const c = column + dc;
          if (r < 0 || c < 0 || r >= height || c >= width) continue;
          const weight = dr !== 0 && dc !== 0 ? 1 / 12 : 1 / 6;
          const neighbour = r * width + c;
          matrix[i]![i]! += weight;
          const j = list.indexOf(neighbour);
          if (j >= 0) matrix[i]![j]! -= weight;
          else matrix[i]![n]! += weight * image[channel * pixels + neighbour]!;
        }
      }
    });
    for (let column = 0; column < n; column += 1) {
      let pivot = column;
      for (let row = column + 1; row < n; row += 1) if (Math.abs(matrix[row]![column]!) > Math.abs(matrix[pivot]![column]!)) pivot = row;
      [matrix[column], matrix[pivot]] = [matrix[pivot]!, matrix[column]!];
      for (let row = column + 1; row < n; row += 1) {
        const factor = matrix[row]![column]! / matrix[column]![column]!;
        if (factor === 0) continue;
        for (let k = column; k <= n; k += 1) matrix[row]![k]! -= factor * matrix[column]![k]!;
      }
    }
    const solution = new Float64Array(n);
    for (let row = n - 1; row >= 0; row -= 1) {
      let value = matrix[row]![n]!;
      for (let k = row + 1; k < n; k += 1) value -= matrix[row]![k]! * solution[k]!;
      solution[row] = value / matrix[row]![row]!;
    }
    list.forEach((pixel, i) => (result[channel * pixels + pixel] = solution[i]!));
  }
  return result;
}
