/**
 * Where a weighting strategy accounts for its work. Every planned evaluation (see
 * {@link WeightingStrategy.plannedEvaluations}) is reported exactly once: as run, when a masked
 * image went through the model, or as saved, when an exact shortcut answered it. The explainer
 * turns these reports into progress events and into the result's pass counts.
 */
export interface PassLedger {
  /**
   * Records images that went through the model.
   *
   * @param count - How many images.
   */
  ran(count: number): void;
  /**
   * Records evaluations answered without a forward pass.
   *
   * @param count - How many evaluations.
   */
  saved(count: number): void;
}
