import { PolycamError, type Tensor } from '@polycam/core';
import type { InferenceSession } from 'onnxruntime-common';
import type { OnnxRuntimeBinding } from './OnnxRuntimeBinding.js';

/**
 * Runs a session once on float32 feeds and returns the fetched float32 outputs as polycam
 * tensors (batch axis first, as the runtime gave them), disposing of the input tensors.
 *
 * @internal
 * @param binding - Makes the runtime's tensors.
 * @param feeds - Each input's values and dims.
 * @param fetches - The outputs to return.
 * @returns Each fetched output by name.
 * @throws whatever the runtime throws; {@link PolycamError} `backend-failure` for an output
 *   that is not float32.
 */
export async function runOnnxSession(
  binding: OnnxRuntimeBinding,
  session: InferenceSession,
  feeds: Readonly<Record<string, { readonly data: Float32Array; readonly dims: readonly number[] }>>,
  fetches: readonly string[],
): Promise<Map<string, Tensor>> {
  const inputs = Object.fromEntries(Object.entries(feeds).map(([name, { data, dims }]) => [name, binding.tensor(data, dims)]));
  try {
    const results = await session.run(inputs, fetches);
    return new Map(
      fetches.map((name) => {
        const tensor = results[name]!;
        if (tensor.type !== 'float32') throw new PolycamError('backend-failure', `the model's tensor '${name}' is ${tensor.type}, not float32`);
        return [name, { shape: tensor.dims, data: tensor.data as Float32Array }];
      }),
    );
  } finally {
    for (const tensor of Object.values(inputs)) tensor.dispose();
  }
}
