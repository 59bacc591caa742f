// Spec helper: wraps a backend to count the images of every run, plain or masked, and to act
// after each run (to cancel after the first masked batch, say). Specs only.
import type { ModelBackend } from '@polycam/core';

/**
 * Wraps a backend to count the images it is sent.
 *
 * @param backend - The backend to count.
 * @param afterRun - Called after each run has resolved, with the images counted so far.
 * @returns The wrapper and the images of each run, in order.
 */
export function countingBackend(backend: ModelBackend, afterRun: (images: number) => void = () => undefined): { backend: ModelBackend; runs: number[] } {
  const runs: number[] = [];
  const count = async <T>(size: number, work: () => Promise<T>): Promise<T> => {
    runs.push(size);
    const result = await work();
    afterRun(runs.reduce((sum, images) => sum + images, 0));
    return result;
  };
  return {
    runs,
    backend: {
      id: backend.id,
      capabilities: backend.capabilities,
      description: backend.description,
      ...(backend.maskedInputs
        ? { maskedInputs: { runMasked: (request, signal) => count(request.masks.shape[0]!, () => backend.maskedInputs!.runMasked(request, signal)) } }
        : {}),
      run: (request, signal) => count(request.input.shape[0]!, () => backend.run(request, signal)),
      dispose: () => backend.dispose(),
    },
  };
}
