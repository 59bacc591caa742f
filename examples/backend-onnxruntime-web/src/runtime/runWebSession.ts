import { PolycamError } from '@polycam/core';
import * as ort from 'onnxruntime-web';

/**
 * Runs a session once and returns the fetched outputs as plain float32 arrays with their
 * shapes, releasing the runtime's tensors.
 *
 * @param session - The session.
 * @param feeds - Each input's values and dims.
 * @param fetches - The outputs to return.
 * @returns Each fetched output's values and dims.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `backend-failure` when the runtime fails.
 */
export async function runWebSession(
  session: ort.InferenceSession,
  feeds: Record<string, { data: Float32Array; dims: readonly number[] }>,
  fetches: readonly string[],
): Promise<Map<string, { data: Float32Array; dims: readonly number[] }>> {
  const inputs = Object.fromEntries(Object.entries(feeds).map(([name, { data, dims }]) => [name, new ort.Tensor('float32', data, dims)]));
  let results: ort.InferenceSession.ReturnType | undefined;
  try {
    results = await session.run(inputs, [...fetches]);
    return new Map(fetches.map((name) => [name, { data: results![name]!.data as Float32Array, dims: results![name]!.dims }]));
  } catch (error) {
    throw new PolycamError('backend-failure', `onnxruntime-web failed: ${String((error as Error).message).split('\n')[0]}`, { cause: error });
  } finally {
    for (const tensor of Object.values(inputs)) tensor.dispose();
  }
}
