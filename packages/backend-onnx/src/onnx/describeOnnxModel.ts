import { PolycamError, type LayerInfo, type ModelDescription } from '@polycam/core';
import type { InferenceSession } from 'onnxruntime-common';
import type { OnnxWiring } from '../OnnxWiring.js';
import type { OnnxModelSummary } from './OnnxModelSummary.js';
import type { OnnxRuntimeBinding } from './OnnxRuntimeBinding.js';

/**
 * Describes a model's layers with one shape-probing pass: a zero image goes through the session
 * whose graph outputs every candidate tensor, and each float tensor of rank 2 or more becomes a
 * layer with its per-image shape.
 *
 * @internal
 * @param binding - Makes the runtime's tensors.
 * @param tapped - A session whose graph outputs all `candidates`.
 * @param summary - The graph summary, for node names and operators.
 * @param wiring - The input and output.
 * @param candidates - The tensors that depend on the input, in forward order.
 * @returns The model's description.
 * @throws {@link PolycamError} `invalid-model` when the probe fails or the output is not float.
 */
export async function describeOnnxModel(
  binding: OnnxRuntimeBinding,
  tapped: InferenceSession,
  summary: OnnxModelSummary,
  wiring: OnnxWiring,
  candidates: readonly string[],
): Promise<ModelDescription> {
  const [channels, height, width] = wiring.imageShape;
  const batch = wiring.fixedBatchSize ?? 1;
  const dims = wiring.layout === 'NCHW' ? [batch, channels, height, width] : [batch, height, width, channels];
  const fetches = [...new Set([wiring.output, ...candidates])];
  const image = binding.tensor(new Float32Array(batch * channels * height * width), dims);
  let probe: InferenceSession.ReturnType;
  try {
    probe = await tapped.run({ [wiring.input]: image }, fetches);
  } catch (error) {
    throw new PolycamError('invalid-model', `the model fails on a [${dims.join(',')}] input: ${String((error as Error).message).split('\n')[0]}`, { cause: error });
  } finally {
    image.dispose();
  }
  const output = probe[wiring.output];
  if (output === undefined || output.type !== 'float32') {
    throw new PolycamError('invalid-model', `the model's output '${wiring.output}' is not a float32 tensor`);
  }
  const producers = new Map(summary.nodes.flatMap((node) => node.outputs.map((tensor) => [tensor, node] as const)));
  const layers: LayerInfo[] = candidates.flatMap((candidate) => {
    const tensor = probe[candidate];
    if (tensor === undefined || tensor.type !== 'float32' || tensor.dims.length < 2) return [];
    const node = producers.get(candidate);
    return [{ name: candidate, ...(node?.name ? { node: node.name } : {}), ...(node ? { op: node.op } : {}), shape: tensor.dims.slice(1) }];
  });
  return {
    input: { name: wiring.input, shape: wiring.imageShape, layout: wiring.layout, fixedBatchSize: wiring.fixedBatchSize },
    output: { name: wiring.output, shape: output.dims.slice(1), size: output.dims.slice(1).reduce((product, dim) => product * dim, 1) },
    layers,
  };
}
