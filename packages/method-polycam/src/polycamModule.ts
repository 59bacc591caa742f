import { ContainerModule } from 'inversify';
import { TOKENS } from '@polycam/core';
import { GroupBudgetRule } from './budget/GroupBudgetRule.js';
import { TopVarianceBudgetRule } from './budget/TopVarianceBudgetRule.js';
import { LNormFusion } from './fusion/LNormFusion.js';
import { NoLNormFusion } from './fusion/NoLNormFusion.js';
import { SingleLayerFusion } from './fusion/SingleLayerFusion.js';
import { polycamPresets } from './presets/polycamPresets.js';
import { CdcStrategy } from './weighting/CdcStrategy.js';
import { CicStrategy } from './weighting/CicStrategy.js';
import { CvcStrategy } from './weighting/CvcStrategy.js';

/**
 * Binds Poly-CAM's weighting strategies (`cic`, `cdc`, `cvc`), fusions (`lnorm`, `no-lnorm`,
 * `single-layer`), presets (`pcam+`, `pcam-`, `pcam±`) and pass-budget rules (`groups`,
 * `top-variance`).
 *
 * @example
 * ```ts
 * const container = await createPolycamContainer(polycamModule, onnxBackendModule);
 * ```
 */
export const polycamModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.WeightingStrategy).toConstantValue(new CicStrategy());
  bind(TOKENS.WeightingStrategy).toConstantValue(new CdcStrategy());
  bind(TOKENS.WeightingStrategy).toConstantValue(new CvcStrategy());
  bind(TOKENS.Fusion).toConstantValue(new LNormFusion());
  bind(TOKENS.Fusion).toConstantValue(new NoLNormFusion());
  bind(TOKENS.Fusion).toConstantValue(new SingleLayerFusion());
  bind(TOKENS.PassBudgetRule).toConstantValue(new GroupBudgetRule());
  bind(TOKENS.PassBudgetRule).toConstantValue(new TopVarianceBudgetRule());
  for (const preset of polycamPresets) {
    bind(TOKENS.MethodPreset).toConstantValue(preset);
  }
});
