import type { LayersModel, SymbolicTensor } from '@tensorflow/tfjs-layers';

type Layer = LayersModel['layers'][number];
/** One application of a layer inside a LayersModel. */
export type LayerNode = Layer['inboundNodes'][number];

/**
 * The nodes (layer applications) that an output of a LayersModel depends on, in forward
 * order: the order of the model's layers, which TF.js keeps topologically sorted.
 *
 * @internal
 * @param output - The tensor whose dependencies to collect.
 * @returns The nodes, inputs' nodes included, each once.
 */
export function modelNodes(model: LayersModel, output: SymbolicTensor): LayerNode[] {
  const seen = new Set<LayerNode>();
  const pending: SymbolicTensor[] = [output];
  while (pending.length > 0) {
    const tensor = pending.pop()!;
    const node = tensor.sourceLayer.inboundNodes[tensor.nodeIndex];
    if (node === undefined || seen.has(node)) continue;
    seen.add(node);
    pending.push(...node.inputTensors);
  }
  const position = new Map(model.layers.map((layer, index) => [layer, index]));
  const order = (node: LayerNode): number => position.get(node.outboundLayer as Layer) ?? -1;
  return [...seen].sort((a, b) => order(a) - order(b) || a.outboundLayer.inboundNodes.indexOf(a) - b.outboundLayer.inboundNodes.indexOf(b));
}
