import type { ModelDescription } from '../backend/ModelDescription.js';
import type { ScoreFunction } from '../target/ScoreFunction.js';
import type { TargetArgumentLoader } from '../target/TargetArgumentLoader.js';

/** One situation {@link describeTargetPluginConformance} checks a target plugin in. */
export interface TargetConformanceCase {
  /** A label for the case's tests. */
  readonly label: string;
  /** The explained output the options are checked against. */
  readonly output: ModelDescription['output'];
  /** The options, as a request gives them to `check`. */
  readonly options: unknown;
  /** The unmasked output `bind` gets, `output.size` values. */
  readonly unmasked: Float32Array;
  /**
   * More outputs to score, as masked passes give them (`output.size` values each). Default:
   * three seeded perturbations of `unmasked` (each entry moved by up to ±0.05·max(1, |z|)).
   * Each must lie where the score is smooth, for the gradient check.
   */
  readonly outputs?: readonly Float32Array[];
  /** The request's score function. Default `softmax`. */
  readonly scoreFunction?: ScoreFunction;
  /**
   * A command-line argument whose `TargetPlugin.parse` gives options equivalent to
   * `options` (scoring the same, bit for bit), with the loader it reads files through. No parse
   * round trip is checked without one.
   */
  readonly argument?: {
    /** The text after `KIND:`. */
    readonly text: string;
    /** Reads the files it names. */
    readonly loader: TargetArgumentLoader;
  };
  /** An output `check` must refuse with a `PolycamError` (of another shape, say). */
  readonly wrongOutput: ModelDescription['output'];
}
