import { TOKENS } from '@polycam/core';
import { ContainerModule } from 'inversify';
import { OrtWebBackendFactory } from './OrtWebBackendFactory.js';

/**
 * Binds the onnxruntime-web backend factory (id `onnxruntime-web`). The package also exports it
 * as `polycamPlugin`, the name `polycam --plugin` looks for.
 *
 * @example
 * ```ts
 * const container = await createPolycamContainer(polycamModule, ortWebBackendModule);
 * const backend = await loadModel(container, { path: 'model.onnx' }, { backend: 'onnxruntime-web' });
 * ```
 */
export const ortWebBackendModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.BackendFactory).toConstantValue(new OrtWebBackendFactory());
});
