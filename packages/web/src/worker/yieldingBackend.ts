import { throwIfAborted, type ModelBackend } from '@polycam/core';

/** Resolves on a fresh task, so that messages queued for the worker (a cancel) run first. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Wraps a backend so that every run first yields to the worker's event loop and then checks the
 * signal. onnxruntime-web's WASM runs resolve as microtasks, so without this a Cancel message
 * would wait for the whole explanation; with it, a cancellation stops the work within one batch.
 *
 * @param backend - The loaded backend.
 * @param signal - The explanation's signal.
 * @returns A backend with the same description and services.
 */
export function yieldingBackend(backend: ModelBackend, signal: AbortSignal): ModelBackend {
  const masked = backend.maskedInputs;
  return {
    id: backend.id,
    capabilities: backend.capabilities,
    description: backend.description,
    ...(masked
      ? {
          maskedInputs: {
            runMasked: async (request, runSignal) => {
              await nextTask();
              throwIfAborted(signal);
              return masked.runMasked(request, runSignal);
            },
          },
        }
      : {}),
    run: async (request, runSignal) => {
      await nextTask();
      throwIfAborted(signal);
      return backend.run(request, runSignal);
    },
    dispose: () => backend.dispose(),
  };
}
