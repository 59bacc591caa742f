import type { Explainer } from '@polycam/core';
import type { ModelSession } from './ModelSession.js';

/**
 * The part of a command that `runWithModel` runs: an optional `prepare` step for the checks
 * that need the plugins but not the model (method names, output places, input files), and the
 * work itself.
 *
 * @typeParam P - What `prepare` hands on to `run`.
 * @typeParam T - What the command returns.
 */
export interface ModelCommand<P, T> {
  /**
   * Runs before the model loads, so that a bad input is refused before that cost.
   *
   * @param explainer - The container's explainer, with the plugins' methods.
   * @returns What `run` needs of it.
   */
  prepare?(explainer: Explainer): P | Promise<P>;
  /**
   * The command's work on the loaded model.
   *
   * @param session - The container, explainer, model and progress bar.
   * @param prepared - What `prepare` returned (undefined without one).
   * @returns The command's result.
   */
  run(session: ModelSession, prepared: P): Promise<T>;
}
