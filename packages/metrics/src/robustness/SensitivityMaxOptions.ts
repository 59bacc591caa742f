/**
 * Options of {@link sensitivityMax}. The defaults are Captum's.
 */
export interface SensitivityMaxOptions {
  /** How many perturbed inputs to explain. A positive integer; default 10. */
  readonly samples?: number;
  /** The radius of the L∞ ball the perturbations are drawn from. Default 0.02. */
  readonly radius?: number;
  /** Seeds the perturbations. Default 0. */
  readonly seed?: number;
  /** Cancels the work between explanations; it is also passed to each explanation. */
  readonly signal?: AbortSignal;
}
