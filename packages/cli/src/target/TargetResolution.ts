import type { ModelDescription, ScoreFunction, TargetArgumentLoader, TargetPlugin } from '@polycam/core';

/** What {@link createTargetResolver} needs of the loaded model and the command. */
export interface TargetResolution {
  /** The registered target plugins. */
  readonly plugins: readonly TargetPlugin[];
  /** The explained output. */
  readonly output: ModelDescription['output'];
  /** The request's score function, against which a class is checked. */
  readonly scoreFunction: ScoreFunction;
  /**
   * The loader for the files of a target whose relative paths start from `folder`.
   *
   * @param folder - The folder.
   * @returns The loader.
   */
  loaderFor(folder: string): TargetArgumentLoader;
}
