import { backendCapabilities, checkRunRequest, type ModelBackend, type ModelDescription, type RunRequest, type RunResult } from '@polycam/core';

/**
 * A two-class model whose softmax is computable by hand, for the faithfulness specs: for an
 * image x of `[C, H, W]`, the logits are `z0 = bias + Σ_i weights[i] · x[i]` (over all C·H·W
 * values, channels first) and `z1 = 0`, so `softmax(z)[0] = 1 / (1 + e^−z0)`.
 *
 * It records the size of every batch it runs (`batchSizes`) and copies every image it receives
 * (`images`), so that specs can check batching and see exactly what the metric fed the model.
 *
 * @param shape - `[C, H, W]`.
 * @param weights - `C·H·W` weights, channels first.
 * @param bias - Added to z0; 0 by default.
 * @returns The backend, with its run log.
 */
export function createLinearBackend(
  shape: readonly [number, number, number],
  weights: readonly number[],
  bias = 0,
): ModelBackend & { readonly batchSizes: number[]; readonly images: Float32Array[] } {
  const size = shape[0] * shape[1] * shape[2];
  if (weights.length !== size) throw new Error(`the linear test model needs ${size} weights, got ${weights.length}`);
  const batchSizes: number[] = [];
  const images: Float32Array[] = [];
  const description: ModelDescription = {
    input: { name: 'input', shape, layout: 'NCHW', fixedBatchSize: undefined },
    output: { name: 'logits', shape: [2], size: 2 },
    layers: [],
  };
  return {
    id: 'linear-test',
    capabilities: backendCapabilities({}),
    description,
    batchSizes,
    images,
    run: async (request: RunRequest): Promise<RunResult> => {
      checkRunRequest(description, request);
      const count = request.input.shape[0]!;
      batchSizes.push(count);
      const output = new Float32Array(count * 2);
      for (let image = 0; image < count; image += 1) {
        const pixels = request.input.data.slice(image * size, (image + 1) * size);
        images.push(pixels);
        let z0 = bias;
        pixels.forEach((value, index) => {
          z0 += weights[index]! * value;
        });
        output[image * 2] = z0;
      }
      return { output: { shape: [count, 2], data: output }, activations: new Map() };
    },
    dispose: async () => {},
  };
}
