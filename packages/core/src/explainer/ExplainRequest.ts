import type { ModelBackend } from '../backend/ModelBackend.js';
import type { PassBudget } from '../budget/PassBudget.js';
import type { LayerSelection } from '../layers/LayerSelection.js';
import type { ScoreFunction } from '../target/ScoreFunction.js';
import type { TargetFunction } from '../target/TargetFunction.js';
import type { TargetRequest } from '../target/TargetRequest.js';
import type { Tensor } from '../tensor/Tensor.js';
import type { PassBudgetRule } from '../budget/PassBudgetRule.js';

/**
 * One explanation to compute. Only `backend` and `input` are required.
 */
export interface ExplainRequest {
  /** The loaded model. */
  readonly backend: ModelBackend;
  /** The preprocessed image, `[C, H, W]` or `[1, C, H, W]`, NCHW. */
  readonly input: Tensor;
  /**
   * A preset or attribution-method id or alias (`pcam+`, `pcam-`, `pcam±`, `pcampm`, or any
   * registered by a plugin, such as `grad-cam` or `rise`). Default `pcam±`.
   */
  readonly method?: string;
  /** Overrides the preset's weighting strategy, by id. */
  readonly strategy?: string;
  /** Overrides the preset's fusion, by id (`lnorm`, `no-lnorm`, `single-layer`). */
  readonly fusion?: string;
  /** The layers to fuse. Default: the preset's own (`auto` unless it says otherwise). */
  readonly layers?: LayerSelection;
  /**
   * The class to explain, a shorthand for the target `{ kind: 'class', options: { classIndex } }`.
   * Default: the model's argmax on the input. Giving both it and a `target` is an
   * `invalid-argument` error.
   */
  readonly classIndex?: number;
  /** How a target that applies one turns the output into its score (`class`, `segmentation`). Default `softmax`. */
  readonly scoreFunction?: ScoreFunction;
  /**
   * What to explain: a registered target kind with its options (a {@link TargetRequest} such as
   * `{ kind: 'segmentation', options: { classIndex: 3 } }`), checked by `prepare()` before any
   * pass and bound after the unmasked pass; or a custom {@link TargetFunction}, used as it is
   * (it overrides `scoreFunction`). Default: the `class` target on the argmax.
   */
  readonly target?: TargetFunction | TargetRequest;
  /** The most masked images per backend run. Default 32. */
  readonly batchSize?: number;
  /**
   * Caps the masked forward passes of this map (the unmasked pass is not counted):
   * `result.passes.run − 1 ≤ maxPasses`, or a fraction of the exact count (see
   * {@link PassBudget}). Unset, the map is exact. When the budget is at least the exact count
   * (the passes the exact map runs after its exact shortcuts), the map is the exact one, bit for
   * bit; below it, the {@link ExplainRequest.budgetRule | budget rule} approximates, and
   * `result.approximation` says how. Only strategies that declare `passesFor` take a budget
   * (CIC, CDC and CVC do); gradient strategies and pixel-attribution methods (RISE, Occlusion),
   * whose passes are set by their own options, are refused as `invalid-argument`.
   */
  readonly maxPasses?: PassBudget;
  /** The {@link PassBudgetRule} that spends a budget below the exact count, by id. Default `groups`. */
  readonly budgetRule?: string;
  /** Cancels the explanation. */
  readonly signal?: AbortSignal;
}
