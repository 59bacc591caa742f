import { TOKENS } from '@polycam/core';
import { ContainerModule } from 'inversify';
import { OnnxBackendFactory } from './OnnxBackendFactory.js';

/**
 * Binds the ONNX Runtime backend factory, so that `loadModel` can open `.onnx` files.
 *
 * @example
 * ```ts
 * const container = await createPolycamContainer(polycamModule, onnxBackendModule);
 * const backend = await loadModel(container, { path: 'model.onnx' });
 * ```
 */
export const onnxBackendModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.BackendFactory).toConstantValue(new OnnxBackendFactory());
});
