import type { OnnxModelSummary } from './OnnxModelSummary.js';

/** Operators that move the image's values without computing anything new from them. */
const LAYOUT_OPS = new Set(['Transpose', 'Identity']);

/**
 * The node outputs that depend on the graph's input, in graph order: the tensors that can be
 * layers. Constants, shape arithmetic on weights and other input-independent tensors are left
 * out, and so are layout changes of the input itself (the `Transpose` of an NHWC export that
 * lays the image out channels first, or an `Identity` of it): that tensor is the image, not a
 * layer.
 *
 * @param summary - The model's graph summary.
 * @param input - The image input's name.
 * @returns Tensor names in forward order.
 */
export function reachableOutputs(summary: OnnxModelSummary, input: string): string[] {
  const reached = new Set([input]);
  const images = new Set([input]);
  const names: string[] = [];
  for (const node of summary.nodes) {
    if (!node.inputs.some((name) => reached.has(name))) continue;
    const isImage = LAYOUT_OPS.has(node.op) && images.has(node.inputs[0]!);
    for (const output of node.outputs) {
      if (output !== '' && !reached.has(output)) {
        reached.add(output);
        if (isImage) {
          images.add(output);
        } else {
          names.push(output);
        }
      }
    }
  }
  return names;
}
