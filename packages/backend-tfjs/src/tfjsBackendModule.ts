import { TOKENS } from '@polycam/core';
import { ContainerModule } from 'inversify';
import { TfjsBackendFactory } from './TfjsBackendFactory.js';

/**
 * Binds the TF.js backend factory, so that `loadModel` can open TF.js `model.json` files.
 *
 * @example
 * ```ts
 * const container = await createPolycamContainer(polycamModule, tfjsBackendModule);
 * const backend = await loadModel(container, { path: 'model/model.json' }, { backend: 'tfjs' });
 * ```
 */
export const tfjsBackendModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.BackendFactory).toConstantValue(new TfjsBackendFactory());
});
