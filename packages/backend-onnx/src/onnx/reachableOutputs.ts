import type { OnnxModelSummary } from './OnnxModelSummary.js';

/**
 * The node outputs that depend on the graph's input, in graph order: the tensors that can be
 * layers. Constants, shape arithmetic on weights and other input-independent tensors are left
 * out.
 *
 * @param summary - The model's graph summary.
 * @param input - The image input's name.
 * @returns Tensor names in forward order.
 */
export function reachableOutputs(summary: OnnxModelSummary, input: string): string[] {
  const reached = new Set([input]);
  const names: string[] = [];
  for (const node of summary.nodes) {
    if (!node.inputs.some((name) => reached.has(name))) continue;
    for (const output of node.outputs) {
      if (output !== '' && !reached.has(output)) {
        reached.add(output);
        names.push(output);
      }
    }
  }
  return names;
}
