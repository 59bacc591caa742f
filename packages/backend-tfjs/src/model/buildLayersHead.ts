import { input as symbolicInput, model as functionalModel, type LayersModel, type SymbolicTensor } from '@tensorflow/tfjs-layers';
import type { LayerNode } from './modelNodes.js';

/**
 * A LayersModel split at one tensor: `prefix` computes the tensor and the other tensors the
 * rest needs; `rest` computes the output from them.
 *
 * @internal
 */
export interface LayersHead {
  /** From the image to `[split tensor, ...others]`. */
  readonly prefix: LayersModel;
  /** From `[split tensor, ...others]` to the output; undefined when the output ignores it. */
  readonly rest: LayersModel | undefined;
}

/**
 * Splits a LayersModel at a tensor by re-applying every node downstream of it to a new input.
 * The re-applied layers share their weights with the model. Tensors that downstream nodes read
 * from upstream of the split (skip connections) become extra inputs, computed by the prefix:
 * they do not depend on the split tensor, so they are constants for its gradient.
 *
 * @internal
 * @param inputs - The model's inputs.
 * @param nodes - The model's nodes in forward order (see `modelNodes`).
 * @param split - The tensor to split at.
 */
export function buildLayersHead(
  inputs: readonly SymbolicTensor[],
  nodes: readonly LayerNode[],
  split: SymbolicTensor,
  output: SymbolicTensor,
): LayersHead {
  const splitInput = symbolicInput({ shape: split.shape.slice(1) as number[] });
  const mapped = new Map<SymbolicTensor, SymbolicTensor>([[split, splitInput]]);
  const extras = new Map<SymbolicTensor, SymbolicTensor>();
  for (const node of nodes) {
    if (!node.inputTensors.some((tensor) => mapped.has(tensor)) || node.outputTensors.includes(split)) continue;
    const nodeInputs = node.inputTensors.map((tensor) => {
      const known = mapped.get(tensor) ?? extras.get(tensor);
      if (known !== undefined) return known;
      const extra = symbolicInput({ shape: tensor.shape.slice(1) as number[] });
      extras.set(tensor, extra);
      return extra;
    });
    const result = node.outboundLayer.apply(nodeInputs.length === 1 ? nodeInputs[0]! : nodeInputs, node.callArgs ?? {});
    const outputs = (Array.isArray(result) ? result : [result]) as SymbolicTensor[];
    node.outputTensors.forEach((tensor, index) => mapped.set(tensor, outputs[index]!));
  }
  const prefix = functionalModel({ inputs: [...inputs], outputs: [split, ...extras.keys()] });
  const restOutput = mapped.get(output);
  const rest =
    restOutput === undefined || restOutput === splitInput
      ? undefined
      : functionalModel({ inputs: [splitInput, ...extras.values()], outputs: restOutput });
  return { prefix, rest };
}
