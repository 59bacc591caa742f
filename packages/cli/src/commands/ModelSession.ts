import type { Explainer } from '@polycam/core';
import type { Container } from 'inversify';
import type { ModelChoice } from '../model/ModelChoice.js';
import type { OpenedModel } from '../model/OpenedModel.js';
import type { ProgressReporter } from '../progress/ProgressReporter.js';

/** What `runWithModel` hands a command: its container, explainer, loaded model and progress bar. */
export interface ModelSession {
  /** The container, with the bundled modules and the `--plugin` ones. */
  readonly container: Container;
  /** The container's explainer. */
  readonly explainer: Explainer;
  /** The loaded model; `runWithModel` disposes its backend. */
  readonly model: OpenedModel;
  /** The parsed model options (`--mean`, `--std`, ...). */
  readonly choice: ModelChoice;
  /** The progress bar on standard error; `runWithModel` stops it. */
  readonly progress: ProgressReporter;
}
