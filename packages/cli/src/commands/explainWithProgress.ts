import type { Explainer, ExplainRequest, ExplainResult, PreparedExplanation } from '@polycam/core';
import type { ProgressReporter } from '../progress/ProgressReporter.js';

/**
 * Runs one explanation while driving a progress reporter from its events.
 *
 * @param explainer - The explainer.
 * @param request - The explanation to run, or one already prepared.
 * @param label - The progress bar's label.
 * @param progress - The reporter.
 * @returns The result.
 */
export function explainWithProgress(
  explainer: Explainer,
  request: ExplainRequest | PreparedExplanation,
  label: string,
  progress: ProgressReporter,
): Promise<ExplainResult> {
  return new Promise((resolve, reject) => {
    explainer.explain$(request).subscribe({
      next: (event) => {
        if (event.type === 'started') progress.start(label, event.total);
        else if (event.type === 'progress') progress.update(event.done);
        else if (event.type === 'result') resolve(event.result);
      },
      error: (error: unknown) => {
        progress.stop();
        reject(error instanceof Error ? error : new Error(String(error)));
      },
      complete: () => progress.stop(),
    });
  });
}
