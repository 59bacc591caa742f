import type { BudgetPlan } from '../budget/BudgetPlan.js';
import { planPassBudget } from '../budget/planPassBudget.js';
import { PolycamError } from '../errors/PolycamError.js';
import { stageMapOf } from '../fusion/stageMapOf.js';
import { throwIfAborted } from '../errors/throwIfAborted.js';
import { relu } from '../kernels/relu.js';
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
 * element weights), rectified into its CAM `C_l`, fused with the deeper fused map into `P_l`
 * (the fusion is given the input's size too), and staged as `resize(u(P_l), H×W)`, or as the
 * fusion's own stage map when it has one.
 *
 * With a pass budget below the exact count, the budget's rule plans each layer's probes after
 * the unmasked pass; the strategy weighs the probes in place of the layer's channels, and the
 * rule turns their weights into the channels'. Without one, or with one at least the exact
 * count, nothing differs from the exact map.
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
  let budgeted: BudgetPlan | undefined;
  const run = await ExplanationRun.start(prepared, signal, emit, (activations) => {
    budgeted = prepared.budget && planPassBudget(prepared.budget, strategy, prepared.layers, activations);
    return activations.map((activation, index) => strategy.plannedEvaluations((budgeted?.layers[index]!.probes ?? activation).shape[0]!));
  });
  const [, , height, width] = prepared.input.shape as [number, number, number, number];
  let deeper: Map2D | undefined;
  for (let position = prepared.layers.length - 1; position >= 0; position -= 1) {
    throwIfAborted(signal);
    const layer = prepared.layers[position]!;
    const activation = run.activations[position]!;
    const approximation = budgeted?.layers[position];
    const weighed = approximation?.probes ?? activation;
    const computed = await run.step(position, () => strategy.computeWeights({ ...run.context, layer, activation: weighed }));
    const checked = checkStrategyWeights(strategy, layer, weighed, computed);
    const weights = approximation === undefined ? checked : approximation.expand(checked);
    if (approximation !== undefined && weights.length !== activation.shape[0]!) {
      throw new PolycamError('invalid-plugin', `pass-budget rule '${budgeted!.report.rule}' expanded ${weights.length} weights for the ${activation.shape[0]} channels of layer '${layer}'`);
    }
    if (budgeted !== undefined && run.passesRun - 1 > budgeted.budget) {
      throw new PolycamError(
        'invalid-plugin',
        `weighting strategy '${strategy.id}' ran ${run.passesRun - 1} masked passes on a budget of ${budgeted.budget}, more than its passesFor declared`,
      );
    }
    const sum = strategy.granularity === 'element' ? weightedElementSum(activation, weights) : weightedChannelSum(activation, weights);
    const cam: Map2D = { height: sum.height, width: sum.width, data: relu(sum.data) };
    const fused = fusion.fuse(cam, deeper, { height, width });
    run.addStage(position, { layer, map: stageMapOf(fusion, fused, height, width), cam, fused, weights });
    deeper = fused;
  }
  return run.finish({ preset: preset.id, strategy: strategy.id, fusion: fusion.id }, budgeted?.report);
}
