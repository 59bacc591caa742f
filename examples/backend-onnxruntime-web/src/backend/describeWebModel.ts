import { PolycamError, type LayerInfo, type ModelDescription } from '@polycam/core';
import type { OnnxModelSummary, OnnxWiring } from '@polycam/backend-onnx/onnx';
import type * as ort from 'onnxruntime-web';
import { runWebSession } from '../runtime/runWebSession.js';

/**
 * Describes a model for polycam by running a zero image through a session whose graph outputs
 * every candidate tensor: each float tensor of rank 2 or more becomes a layer, with the shape
 * it has for one image and the node that writes it.
 *
 * @param tapped - A session on the model rewritten with `withGraphOutputs(…, candidates, …)`.
 * @param summary - The model's graph summary.
 * @param wiring - Its input and output.
 * @param candidates - The tensors to probe, in forward order.
 * @returns The description.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-model` when the probe fails.
 */
export async function describeWebModel(
  tapped: ort.InferenceSession,
  summary: OnnxModelSummary,
  wiring: OnnxWiring,
  candidates: readonly string[],
): Promise<ModelDescription> {
  const batch = wiring.fixedBatchSize ?? 1;
  const dims = [batch, ...wiring.imageShape];
  let probe: Awaited<ReturnType<typeof runWebSession>>;
  try {
    probe = await runWebSession(tapped, { [wiring.input]: { data: new Float32Array(dims.reduce((a, b) => a * b, 1)), dims } }, [wiring.output, ...candidates.filter((name) => name !== wiring.output)]);
  } catch (error) {
    throw new PolycamError('invalid-model', `the model fails on a [${dims.join(',')}] input: ${(error as Error).message}`, { cause: error });
  }
  const writers = new Map(summary.nodes.flatMap((node) => node.outputs.map((output) => [output, node] as const)));
  const layers: LayerInfo[] = [];
  for (const name of candidates) {
    const tensor = probe.get(name);
    if (tensor === undefined || tensor.dims.length < 2 || !(tensor.data instanceof Float32Array)) continue;
    const node = writers.get(name);
    layers.push({ name, ...(node?.name ? { node: node.name } : {}), ...(node ? { op: node.op } : {}), shape: tensor.dims.slice(1) });
  }
  const output = probe.get(wiring.output)!;
  return {
    input: { name: wiring.input, shape: wiring.imageShape, layout: wiring.layout, fixedBatchSize: wiring.fixedBatchSize },
    output: { name: wiring.output, size: output.dims.slice(1).reduce((a, b) => a * b, 1) },
    layers,
  };
}
