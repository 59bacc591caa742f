import { roadNeighbourWeights } from './roadNeighbourWeights.js';

/** The coarsest level's size: below it the V-cycle ends in symmetric Gauss–Seidel sweeps. */
const COARSEST = 64;

/**
 * One grid of the imputation's system: the removed pixels of an `H × W` mask as unknowns, each
 * with its eight neighbour slots (a removed neighbour's unknown or a kept neighbour's pixel,
 * with its weight), and, when the grid is large, the next coarser grid: the mask halved, a
 * coarse pixel removed only when all its 2×2 pixels are. The same neighbour weights on the
 * coarse grid approximate the Galerkin product `Pᵀ A P` of the piecewise-constant
 * prolongation for smooth errors, which is what a multigrid cycle needs of it.
 *
 * @internal
 */
export class ImputationLevel {
  /** The removed pixels, ascending. */
  readonly unknowns: Int32Array;
  /** Per unknown and slot, the removed neighbour's unknown, or -1. */
  readonly coupled: Int32Array;
  /** Per unknown and slot, the kept neighbour's pixel, or -1. */
  readonly known: Int32Array;
  /** Per unknown and slot, the neighbour's weight (0 outside the image). */
  readonly weights: Float64Array;
  /** Per unknown, the sum of its in-image neighbours' weights: the matrix's diagonal. */
  readonly diagonal: Float64Array;
  /** The coarser grid, when this one has more than {@link COARSEST} unknowns. */
  readonly coarse?: ImputationLevel;
  /** Per unknown, its coarse pixel's unknown on the coarser grid, or -1 when that pixel is kept. */
  readonly parents?: Int32Array;

  /**
   * @param removed - `H·W` flags, non-zero for a removed pixel.
   * @param height - H.
   * @param width - W.
   */
  constructor(removed: Uint8Array, height: number, width: number) {
    const pixels = height * width;
    const unknownOf = new Int32Array(pixels).fill(-1);
    let count = 0;
    for (let pixel = 0; pixel < pixels; pixel += 1) if (removed[pixel] !== 0) unknownOf[pixel] = count++;
    this.unknowns = new Int32Array(count);
    for (let pixel = 0; pixel < pixels; pixel += 1) if (unknownOf[pixel]! >= 0) this.unknowns[unknownOf[pixel]!] = pixel;
    const slots = roadNeighbourWeights.length;
    this.coupled = new Int32Array(count * slots).fill(-1);
    this.known = new Int32Array(count * slots).fill(-1);
    this.weights = new Float64Array(count * slots);
    this.diagonal = new Float64Array(count);
    for (const [unknown, pixel] of this.unknowns.entries()) {
      const row = Math.floor(pixel / width);
      const column = pixel % width;
      for (const [slot, [rowOffset, columnOffset, weight]] of roadNeighbourWeights.entries()) {
        const neighbourRow = row + rowOffset;
        const neighbourColumn = column + columnOffset;
        if (neighbourRow < 0 || neighbourRow >= height || neighbourColumn < 0 || neighbourColumn >= width) continue;
        const neighbour = neighbourRow * width + neighbourColumn;
        const at = unknown * slots + slot;
        this.diagonal[unknown]! += weight;
        this.weights[at] = weight;
        if (unknownOf[neighbour]! >= 0) this.coupled[at] = unknownOf[neighbour]!;
        else this.known[at] = neighbour;
      }
    }
    if (count > COARSEST && height >= 4 && width >= 4) {
      const coarseWidth = Math.ceil(width / 2);
      const coarseRemoved = new Uint8Array(Math.ceil(height / 2) * coarseWidth).fill(1);
      const parentPixel = (pixel: number): number => (Math.floor(pixel / width) >> 1) * coarseWidth + ((pixel % width) >> 1);
      for (let pixel = 0; pixel < pixels; pixel += 1) if (removed[pixel] === 0) coarseRemoved[parentPixel(pixel)] = 0;
      const coarse = new ImputationLevel(coarseRemoved, Math.ceil(height / 2), coarseWidth);
      const coarseUnknownOf = new Int32Array(coarseRemoved.length).fill(-1);
      coarse.unknowns.forEach((pixel, unknown) => (coarseUnknownOf[pixel] = unknown));
      this.coarse = coarse;
      this.parents = Int32Array.from(this.unknowns, (pixel) => coarseUnknownOf[parentPixel(pixel)]!);
    }
  }

  /**
   * `A · vector`: `D x_i − Σ_{j removed} w_j x_j` for each unknown i.
   *
   * @param vector - One value per unknown.
   * @param into - Where to write the product.
   */
  multiply(vector: Float64Array, into: Float64Array): void {
    const slots = roadNeighbourWeights.length;
    for (let unknown = 0; unknown < this.unknowns.length; unknown += 1) {
      let value = this.diagonal[unknown]! * vector[unknown]!;
      for (let at = unknown * slots; at < (unknown + 1) * slots; at += 1) {
        const other = this.coupled[at]!;
        if (other >= 0) value -= this.weights[at]! * vector[other]!;
      }
      into[unknown] = value;
    }
  }

  /**
   * One symmetric multigrid V-cycle from zero, `M⁻¹ · residual`: a forward Gauss–Seidel sweep,
   * the residual summed into the coarse pixels (`Pᵀ`), the cycle on the coarser grid, its
   * correction copied back to the fine pixels (`P`), and a backward sweep. Being symmetric, it
   * preconditions conjugate gradients. The coarsest grid gets ten forward and backward sweeps.
   *
   * @param residual - One value per unknown.
   * @param into - Where to write the result.
   */
  precondition(residual: Float64Array, into: Float64Array): void {
    into.fill(0);
    const { coarse, parents } = this;
    if (coarse === undefined || parents === undefined) {
      for (let sweep = 0; sweep < 10; sweep += 1) {
        this.sweep(residual, into, 1);
        this.sweep(residual, into, -1);
      }
      return;
    }
    this.sweep(residual, into, 1);
    const product = new Float64Array(this.unknowns.length);
    this.multiply(into, product);
    const coarseResidual = new Float64Array(coarse.unknowns.length);
    parents.forEach((parent, unknown) => {
      if (parent >= 0) coarseResidual[parent]! += residual[unknown]! - product[unknown]!;
    });
    const correction = new Float64Array(coarse.unknowns.length);
    coarse.precondition(coarseResidual, correction);
    parents.forEach((parent, unknown) => {
      if (parent >= 0) into[unknown]! += correction[parent]!;
    });
    this.sweep(residual, into, -1);
  }

  /** One Gauss–Seidel sweep on `A x = rhs`, in ascending (1) or descending (−1) order. */
  private sweep(rhs: Float64Array, solution: Float64Array, direction: 1 | -1): void {
    const slots = roadNeighbourWeights.length;
    const count = this.unknowns.length;
    for (let step = 0; step < count; step += 1) {
      const unknown = direction === 1 ? step : count - 1 - step;
      let value = rhs[unknown]!;
      for (let at = unknown * slots; at < (unknown + 1) * slots; at += 1) {
        const other = this.coupled[at]!;
        if (other >= 0) value += this.weights[at]! * solution[other]!;
      }
      solution[unknown] = value / this.diagonal[unknown]!;
    }
  }
}
