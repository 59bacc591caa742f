import type { PreparedBudget } from '../budget/PreparedBudget.js';
import type { ScoreFunction } from '../target/ScoreFunction.js';
import type { TargetFunction } from '../target/TargetFunction.js';
import type { Tensor } from '../tensor/Tensor.js';
import type { ExplainPlan } from './ExplainPlan.js';
import type { ExplainRequest } from './ExplainRequest.js';
import type { PreparedTarget } from './PreparedTarget.js';

/**
 * A request that has passed every check that can fail before a forward pass: its method is
 * resolved, the backend has what the method requires, the layers exist, and the batch size,
 * the input's shape and the target's options are valid. Get one from `Explainer.prepare()`, and hand it to
 * `Explainer.explain()` or `explain$()` to run it.
 *
 * It holds no per-run state (no activations, no scores), so it may be kept, and run more than
 * once.
 *
 * @typeParam Plan - The plan's kind, when it is known.
 */
export interface PreparedExplanation<Plan extends ExplainPlan = ExplainPlan> {
  /** The request as given; its backend runs the passes and its signal cancels them. */
  readonly request: ExplainRequest;
  /** The resolved method. */
  readonly plan: Plan;
  /** The image with its batch axis, `[1, C, H, W]`. */
  readonly input: Tensor;
  /** The layers to tap and fuse, in forward order (shallow to deep); empty for an attribution
   * method. */
  readonly layers: readonly string[];
  /** The most images per backend run (the request's, or 32). */
  readonly batchSize: number;
  /** How the output becomes a class score (the request's, or `softmax`). */
  readonly scoreFunction: ScoreFunction;
  /** The target when it is known before any pass: the request's custom one, or its `classIndex`'s;
   * undefined when {@link PreparedExplanation.targetKind} binds it after the unmasked pass (the
   * argmax class, a segmentation's predicted region). */
  readonly target: TargetFunction | undefined;
  /** The requested target kind (`class` when the request names none) with its checked options;
   * undefined for a custom {@link TargetFunction}. */
  readonly targetKind: PreparedTarget | undefined;
  /** The checked pass budget and its rule; undefined for an exact map. */
  readonly budget: PreparedBudget | undefined;
}
