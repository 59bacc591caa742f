import type { LayerSelection, PassBudget, ScoreFunction } from '@polycam/core';

/** Explain's per-request options, parsed (see `parseExplainSettings`). */
export interface ExplainSettings {
  /** `--class`; the predicted class when absent. */
  readonly classIndex?: number;
  /** `--batch-size`. */
  readonly batchSize: number;
  /** `--layers`; the method's own when absent. */
  readonly layers?: LayerSelection;
  /** `--score`. */
  readonly scoreFunction: ScoreFunction;
  /** `--max-passes`; an exact map when absent. */
  readonly maxPasses?: PassBudget;
}
