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
  /** The graph output to explain, when the model has several. Default: the first output. */
  readonly output?: string;
  /**
   * The input's height and width when the model declares them as dynamic. Default `[224, 224]`.
   */
  readonly inputSize?: readonly [number, number];
}
