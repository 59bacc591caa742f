import { PolycamError } from '../errors/PolycamError.js';
import type { Tensor } from '../tensor/Tensor.js';
import type { WeightingStrategy } from '../weighting/WeightingStrategy.js';
import type { BudgetPlan } from './BudgetPlan.js';
import type { PreparedBudget } from './PreparedBudget.js';

/**
 * Decides, after the unmasked pass, whether a budgeted explanation is exact: the exact count is
 * what the strategy's `passesFor` gives for every layer's activation; a cap at least that
 * count keeps the exact map (undefined is returned), a smaller one is spent by the rule, whose
 * plan is checked against the cap.
 *
 * @internal
 * @param budget - The request's checked budget.
 * @param strategy - The strategy, which declares `passesFor`.
 * @param layers - The layers, in forward order.
 * @param activations - Their activations on the unmasked image.
 * @returns The approximation plan, or undefined when the map can be exact.
 * @throws {@link PolycamError} `invalid-plugin` when the rule's probes cost more than the cap
 *   or do not fit the layers.
 */
export function planPassBudget(
  budget: PreparedBudget,
  strategy: WeightingStrategy,
  layers: readonly string[],
  activations: readonly Tensor[],
): BudgetPlan | undefined {
  const passesFor = (planes: Tensor): number => strategy.passesFor!(planes);
  const exactPasses = activations.reduce((sum, activation) => sum + passesFor(activation), 0);
  const { maxPasses, rule } = budget;
  const cap = typeof maxPasses === 'number' ? maxPasses : Math.max(1, Math.floor(maxPasses.fraction * exactPasses));
  if (cap >= exactPasses) return undefined;
  const approximations = rule.plan({ layers, activations, budget: cap, passesFor });
  if (approximations.length !== layers.length) {
    throw new PolycamError('invalid-plugin', `pass-budget rule '${rule.id}' planned ${approximations.length} layers, not ${layers.length}`);
  }
  let cost = 0;
  approximations.forEach((approximation, index) => {
    const [, height, width] = activations[index]!.shape;
    const [, probeHeight, probeWidth] = approximation.probes.shape;
    if (approximation.probes.shape.length !== 3 || probeHeight !== height || probeWidth !== width) {
      throw new PolycamError('invalid-plugin', `pass-budget rule '${rule.id}' gave probes of the wrong size for layer '${layers[index]}'`);
    }
    cost += passesFor(approximation.probes);
  });
  if (cost > cap) {
    throw new PolycamError('invalid-plugin', `pass-budget rule '${rule.id}' planned ${cost} passes for a budget of ${cap}`);
  }
  return {
    budget: cap,
    layers: approximations,
    report: {
      rule: rule.id,
      description: rule.description,
      budget: cap,
      exactPasses,
      layers: approximations.map((approximation, index) => ({
        layer: layers[index]!,
        channels: activations[index]!.shape[0]!,
        probes: approximation.probes.shape[0]!,
        exact: approximation.exact,
        grouped: approximation.grouped,
        unscored: approximation.unscored,
      })),
    },
  };
}
