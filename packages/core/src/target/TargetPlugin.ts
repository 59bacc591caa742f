import type { ModelDescription } from '../backend/ModelDescription.js';
import type { TargetArgumentLoader } from './TargetArgumentLoader.js';
import type { TargetBindContext } from './TargetBindContext.js';
import type { TargetFunction } from './TargetFunction.js';

/**
 * A kind of target: it maps a model's output (any shape, from any named output) to the scalar
 * score being explained. Poly-CAM needs nothing else of a target: it weighs channels by how this
 * score changes on masked inputs, with no gradient. Built-in kinds are `class`, `segmentation`,
 * `embedding` and `detection`; a plugin binds more under `TOKENS.TargetPlugin`, and checks them
 * with `describeTargetPluginConformance` from `@polycam/core/testing`.
 *
 * A request names one as a {@link TargetRequest} `{ kind, options }`; the explainer calls
 * {@link TargetPlugin.check} when the request is prepared, before any pass, and
 * {@link TargetPlugin.bind} once per image after the unmasked pass.
 *
 * @typeParam Options - The plugin's options, as {@link TargetRequest.options} carries them.
 */
export interface TargetPlugin<Options = unknown> {
  /** A unique id, the `KIND` of `--target KIND:ARGUMENT`, such as `segmentation`. */
  readonly id: string;
  /** One line on the score it computes. */
  readonly description: string;
  /** The command line's argument after `KIND:`, for help, such as `CLASS[:MASK.png]`; empty when it takes none. */
  readonly syntax: string;
  /**
   * Turns a command line's argument (the text after `KIND:`, possibly empty) into options.
   *
   * @param argument - The argument text.
   * @param loader - Reads the files the argument names.
   * @returns The options.
   * @throws `PolycamError` `invalid-argument` for an argument it cannot read.
   */
  parse(argument: string, loader: TargetArgumentLoader): Promise<Options>;
  /**
   * Checks options against the model's output before any pass: their type, the output's shape,
   * class ranges, vector lengths.
   *
   * @param options - The request's options, of unknown type until checked.
   * @param output - The explained output.
   * @returns The checked options.
   * @throws `PolycamError` `invalid-argument` or `class-out-of-range`, naming what is wrong.
   */
  check(options: unknown, output: ModelDescription['output']): Options;
  /**
   * Builds one image's target from checked options and the unmasked output.
   *
   * @param options - Options that {@link TargetPlugin.check} returned.
   * @param context - The output, the unmasked output row and the score function.
   * @returns The target whose score the explanation weighs.
   * @throws `PolycamError` `invalid-argument` when the unmasked output leaves the target empty
   *   (a segmentation class predicted nowhere, say).
   */
  bind(options: Options, context: TargetBindContext): TargetFunction;
}
