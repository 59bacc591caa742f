/**
 * One budgeted map measured against the exact map of the same image.
 */
export interface BudgetSample {
  /** The pass-budget rule, such as `groups`. */
  readonly rule: string;
  /** The budget as a fraction of the exact count, such as 0.25. */
  readonly fraction: number;
  /** The masked passes run (the unmasked one not counted). */
  readonly passes: number;
  /** The exact map's masked passes. */
  readonly exactPasses: number;
  /** Pearson correlation with the exact map. */
  readonly pearson: number;
  /** Insertion − deletion of the budgeted map minus the exact map's (NaN when not measured). */
  readonly insDelChange: number;
  /** Pointing game (1 hit, 0 miss) of the budgeted map minus the exact map's. */
  readonly pointingChange: number;
  /** Energy in the object of the budgeted map minus the exact map's. */
  readonly energyChange: number;
  /** Milliseconds of the budgeted map. */
  readonly ms: number;
  /** Milliseconds of the exact map. */
  readonly exactMs: number;
}
