import type { ModelBackend } from '@polycam/core';

/** How masked images reach the model: built inside ONNX Runtime, or built in JavaScript. */
export type MaskingPath = 'masked-inputs' | 'javascript';

/**
 * A view of an ONNX backend that takes one masking path and counts its masked runs: with
 * `masked-inputs`, the backend's own runner (masks multiplied in inside the graph) and the
 * number of `runMasked` calls; with `javascript`, the backend without that capability, so that
 * the explainer builds every masked image itself, and the number of runs that tap no layer
 * (the masked ones).
 *
 * @param backend - The loaded backend, which must declare `masked-inputs`.
 * @param path - The path to take.
 * @param counter - Counts the path's runs.
 * @param counter.runs - The count so far.
 * @returns The view; disposing it leaves the backend loaded.
 * @throws Error when the backend cannot take the masked-inputs path.
 */
export function maskingPathBackend(backend: ModelBackend, path: MaskingPath, counter: { runs: number }): ModelBackend {
  const runner = backend.maskedInputs;
  if (runner === undefined || !backend.capabilities.has('masked-inputs')) throw new Error(`backend ${backend.id} has no masked-inputs path`);
  const capabilities = new Set([...backend.capabilities].filter((capability) => path === 'masked-inputs' || capability !== 'masked-inputs'));
  return {
    id: `${backend.id}-${path}`,
    capabilities,
    description: backend.description,
    run: (request, signal) => {
      if (path === 'javascript' && (request.taps ?? []).length === 0) counter.runs += 1;
      return backend.run(request, signal);
    },
    ...(path === 'masked-inputs'
      ? {
          maskedInputs: {
            runMasked: (request, signal) => {
              counter.runs += 1;
              return runner.runMasked(request, signal);
            },
          },
        }
      : {}),
    dispose: async () => {},
  };
}
