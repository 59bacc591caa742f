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
  /** The graph output to explain, when the model has several. Default: the first output. */
  readonly output?: string;
  /** The input's height and width when the model declares them as dynamic. Default `[224, 224]`. */
  readonly inputSize?: readonly [number, number];
}
