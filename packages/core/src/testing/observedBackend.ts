import type { ModelBackend } from '../backend/ModelBackend.js';
import type { RunRequest } from '../backend/RunRequest.js';

/**
 * A backend wrapper for the conformance suites that records the batch size of every run, plain
 * or masked; a gradient counts as a run of one image. `afterRun`, when given, is called each
 * time a run has resolved, to act between batches (to cancel after the first, say).
 *
 * @param backend - The backend to observe.
 * @param afterRun - Called after each run, plain or masked, or gradient, has resolved.
 * @returns The wrapper, and the batch sizes it has seen, in order.
 * @internal
 */
export function observedBackend(backend: ModelBackend, afterRun: () => void = () => undefined): { backend: ModelBackend; batches: number[] } {
  const batches: number[] = [];
  const observe = async <T>(size: number, work: Promise<T>): Promise<T> => {
    batches.push(size);
    const result = await work;
    afterRun();
    return result;
  };
  const wrapper: ModelBackend = {
    id: backend.id,
    capabilities: backend.capabilities,
    description: backend.description,
    ...(backend.gradients
      ? {
          gradients: {
            layerGradient: (input, layer, target, signal) => observe(1, backend.gradients!.layerGradient(input, layer, target, signal)),
          },
        }
      : {}),
    ...(backend.maskedInputs
      ? {
          maskedInputs: {
            runMasked: (request, signal) => observe(request.masks.shape[0]!, backend.maskedInputs!.runMasked(request, signal)),
          },
        }
      : {}),
    run: (request: RunRequest, signal?: AbortSignal) => observe(request.input.shape[0]!, backend.run(request, signal)),
    dispose: () => backend.dispose(),
  };
  return { backend: wrapper, batches };
}
