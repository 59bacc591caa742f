import { attributionStage } from './attributionStage.js';
import type { ExplainEvent } from './ExplainEvent.js';
import type { ExplainPlan } from './ExplainPlan.js';
import type { ExplainResult } from './ExplainResult.js';
import { ExplanationRun } from './ExplanationRun.js';
import type { PreparedExplanation } from './PreparedExplanation.js';

/**
 * Runs a pixel-attribution explanation: the unmasked pass (no taps), then the method's one map,
 * staged under the model input's name. The result names the method as its preset and strategy,
 * with fusion `none`.
 *
 * @internal
 * @param prepared - The checked request, with its attribution method.
 * @param signal - Cancels the run.
 * @param emit - Receives the started, progress and layer events.
 * @returns The finished explanation, with one stage.
 */
export async function runAttributionExplanation(
  prepared: PreparedExplanation<Extract<ExplainPlan, { kind: 'attribution' }>>,
  signal: AbortSignal,
  emit: (event: ExplainEvent) => void,
): Promise<ExplainResult> {
  const { method } = prepared.plan;
  const { description } = prepared.request.backend;
  const run = await ExplanationRun.start(prepared, signal, emit, () => [method.plannedEvaluations(description)]);
  run.addStage(0, await run.step(0, () => attributionStage(method, run.context, description.input.name)));
  return run.finish({ preset: method.id, strategy: method.id, fusion: 'none' });
}
