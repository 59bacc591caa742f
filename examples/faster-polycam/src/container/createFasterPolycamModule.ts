import { TOKENS } from '@polycam/core';
import { CdcStrategy, CicStrategy, CvcStrategy, FasterPolycamStrategy, type FasterPolycamOptions } from '@polycam/method-polycam';
import { ContainerModule } from 'inversify';
import { fasterPolycamPresets } from '../presets/fasterPolycamPresets.js';

/**
 * Builds a container module that binds the Faster Poly-CAM strategies (`faster-cic`,
 * `faster-cdc`, `faster-cvc`) and presets (`fpcam+`, `fpcam-`, `fpcam±`). Load it next to
 * `polycamModule`, which provides the LNorm fusion the presets use.
 *
 * @example
 * ```ts
 * const container = await createPolycamContainer(polycamModule, onnxBackendModule, createFasterPolycamModule({ keep: 8 }));
 * const result = await container.get(TOKENS.Explainer).explain({ backend, input, method: 'fpcam±' });
 * ```
 *
 * @param options - How many channels to keep per layer.
 * @returns The container module.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-argument` when `keep` is not a positive integer.
 */
export function createFasterPolycamModule(options: FasterPolycamOptions = {}): ContainerModule {
  const strategies = [new CicStrategy(), new CdcStrategy(), new CvcStrategy()].map((inner) => new FasterPolycamStrategy(inner, options));
  return new ContainerModule(({ bind }) => {
    for (const strategy of strategies) {
      bind(TOKENS.WeightingStrategy).toConstantValue(strategy);
    }
    for (const preset of fasterPolycamPresets) {
      bind(TOKENS.MethodPreset).toConstantValue(preset);
    }
  });
}
