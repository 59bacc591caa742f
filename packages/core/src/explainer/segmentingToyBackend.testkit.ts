import { resizeBilinear } from '@polycam/core/kernels';
import { checkMaskedRunRequest, type ModelBackend, type RunRequest, type RunResult } from '@polycam/core';
import { createToyBackend } from '@polycam/core/testing';

/**
 * The toy backend with its `conv2` tensor, `[6, 8, 8]`, as the explained output: a small
 * "segmentation head" with 6 classes over an 8×8 grid, for end-to-end target tests without a
 * runtime. With `maskedInputs`, masked batches are upsampled bilinearly as the toy backend does.
 * Every run's batch size is pushed to `runs`.
 */
export function segmentingToyBackend(options: { maskedInputs?: boolean; seed?: number } = {}): { backend: ModelBackend; runs: number[] } {
  const runs: number[] = [];
  const toy = createToyBackend({ seed: options.seed ?? 7, onRun: (size) => runs.push(size) });
  const description = { ...toy.description, output: { name: 'conv2', shape: [6, 8, 8], size: 384 } };
  const run = async (request: RunRequest, signal?: AbortSignal): Promise<RunResult> => {
    const taps = request.taps ?? [];
    const result = await toy.run({ input: request.input, taps: [...new Set([...taps, 'conv2'])] }, signal);
    const conv2 = result.activations.get('conv2')!;
    return {
      output: { shape: [conv2.shape[0]!, 384], data: conv2.data },
      activations: new Map(taps.map((tap) => [tap, result.activations.get(tap)!])),
    };
  };
  const backend: ModelBackend = {
    id: 'segmenting-toy',
    capabilities: new Set(options.maskedInputs ? ['forward', 'masked-inputs'] : ['forward']),
    description,
    run,
    ...(options.maskedInputs
      ? {
          maskedInputs: {
            runMasked: async (request, signal) => {
              const [count, height, width] = checkMaskedRunRequest(description, request, signal);
              const images = new Float32Array(count * 768);
              for (let slot = 0; slot < count; slot += 1) {
                const plane = request.masks.data.subarray(slot * height * width, (slot + 1) * height * width);
                const mask = resizeBilinear({ height, width, data: plane }, 16, 16).data;
                for (let value = 0; value < 768; value += 1) images[slot * 768 + value] = request.image.data[value]! * mask[value % 256]!;
              }
              return run({ input: { shape: [count, 3, 16, 16], data: images } }, signal);
            },
          },
        }
      : {}),
    dispose: async () => {},
  };
  return { backend, runs };
}
