import type { ApproximationReport } from './ApproximationReport.js';
import type { LayerApproximation } from './LayerApproximation.js';

/**
 * A budgeted explanation's plan, made after the unmasked pass: each layer's approximation and
 * the report the result carries.
 *
 * @internal
 */
export interface BudgetPlan {
  /** The cap on masked passes. */
  readonly budget: number;
  /** Each layer's approximation, in forward order. */
  readonly layers: readonly LayerApproximation[];
  /** What the result reports. */
  readonly report: ApproximationReport;
}
