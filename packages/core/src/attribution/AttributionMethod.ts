import type { BackendCapability } from '../backend/BackendCapability.js';
import type { ModelDescription } from '../backend/ModelDescription.js';
import type { Map2D } from '../tensor/Map2D.js';
import type { AttributionContext } from './AttributionContext.js';

/**
 * A method that scores the input's pixels directly, with no layer and no channel weights:
 * perturbation methods such as RISE and Occlusion. It is a method of its own, picked by id or
 * alias like a {@link MethodPreset} (`--method rise`), and it is stateless between calls.
 *
 * The explainer resolves the request's method among presets and attribution methods, checks
 * {@link AttributionMethod.requires} before any inference, runs the unmasked pass to fix the
 * target and `s(X)`, then calls {@link AttributionMethod.attribute}. The raw map `R` it
 * returns is rectified and normalised like a CAM: the result's `map` is
 * `resize(u(ReLU(R)), H×W)`, so negative attributions count as not salient. The result has one
 * stage, named after the model's input, whose `cam` and `fused` maps are `ReLU(R)` and whose
 * `weights` are empty; its `layers` are empty.
 *
 * Bind one under `TOKENS.AttributionMethod` in a container module.
 */
export interface AttributionMethod {
  /** A unique id among presets and attribution methods, such as `rise`. */
  readonly id: string;
  /** Other accepted names. */
  readonly aliases: readonly string[];
  /** One line on what it computes, for `polycam methods` and the docs. */
  readonly description: string;
  /**
   * The backend capabilities it needs. The explainer checks them before any inference and
   * fails with `unsupported-capability` when one is missing.
   */
  readonly requires: readonly BackendCapability[];
  /**
   * How many evaluations (perturbed images) explaining an image of this model takes; the
   * progress total. Each one is later reported once to the ledger, as run or saved.
   *
   * @param model - The loaded model's description (its input size, mainly).
   * @returns The planned number of evaluations.
   */
  plannedEvaluations(model: ModelDescription): number;
  /**
   * Scores the input's pixels.
   *
   * @param context - The image, the model, the target and the accounting for this call.
   * @returns The raw attribution map, H×W (the input's size), finite values.
   * @throws {@link PolycamError} `aborted` when the context's signal fires.
   */
  attribute(context: AttributionContext): Promise<Map2D>;
}
