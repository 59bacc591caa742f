/**
 * Where a plugin accounts for its work. A *pass* is one image through the model; an
 * *evaluation* is one score the plugin planned (see {@link WeightingStrategy.plannedEvaluations}),
 * answered either by a pass or by an exact shortcut. Every planned evaluation is reported
 * exactly once: as run, when its image went through the model, or as saved, when a shortcut
 * answered it. The explainer turns these reports into progress events and into the result's
 * `passes`, whose `run` also counts the unmasked pass, which is not a planned evaluation.
 */
export interface PassLedger {
  /**
   * Records evaluations answered by passes: images that went through the model.
   *
   * @param count - How many passes.
   */
  run(count: number): void;
  /**
   * Records evaluations saved: answered exactly by a shortcut, without a pass.
   *
   * @param count - How many evaluations.
   */
  saved(count: number): void;
}
