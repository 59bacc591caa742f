import type { Tensor } from '../tensor/Tensor.js';

/**
 * What a {@link PassBudgetRule} gets to split a pass budget across the layers of one
 * explanation, after the unmasked pass.
 */
export interface BudgetProblem {
  /** The layers, in forward order (shallow to deep). */
  readonly layers: readonly string[];
  /** Each layer's activation on the unmasked image, `[K, h, w]`, in forward order. */
  readonly activations: readonly Tensor[];
  /** The most masked passes that all layers' probes together may cost. */
  readonly budget: number;
  /**
   * The exact number of passes the strategy runs to weigh these planes, after its exact
   * shortcuts (the strategy's `passesFor`).
   *
   * @param planes - Planes `[G, h, w]`.
   * @returns Their cost in passes.
   */
  passesFor(planes: Tensor): number;
}
