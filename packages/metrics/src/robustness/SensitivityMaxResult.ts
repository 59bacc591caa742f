/**
 * What {@link sensitivityMax} measures.
 */
export interface SensitivityMaxResult {
  /** The largest relative change of the map over the samples: the sensitivity-max score. */
  readonly value: number;
  /** `‖E(x + δ) − E(x)‖_F / ‖E(x)‖_F` for each sample, in the order they were drawn. */
  readonly perSample: readonly number[];
}
