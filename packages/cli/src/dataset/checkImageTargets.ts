import { PolycamError, type Explainer } from '@polycam/core';
import type { Container } from 'inversify';
import type { ExplainSettings } from '../explain/ExplainSettings.js';
import type { ModelChoice } from '../model/ModelChoice.js';
import { openModel } from '../model/openModel.js';
import { resolveStatistics } from '../options/resolveStatistics.js';
import { createModelTargetResolver } from '../target/createModelTargetResolver.js';
import type { GivenTarget } from '../target/GivenTarget.js';
import { targetPluginFor } from '../target/targetPluginFor.js';

/**
 * Checks a dataset run's per-image classes and targets before any job is made, as `polycam
 * explain` checks its own: every kind must be registered (checked before the model opens),
 * then the model is opened once and every class checked against its outputs and every distinct
 * target parsed and checked by its plugin. With `--metrics`, which score a class's probability,
 * only classes (and `class:` targets) are accepted.
 *
 * @param given - Each image's target.
 * @param run - The run's container, explainer, model choice, settings and whether metrics are asked.
 * @param warn - Told each warning in one line.
 * @returns When every target is valid.
 * @throws {@link PolycamError} naming the option or CSV line and the target.
 */
export async function checkImageTargets(
  given: readonly GivenTarget[],
  run: { readonly container: Container; readonly explainer: Explainer; readonly choice: ModelChoice; readonly settings: ExplainSettings; readonly metrics: boolean },
  warn: (line: string) => void,
): Promise<void> {
  const plugins = run.explainer.targets();
  for (const { target, source } of given) {
    if (target.target === undefined) continue;
    const { plugin } = targetPluginFor(target.target, plugins, source);
    if (run.metrics && plugin.id !== 'class') throw new PolycamError('invalid-argument', `--metrics scores a class's probability; ${source} asks for '${target.target}': give classes, or leave out --metrics`);
  }
  const { backend } = await openModel(run.container, run.choice);
  try {
    const statistics = resolveStatistics(backend.description.input.shape[0], run.choice.mean, run.choice.std);
    const resolve = createModelTargetResolver(backend, plugins, run.settings.scoreFunction, statistics, warn);
    for (const one of given) await resolve(one);
  } finally {
    await backend.dispose();
  }
}
