import { throwIfAborted } from '../errors/throwIfAborted.js';
import { relu } from '../kernels/relu.js';
import { saliencyMap } from '../kernels/saliencyMap.js';
import { weightedChannelSum } from '../kernels/weightedChannelSum.js';
import { weightedElementSum } from '../kernels/weightedElementSum.js';
import type { Map2D } from '../tensor/Map2D.js';
import { checkStrategyWeights } from './checkStrategyWeights.js';
import type { ExplainEvent } from './ExplainEvent.js';
import type { ExplainPlan } from './ExplainPlan.js';
import type { ExplainResult } from './ExplainResult.js';
import { ExplanationRun } from './ExplanationRun.js';
import type { PreparedExplanation } from './PreparedExplanation.js';

/**
 * Runs a CAM explanation: the unmasked pass taps every layer, then each layer from the deepest
 * to the shallowest is weighed by the strategy, summed (`Σ_k w_k A^k`, or `Σ_k W_k ⊙ A^k` for
 * element weights), rectified into its CAM `C_l`, fused with the deeper fused map into `P_l`,
 * and staged as `resize(u(P_l), H×W)`.
 *
 * @internal
 * @param prepared - The checked request, with its preset, strategy and fusion.
 * @param signal - Cancels the run; checked before each layer.
 * @param emit - Receives the started, progress and layer events.
 * @returns The finished explanation; its stages run in forward order, the shallowest's map
 *   (fused last) being the explanation's.
 */
export async function runCamExplanation(
  prepared: PreparedExplanation<Extract<ExplainPlan, { kind: 'cam' }>>,
  signal: AbortSignal,
  emit: (event: ExplainEvent) => void,
): Promise<ExplainResult> {
  const { preset, strategy, fusion } = prepared.plan.parts;
  const run = await ExplanationRun.start(prepared, signal, emit, (activations) =>
    activations.map((activation) => strategy.plannedEvaluations(activation.shape[0]!)),
  );
  const [, , height, width] = prepared.input.shape as [number, number, number, number];
  let deeper: Map2D | undefined;
  for (let position = prepared.layers.length - 1; position >= 0; position -= 1) {
    throwIfAborted(signal);
    const layer = prepared.layers[position]!;
    const activation = run.activations[position]!;
    const computed = await run.step(position, () => strategy.computeWeights({ ...run.context, layer, activation }));
    const weights = checkStrategyWeights(strategy, layer, activation, computed);
    const sum = strategy.granularity === 'element' ? weightedElementSum(activation, weights) : weightedChannelSum(activation, weights);
    const cam: Map2D = { height: sum.height, width: sum.width, data: relu(sum.data) };
    const fused = fusion.fuse(cam, deeper);
    run.addStage(position, { layer, map: saliencyMap(fused, height, width), cam, fused, weights });
    deeper = fused;
  }
  return run.finish({ preset: preset.id, strategy: strategy.id, fusion: fusion.id });
}
