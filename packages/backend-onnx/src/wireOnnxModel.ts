import { PolycamError } from '@polycam/core';
import { detectLayout } from './detectLayout.js';
import type { OnnxModelSummary } from './onnx/OnnxModelSummary.js';
import { reachableOutputs } from './onnx/reachableOutputs.js';
import type { OnnxLoadOptions } from './OnnxLoadOptions.js';
import type { OnnxWiring } from './OnnxWiring.js';

const FLOAT = 1;
const DEFAULT_SIZE: readonly [number, number] = [224, 224];
const IMAGE_CHANNELS: readonly number[] = [1, 3, 4];

/**
 * Finds a model's image input and explained output, and reads the input's layout, size and
 * batch axis from its declared shape (options override the layout, the output and a dynamic
 * size). The output named in the options may be a graph output or any intermediate tensor
 * computed from the input (a classifier's global-average-pool tensor, to explain it as an
 * embedding); the sessions then output it too.
 *
 * @param summary - The graph summary.
 * @param options - The load options.
 * @param name - The model's name, for messages.
 * @returns The wiring.
 * @throws {@link @polycam/core!index.PolycamError | PolycamError} `invalid-model` unless the model has exactly one float32 rank-4
 *   input with a fixed channel count, and the named (or first) output, which names the graph
 *   outputs when it is neither one of them nor a tensor computed from the input; `invalid-argument` for a
 *   forced layout whose channel axis holds other than 1, 3 or 4 channels.
 */
export function wireOnnxModel(summary: OnnxModelSummary, options: OnnxLoadOptions, name: string): OnnxWiring {
  const fail = (why: string): never => {
    throw new PolycamError('invalid-model', `${name} is not a usable ONNX model: ${why}`);
  };
  const [input, ...otherInputs] = summary.inputs;
  if (input === undefined || otherInputs.length > 0) {
    return fail(`polycam needs exactly one image input, found ${summary.inputs.length}`);
  }
  if (input.dims.length !== 4 || input.elementType !== FLOAT) {
    return fail(`its input '${input.name}' is not a float32 image batch of rank 4`);
  }
  const graphOutputs = summary.outputs.map((candidate) => candidate.name);
  const output = options.output ?? graphOutputs[0];
  if (output === undefined) {
    return fail('it has no graph output');
  }
  if (!graphOutputs.includes(output) && !reachableOutputs(summary, input.name).includes(output)) {
    return fail(`it has no graph output, nor a tensor computed from its input, named '${output}' (graph outputs: ${graphOutputs.join(', ') || 'none'})`);
  }
  const layout = options.layout ?? detectLayout(input.dims);
  const [channels, height, width] =
    layout === 'NCHW' ? [input.dims[1], input.dims[2], input.dims[3]] : [input.dims[3], input.dims[1], input.dims[2]];
  if (typeof channels !== 'number') {
    return fail(`its input '${input.name}' has no fixed channel count`);
  }
  if (options.layout !== undefined && !IMAGE_CHANNELS.includes(channels)) {
    throw new PolycamError(
      'invalid-argument',
      `layout ${layout} reads ${name}'s input '${input.name}' [${input.dims.join(',')}] as images of ${channels} channels, not 1, 3 or 4 (detected: ${detectLayout(input.dims)})`,
    );
  }
  const size = options.inputSize ?? DEFAULT_SIZE;
  return {
    input: input.name,
    output,
    imageShape: [channels, typeof height === 'number' ? height : size[0], typeof width === 'number' ? width : size[1]],
    layout,
    fixedBatchSize: typeof input.dims[0] === 'number' ? input.dims[0] : undefined,
  };
}
