import type { BackendLoadOptions } from '@polycam/core';

/**
 * Options for loading an ONNX model.
 */
export interface OnnxLoadOptions extends BackendLoadOptions {
  /**
   * The intra-op thread count (threads for one operator). Default: onnxruntime's choice, one per
   * physical core.
   */
  readonly threads?: number;
  /**
   * The output to explain: a graph output, when the model has several, or any intermediate
   * float tensor computed from the input (such as a global-average-pool tensor, to explain it as
   * an embedding), which every session then outputs too. Default: the first graph output.
   */
  readonly output?: string;
  /**
   * The input's height and width when the model declares them as dynamic. Default `[224, 224]`.
   */
  readonly inputSize?: readonly [number, number];
}
