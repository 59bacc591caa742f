import type { BackendLoadOptions } from '@polycam/core';
import type { OrtWebDevice } from './OrtWebDevice.js';

/**
 * Options for loading an ONNX model on onnxruntime-web.
 */
export interface OrtWebLoadOptions extends BackendLoadOptions {
  /**
   * WASM threads. The runtime takes it once per process (see `configureWasm`); default: half
   * the logical cores, between 1 and 4.
   */
  readonly threads?: number;
  /** Where the model runs: `wasm` (the default) or `webgpu`, where the browser offers it. */
  readonly device?: OrtWebDevice;
  /**
   * The output to explain: a graph output, when the model has several, or any intermediate
   * float tensor computed from the input (such as a global-average-pool tensor, to explain it as
   * an embedding), which every session then outputs too. Default: the first graph output.
   */
  readonly output?: string;
  /** The input's height and width when the model declares them as dynamic. Default `[224, 224]`. */
  readonly inputSize?: readonly [number, number];
}
