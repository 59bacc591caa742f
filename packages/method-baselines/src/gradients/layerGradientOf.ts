import { PolycamError, throwIfAborted, type WeightingContext } from '@polycam/core';
import type { GradientScore } from './GradientScore.js';
import { scoreTarget } from './scoreTarget.js';

/**
 * The gradient of the chosen score with respect to the context's layer, `∂S/∂A`, through the
 * backend's {@link @polycam/core!index.GradientProvider | GradientProvider} (the `gradients` capability) and nothing else. It counts
 * as one run in the ledger.
 *
 * @param context - The layer, the image, the model and the accounting.
 * @param score - Which score to differentiate.
 * @returns `∂S/∂A`, `[K, h, w]` values in the activation's order.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `aborted` when the signal has fired (before any work),
 *   `unsupported-capability` when the backend has no gradients, `backend-failure` when the
 *   gradient's shape is not the activation's, `non-finite-output` when it holds NaN or ±Inf.
 */
export async function layerGradientOf(context: WeightingContext, score: GradientScore): Promise<Float32Array> {
  const { backend, input, layer, activation, target, signal, ledger } = context;
  throwIfAborted(signal);
  if (backend.gradients === undefined || !backend.capabilities.has('gradients')) {
    throw new PolycamError('unsupported-capability', `the '${backend.id}' backend provides no gradients`);
  }
  const { gradient } = await backend.gradients.layerGradient(input, layer, scoreTarget(target, score, backend.description.output.size), signal);
  ledger.run(1);
  if (gradient.shape.join() !== activation.shape.join() || gradient.data.length !== activation.data.length) {
    throw new PolycamError(
      'backend-failure',
      `the gradient of layer '${layer}' has shape [${gradient.shape.join(',')}], not the activation's [${activation.shape.join(',')}]`,
    );
  }
  const at = gradient.data.findIndex((value) => !Number.isFinite(value));
  if (at >= 0) {
    throw new PolycamError('non-finite-output', `the model gave the gradient ${gradient.data[at]} on the gradient pass of layer '${layer}'`);
  }
  return gradient.data;
}
